package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Train form on screen: every bad field marked at once with its message under it, Start off until all are good. */
class TrainFormUiTest {
    private static final FxRobot ROBOT = new FxRobot();
    private static Preferences prefs;
    private static TrainViewModel vm;
    private static TrainView view;

    @TempDir
    static Path dir;

    @BeforeAll
    static void open() throws Exception {
        prefs = Preferences.userRoot().node("org/latentexplorer/form-test-" + System.nanoTime());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage s) -> {
            vm = new TrainViewModel(TaskRunner.sameThread(), dir);
            view = new TrainView(vm, new AppContext(new AppPrefs(prefs)));
            s.setScene(new Scene(new javafx.scene.layout.StackPane(view.node()), 1280, 900));
            s.getScene().getRoot().getStyleClass().add("latent-explorer");
            s.show();
        });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.setupFixture(view::shutdown);
        FxToolkit.cleanupStages();
        prefs.removeNode();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    private static void type(String id, String text) {
        TextField f = ROBOT.lookup("#" + id).queryAs(TextField.class);
        ROBOT.clickOn(f);
        ROBOT.interact(f::selectAll);
        ROBOT.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean marked(String id) throws Exception {
        return fx(() -> ROBOT.lookup("#" + id).query().getStyleClass().contains(FormValidation.INVALID));
    }

    private static String message(String id) throws Exception {
        return fx(() -> {
            Label m = ROBOT.lookup("#" + id + "-message").queryAs(Label.class);
            return m.isVisible() ? m.getText() : "";
        });
    }

    private static boolean startDisabled() throws Exception {
        return fx(() -> ROBOT.lookup("#train-start").queryAs(Button.class).isDisabled());
    }

    @Test
    void twoBadFieldsAreMarkedAtOnceWithTheirMessagesAndStartWaitsUntilBothAreFixed() throws Exception {
        assertFalse(startDisabled(), "the default form can start");
        type("train-lr", "fast");
        type("train-epochs", "0");
        assertTrue(marked("train-lr") && marked("train-epochs"), "both bad fields are marked");
        assertEquals("a number above 0, e.g. 1e-4, not 'fast'", message("train-lr"));
        assertEquals("a whole number 1 or more, not 0", message("train-epochs"));
        assertFalse(marked("train-batch"), "a good field is not marked");
        assertEquals("", message("train-batch"));
        assertTrue(startDisabled());
        assertEquals("2 fields to correct: Epochs, Learning rate", fx(() -> ROBOT.lookup("#form-error").queryAs(Label.class).getText()));

        type("train-lr", "3e-4");
        assertFalse(marked("train-lr"));
        assertEquals("", message("train-lr"));
        assertTrue(marked("train-epochs"), "the other one stays marked");
        assertTrue(startDisabled());
        type("train-epochs", "2");
        assertFalse(marked("train-epochs"));
        assertEquals("", message("train-epochs"));
        assertFalse(startDisabled());
        assertEquals(3e-4, fx(() -> vm.config().learningRate()));
        assertEquals(2, fx(() -> vm.config().epochs()));
    }

    @Test
    void aFieldMadeBadByAnotherIsMarkedToo() throws Exception {
        // Path is only needed for data sets on disk: choosing one marks the empty Path
        ROBOT.interact(() -> vm.datasetKind.set(org.latentexplorer.data.DatasetSpec.Kind.MNIST));
        assertTrue(marked("dataset-path"));
        assertEquals("choose the data set's folder", message("dataset-path"));
        assertTrue(startDisabled());
        ROBOT.interact(() -> vm.datasetKind.set(org.latentexplorer.data.DatasetSpec.Kind.DSPRITES));
        assertFalse(marked("dataset-path"));
        assertFalse(startDisabled());
    }

    @Test
    void alphaIsTypedOrSlidAndAnOutOfRangeValueIsMarked() throws Exception {
        type("train-alpha-text", "1.5");
        assertTrue(marked("train-alpha-text"));
        assertEquals("a number from 0 to 1, e.g. 0.5", message("train-alpha-text"));
        assertTrue(startDisabled(), "a bad α blocks Start even though the model's α is still the old one");
        type("train-alpha-text", "0.33\n");
        assertFalse(marked("train-alpha-text"));
        assertEquals(0.33, fx(() -> vm.alpha.get()));
        assertFalse(startDisabled());
        ROBOT.interact(() -> ROBOT.lookup("#alpha").queryAs(Slider.class).setValue(0.75));
        ROBOT.clickOn("#train-lr"); // focus elsewhere: the field follows the slider
        ROBOT.interact(() -> ROBOT.lookup("#alpha").queryAs(Slider.class).setValue(0.8));
        assertEquals("0.8", fx(() -> ROBOT.lookup("#train-alpha-text").queryAs(TextField.class).getText()));
        // the subset control is on the form, spread by default
        Node subset = fx(() -> ROBOT.lookup("#train-subset").query());
        assertEquals(org.latentexplorer.data.Subset.SPREAD, fx(() -> ((javafx.scene.control.ComboBox<?>) subset).getValue()));
    }
}
