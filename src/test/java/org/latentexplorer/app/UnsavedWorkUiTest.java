package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Nothing trained is lost without asking (the real window, headless): a model that exists only as a
 * temporary checkpoint is kept, saved or discarded by the user's choice wherever it would be replaced or the
 * app would quit, and the checkpoint of an app that crashed is offered for recovery. The "trained" model is
 * a real model file adopted as this session's unsaved checkpoint, so no training is needed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnsavedWorkUiTest {
    private static final int TIMEOUT = 120;
    private static final FxRobot ROBOT = new FxRobot();
    private static MainWindow window;
    private static UiSession ui;

    @TempDir
    static Path dir;

    static Path work() {
        return dir.resolve("work");
    }

    static Path golden() throws Exception {
        return Path.of(UnsavedWorkUiTest.class.getResource("/golden/model-format-v1.zip").toURI());
    }

    @BeforeAll
    static void startApp() throws Exception {
        ui = UiSession.open("unsaved-test", work(), TIMEOUT, false);
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

    private static DialogPane dialog(String id) {
        waitFor(() -> ROBOT.lookup("#" + id).tryQuery().isPresent());
        return fx(() -> ROBOT.lookup("#" + id).queryAs(DialogPane.class));
    }

    private static void press(DialogPane pane, ButtonType button) {
        ROBOT.interact(() -> ((Button) pane.lookupButton(button)).fire());
        waitFor(() -> ROBOT.lookup("#" + pane.getId()).tryQuery().isEmpty());
    }

    /** An unsaved "trained" model: a model file in the work folder, current and adopted as this session's checkpoint. */
    private static Path unsavedModel(String name) throws Exception {
        Path checkpoint = Files.createDirectories(work()).resolve(name);
        Files.copy(golden(), checkpoint);
        ROBOT.interact(() -> window.openModel(checkpoint));
        waitFor(() -> checkpoint.equals(window.model().get().file()));
        ROBOT.interact(() -> window.train().adopt(checkpoint));
        return checkpoint;
    }

    @Test
    @Order(1)
    void quittingAsksSaveDiscardCancelAndCancelKeepsTheWindow() throws Exception {
        unsavedModel("training-1.zip");
        Boolean[] allowed = new Boolean[1];
        javafx.application.Platform.runLater(() -> allowed[0] = window.confirmClose());
        DialogPane ask = dialog("unsaved-dialog");
        assertTrue(fx(ask::getHeaderText).contains("not saved"), fx(ask::getHeaderText));
        assertEquals(List.of(UnsavedWork.SAVE, UnsavedWork.DISCARD, ButtonType.CANCEL), fx(() -> List.copyOf(ask.getButtonTypes())));
        press(ask, ButtonType.CANCEL);
        waitFor(() -> allowed[0] != null);
        assertFalse(allowed[0], "Cancel keeps the window open");
    }

    @Test
    @Order(2)
    void openingAnotherModelAsksAndCancelKeepsTheUnsavedOne() throws Exception {
        Path other = Files.copy(golden(), dir.resolve("other-model.zip"));
        LoadedModel before = fx(() -> window.model().get());
        ROBOT.interact(() -> window.openModel(other));
        DialogPane ask = dialog("unsaved-dialog");
        assertTrue(fx(ask::getContentText).contains("not been saved"), fx(ask::getContentText));
        press(ask, ButtonType.CANCEL);
        assertEquals(before, fx(() -> window.model().get()), "Cancel keeps the unsaved model current");
        assertFalse(fx(() -> window.train().savedProperty().get()));
    }

    @Test
    @Order(3)
    void saveWritesTheFileShowsItAsTheModelsFileAndRemovesTheTemporaryCheckpoints() throws Exception {
        String[] proposed = new String[1];
        ROBOT.interact(() -> window.context().modelTarget = name -> {
            proposed[0] = name;
            return dir.resolve("saved-" + name);
        });
        Path other = dir.resolve("other-model.zip");
        ROBOT.interact(() -> window.openModel(other));
        press(dialog("unsaved-dialog"), UnsavedWork.SAVE);
        waitFor(() -> other.equals(window.model().get().file()));
        String name = UnsavedWork.defaultName(org.latentexplorer.model.VaeModel.load(golden()).manifest());
        assertEquals(name, proposed[0], "the proposed name comes from the run");
        assertTrue(name.matches("[a-z-]+(-a[0-9.]+)?\\.zip"), name);
        Path saved = dir.resolve("saved-" + name);
        assertTrue(Files.isRegularFile(saved));
        assertTrue(fx(() -> window.train().savedProperty().get()));
        assertTrue(WorkDirectory.checkpoints(work()).isEmpty(), "no temporary checkpoint is left once saved");
        assertTrue(fx(() -> window.confirmClose()), "nothing unsaved: quitting asks nothing");
    }

    @Test
    @Order(4)
    void afterCtrlSTheFileRowShowsTheSavedPath() throws Exception {
        unsavedModel("training-2.zip");
        ROBOT.interact(() -> window.context().modelTarget = name -> dir.resolve("second.zip"));
        ROBOT.interact(() -> window.trainView().save());
        Path saved = dir.resolve("second.zip");
        waitFor(() -> saved.equals(window.model().get().file()));
        ROBOT.clickOn("#tab-models");
        String fileRow = fx(() -> ((Label) ROBOT.lookup("#models-manifest").queryAs(GridPane.class).getChildren().get(1)).getText());
        assertEquals(saved.toString(), fileRow, "the File row shows the saved file, not the temporary one");
        assertTrue(WorkDirectory.checkpoints(work()).isEmpty());
    }

    @Test
    @Order(5)
    void aCheckpointLeftByACrashedAppIsOfferedForRecoveryAndDiscardDeletesIt() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.createDirectories(dir.resolve(WorkDirectory.PREFIX + "crashed"));
        Files.writeString(stale.resolve(WorkDirectory.OWNER), Long.toString(gone.pid()));
        Files.copy(golden(), stale.resolve("training-123.zip"));
        ROBOT.interact(() -> window.offerRecovery());
        press(dialog("recovery-dialog"), UnsavedWork.RECOVER);
        Path recovered = work().resolve("training-123.zip");
        waitFor(() -> recovered.equals(window.model().get().file()));
        assertFalse(Files.exists(stale), "the crashed app's folder is gone once recovered");
        assertFalse(fx(() -> window.train().savedProperty().get()), "the recovered model counts as unsaved");

        Path other = dir.resolve("other-model.zip");
        ROBOT.interact(() -> window.openModel(other));
        press(dialog("unsaved-dialog"), UnsavedWork.DISCARD);
        waitFor(() -> other.equals(window.model().get().file()));
        assertFalse(Files.exists(recovered), "a discarded checkpoint is deleted");
        assertTrue(fx(() -> window.confirmClose()), "nothing unsaved any more");
    }
}
