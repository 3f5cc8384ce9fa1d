package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on Monocle's headless platform, for one UI test class: opened once (with its own
 * preferences node and work folder, 1280×800), awaited until its first model has loaded, and closed once.
 * Background work is awaited by explicit conditions with a timeout, never by elapsed time.
 */
final class UiSession {
    final MainWindow window;
    final Stage stage;
    private final Preferences prefs;
    private final int timeoutSeconds;

    private UiSession(MainWindow window, Stage stage, Preferences prefs, int timeoutSeconds) {
        this.window = window;
        this.stage = stage;
        this.prefs = prefs;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Opens the window with a fresh preferences node named after {@code name} and {@code work} as its work folder.
     *
     * @param bindTitle whether the stage's title follows the window's (as in the app)
     */
    static UiSession open(String name, Path work, int timeoutSeconds, boolean bindTitle) throws Exception {
        Preferences prefs = Preferences.userRoot().node("org/latentexplorer/" + name + "-" + System.nanoTime());
        Stage stage = FxToolkit.registerPrimaryStage();
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(s -> {
            window[0] = new MainWindow(new AppPrefs(prefs), work);
            s.setScene(LatentExplorerApp.scene(window[0], 1280, 800));
            if (bindTitle) {
                s.titleProperty().bind(window[0].titleProperty());
            }
            window[0].owner(s);
            s.show();
            window[0].start();
        });
        UiSession session = new UiSession(window[0], stage, prefs, timeoutSeconds);
        session.waitFor(() -> window[0].model().get() != null);
        return session;
    }

    /** The window's preferences, read afresh. */
    AppPrefs prefs() {
        return new AppPrefs(prefs);
    }

    /** Closes the window and removes the preferences node. */
    void close() throws Exception {
        FxToolkit.setupFixture(window::close);
        FxToolkit.cleanupStages();
        prefs.removeNode();
    }

    /** Runs {@code c} on the FX thread and returns its result. */
    <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(timeoutSeconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + timeoutSeconds + " s", e);
        }
    }
}
