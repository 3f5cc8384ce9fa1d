package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.teaching.LatentMap;
import org.latentexplorer.teaching.LatentMapFigure;
import org.testfx.api.FxRobot;

/**
 * The teaching views in the real app, headless: the Fig 2 fit animates to its end and follows the α slider, the
 * latent map and the reconstructions draw and a click on the map sets the Traverse anchor, and the teaching mode
 * steps through its slides with the keyboard and gives the views back to their tabs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeachingViewsUiTest {
    private static final int TIMEOUT = 240;
    private static final FxRobot ROBOT = new FxRobot();
    private static MainWindow window;
    private static UiSession ui;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startApp() throws Exception {
        ui = UiSession.open("teaching-test", dir.resolve("work"), TIMEOUT, false);
        window = ui.window;
    }

    @AfterAll
    static void closeApp() throws Exception {
        ui.close();
    }

    static <T> T fx(Callable<T> c) {
        return ui.fx(c);
    }

    static void waitFor(Callable<Boolean> condition) {
        ui.waitFor(condition);
    }

    @Test
    @Order(1)
    void theFig2FitAnimatesToItsEndAndFollowsAlpha() {
        FitDemoViewModel vm = window.fitDemo();
        ROBOT.interact(() -> {
            vm.points.set(20_000);
            vm.steps.set(100);
        });
        ROBOT.clickOn("#tab-fit-demo");
        waitFor(() -> vm.frameProperty().get() != null && vm.frameProperty().get().done()
                && ROBOT.lookup("#fit-demo-page").queryAs(ImageView.class).getImage() != null);
        assertEquals(6, fx(() -> vm.frameProperty().get().fits().size()));
        ROBOT.interact(() -> ROBOT.lookup("#fit-alpha").queryAs(Slider.class).setValue(0.9));
        waitFor(() -> vm.frameProperty().get().alpha() == 0.9 && vm.frameProperty().get().done());
        assertFalse(fx(() -> vm.runningProperty().get()));
    }

    @Test
    @Order(2)
    void theLatentMapAndReconstructionsDrawAndAClickSetsTheAnchor() {
        LatentMapViewModel vm = window.latentMap();
        ROBOT.clickOn("#tab-latent-map");
        waitFor(() -> vm.mapProperty().get() != null && vm.layoutProperty().get() != null
                && ROBOT.lookup("#latent-map-page").queryAs(ImageView.class).getImage() != null
                && ROBOT.lookup("#reconstructions-strip").queryAs(ImageView.class).getImage() != null);
        LatentMap map = fx(() -> vm.mapProperty().get());
        assertTrue(map.factorNames().contains("shape"), map.factorNames().toString());
        LatentMapFigure.Layout l = fx(() -> vm.layoutProperty().get());
        double px = l.px(map.x(5));
        double py = l.py(map.y(5));
        Node canvas = fx(() -> ROBOT.lookup("#latent-map-canvas").query());
        // a MouseEvent's coordinates are the scene's; the canvas sees them in its own
        javafx.geometry.Point2D scene = fx(() -> canvas.localToScene(px, py));
        ROBOT.interact(() -> canvas.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, scene.getX(), scene.getY(), 0, 0,
                MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, false, false, true, null)));
        waitFor(() -> vm.selectedProperty().get() >= 0 && vm.decodedProperty().get() != null);
        int chosen = fx(() -> vm.selectedProperty().get());
        float[] mu = map.mean(chosen);
        float[] anchor = fx(() -> window.traverse().anchor());
        assertEquals(mu.length, anchor.length);
        for (int d = 0; d < mu.length; d++) {
            assertEquals(mu[d], anchor[d], 1e-6, "latent " + d);
        }
    }

    @Test
    @Order(3)
    void theTeachingModeStepsThroughItsSlidesAndGivesTheViewsBack() {
        Node fitView = fx(() -> window.tabs().getTabs().get(4).getContent());
        ROBOT.clickOn("#teaching-mode-button");
        waitFor(() -> window.teachingMode() && ROBOT.lookup("#teaching-mode").tryQuery().isPresent());
        assertTrue(fx(() -> ROBOT.lookup("#teaching-title").queryLabeled().getText().startsWith("Fig. 1")));
        assertTrue(fx(() -> ROBOT.lookup("#teaching-fig1-chart").tryQuery().isPresent()));
        ROBOT.type(KeyCode.PAGE_DOWN);
        waitFor(() -> window.teaching().current() == 1);
        assertTrue(fx(() -> ROBOT.lookup("#teaching-title").queryLabeled().getText().startsWith("Fig. 2")));
        ROBOT.type(KeyCode.PAGE_DOWN);
        waitFor(() -> window.teaching().current() == 2);
        assertTrue(fx(() -> ROBOT.lookup("#latent-map-canvas").tryQuery().isPresent()));
        ROBOT.type(KeyCode.ESCAPE);
        waitFor(() -> !window.teachingMode());
        assertSame(fitView, fx(() -> window.tabs().getTabs().get(4).getContent()));
        assertTrue(fx(() -> ROBOT.lookup("#status-bar").tryQuery().isPresent()));
    }
}
