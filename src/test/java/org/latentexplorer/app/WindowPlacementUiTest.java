package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window opens with the place and size the preferences remember (as the app's start does), kept on the
 * visible screen, and remembers them again when it closes. Monocle's headless screen is 1280×800.
 */
class WindowPlacementUiTest {
    private final Preferences node = Preferences.userRoot().node("org/latentexplorer/placement-test-" + System.nanoTime());

    @AfterEach
    void cleanup() throws Exception {
        FxToolkit.cleanupStages();
        node.removeNode();
    }

    private Stage open(AppPrefs prefs) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            s.hide();
            s.setScene(new Scene(new Label("window"), 640, 480));
            WindowPlacement.restore(s, prefs);
            s.show();
        });
        return stage;
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    @Test
    void aRememberedWindowOpensThereAndIsRememberedAgain() throws Exception {
        AppPrefs prefs = new AppPrefs(node);
        prefs.placement(60, 40, 1000, 700, false);
        Stage stage = open(prefs);
        assertEquals(new Rectangle2D(60, 40, 1000, 700),
                fx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())));
        fx(() -> {
            stage.setX(10);
            stage.setY(20);
            stage.setWidth(1100);
            stage.setHeight(720);
            WindowPlacement.remember(stage, prefs);
            return null;
        });
        AppPrefs again = new AppPrefs(node);
        assertEquals(new Rectangle2D(10, 20, 1100, 720), new Rectangle2D(again.x(), again.y(), again.width(), again.height()));
    }

    @Test
    void aWindowLargerThanTheScreenIsKeptOnIt() throws Exception {
        Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
        double w = screen.getWidth() + 320;
        double h = screen.getHeight() + 190;
        AppPrefs prefs = new AppPrefs(node);
        prefs.placement(100, 30, w, h, false); // remembered on a larger monitor than the test's screen
        Stage stage = open(prefs);
        Rectangle2D expected = WindowPlacement.fit(100, 30, w, h, java.util.List.of(screen));
        assertEquals(new Rectangle2D(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight()), expected);
        assertEquals(expected, fx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())));
    }
}
