package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The real app, driven through TestFX on Monocle's headless platform. One window serves all tests
 * (ND4J and the demo model load once); background work is awaited by explicit conditions with
 * generous timeouts, never by elapsed time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppUiTest {
    private static final int TIMEOUT = Integer.getInteger("ui.timeout", 240);
    private static final FxRobot ROBOT = new FxRobot();
    private static MainWindow window;
    private static Stage stage;
    private static UiSession ui;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startApp() throws Exception {
        ui = UiSession.open("app-test", dir.resolve("work"), TIMEOUT, true);
        window = ui.window;
        stage = ui.stage;
        // a user who has read the first-run hint (FirstHelpUiTest covers it): the form's buttons stay in view at 1280×800
        ui.fx(() -> {
            window.closeFirstRunHint();
            return null;
        });
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
    void startsOnTheDefaultWithTheTitle() {
        String title = fx(stage::getTitle);
        assertTrue(title.startsWith("Latent Explorer"), title);
        LoadedModel m = fx(() -> window.model().get());
        assertTrue(m.manifest().provenance().dataset().startsWith("dsprites"), m.manifest().provenance().dataset());
        assertNotNull(m.sample(), "the demo works on procedural dSprites");
        if (ModelLoader.bundledModels().isEmpty()) {
            assertTrue(m.untrained());
            assertTrue(fx(() -> ROBOT.lookup("#untrained-banner").queryLabeled().isVisible()));
        }
        assertEquals(7, fx(() -> window.tabs().getTabs().size()));
    }

    @Test
    @Order(2)
    void aShortTrainingJobRunsFromTheTrainViewAndChartsPoints() {
        ROBOT.clickOn("#tab-train");
        TrainViewModel vm = window.train();
        // α can be typed: a value off the slider's 0.05 steps is kept; one outside [0, 1] is marked and ignored
        ROBOT.interact(() -> {
            javafx.scene.control.TextField a = ROBOT.lookup("#train-alpha-text").queryAs(javafx.scene.control.TextField.class);
            a.setText("0.33");
            a.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(0.33, fx(() -> vm.alpha.get()));
        ROBOT.interact(() -> {
            javafx.scene.control.TextField a = ROBOT.lookup("#train-alpha-text").queryAs(javafx.scene.control.TextField.class);
            a.setText("1.5");
            a.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(0.33, fx(() -> vm.alpha.get()));
        assertTrue(fx(() -> ROBOT.lookup("#train-alpha-text").query().getStyleClass().contains("invalid")));
        ROBOT.interact(() -> vm.alpha.set(0.5));
        ROBOT.interact(() -> {
            vm.limit.set("256");
            vm.epochs.set("1");
            vm.batch.set("32");
        });
        ROBOT.clickOn("#train-start");
        waitFor(() -> vm.stateProperty().get() != TrainViewModel.State.RUNNING
                && vm.stateProperty().get() != TrainViewModel.State.IDLE);
        assertEquals(TrainViewModel.State.FINISHED, fx(() -> vm.stateProperty().get()), fx(() -> vm.messageProperty().get()));
        assertTrue(fx(() -> vm.pointsProperty().get()) > 0);
        assertTrue(fx(() -> vm.losses().getItemCount(0)) > 0, "the loss series has points");
        assertEquals(1.0, fx(() -> vm.overallProgressProperty().get()));
        waitFor(() -> vm.previewProperty().get() != null);
        assertTrue(fx(() -> window.model().get().manifest().epochsCompleted()) == 1, "the trained model became current");
    }

    @Test
    @Order(3)
    void pauseResumeAndCancelControlTheRunningJob() {
        TrainViewModel vm = window.train();
        ROBOT.interact(() -> {
            vm.limit.set("4096");
            vm.epochs.set("20");
            vm.batch.set("16");
        });
        ROBOT.clickOn("#train-start");
        // the first run's model is not saved: a new run asks first (Discard keeps it current, but unsaved no more)
        DialogPane ask = dialog("unsaved-dialog");
        assertTrue(fx(ask::getHeaderText).contains("new training run"), fx(ask::getHeaderText));
        press(ask, UnsavedWork.DISCARD);
        waitFor(() -> vm.pointsProperty().get() > 0);
        ROBOT.clickOn("#train-pause");
        waitFor(() -> vm.stateProperty().get() == TrainViewModel.State.PAUSED && vm.job().isPaused());
        ROBOT.clickOn("#train-resume");
        waitFor(() -> vm.stateProperty().get() == TrainViewModel.State.RUNNING && !vm.job().isPaused());
        ROBOT.clickOn("#train-cancel");
        waitFor(() -> vm.stateProperty().get() == TrainViewModel.State.CANCELLED);
        assertTrue(vm.job().isCancelled());
        assertEquals("", fx(() -> ROBOT.lookup("#eta").queryAs(javafx.scene.control.Label.class).getText()),
                "a cancelled run shows no time left");
        assertEquals(1, fx(() -> window.model().get().manifest().epochsCompleted()),
                "a run cancelled in its first epoch leaves the previous model current");
    }

    @Test
    @Order(4)
    void theCurrentModelContinuesFromItsCheckpoint() throws Exception {
        TrainViewModel vm = window.train();
        LoadedModel before = fx(() -> window.model().get());
        byte[] original = Files.readAllBytes(before.file());
        ROBOT.interact(() -> vm.epochs.set("2"));
        ROBOT.clickOn("#train-continue");
        waitFor(() -> vm.stateProperty().get() != TrainViewModel.State.RUNNING);
        assertEquals(TrainViewModel.State.FINISHED, fx(() -> vm.stateProperty().get()), fx(() -> vm.messageProperty().get()));
        LoadedModel after = fx(() -> window.model().get());
        assertEquals(2, after.manifest().epochsCompleted());
        assertEquals(2, after.manifest().history().size(), "the history carries on from the checkpoint");
        assertTrue(Arrays.equals(original, Files.readAllBytes(before.file())), "the file continued from is left as it was");
    }

    @Test
    @Order(5)
    void theAlphaExplorerDraws() {
        ROBOT.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT2)
                .release(javafx.scene.input.KeyCode.DIGIT2, javafx.scene.input.KeyCode.CONTROL);
        waitFor(() -> window.tabs().getSelectionModel().getSelectedIndex() == 1);
        waitFor(() -> window.alpha().curvesProperty().get() != null);
        XYDataset data = fx(() -> window.alphaView().curvesViewer().getChart().getXYPlot().getDataset());
        assertTrue(fx(data::getSeriesCount) >= 4);
        assertTrue(fx(() -> data.getItemCount(0)) > 0, "the divergence-vs-α series is drawn");
        assertEquals(fx(() -> CurveReadout.spansDecades(data, 2)), fx(() -> window.alphaView().logScale().isSelected()),
                "the log scale is on exactly when the curves span more than two decades");
        var legend = fx(() -> window.alphaView().curvesViewer().getChart().getXYPlot().getLegendItems());
        for (int i = 0; i < fx(legend::getItemCount); i++) {
            String label = legend.get(i).getLabel();
            assertFalse(label.matches(".*[_^{}].*"), "typeset, not TeX: " + label);
        }
        assertEquals(fx(() -> window.alphaView().logScale().isSelected()),
                fx(() -> window.alphaView().curvesViewer().getChart().getXYPlot().getRangeAxis() instanceof org.jfree.chart.axis.LogAxis));
        waitFor(() -> window.alpha().perDimensionProperty().get() != null);
        assertTrue(fx(() -> window.alphaView().teachingData().getItemCount(0)) > 0, "the teaching densities are drawn");
        double before = fx(() -> window.alpha().teachingValuesProperty().get().get(2).value());
        ROBOT.interact(() -> ROBOT.lookup("#teaching-alpha").queryAs(Slider.class).setValue(0.9));
        double after = fx(() -> window.alpha().teachingValuesProperty().get().get(2).value());
        assertTrue(before != after, "the α slider updates the divergences");
    }

    @Test
    @Order(6)
    void theTraversalGridRendersAndASliderChangesTheImage() {
        ROBOT.clickOn("#tab-traverse");
        TraverseViewModel vm = window.traverse();
        waitFor(() -> vm.gridProperty().get() != null && vm.liveProperty().get() != null
                && ROBOT.lookup("#traverse-grid").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
        float[] before = fx(() -> vm.liveProperty().get().pixels());
        int grids = fx(() -> vm.gridsRenderedProperty().get());
        ROBOT.interact(() -> ROBOT.lookup("#latent-0").queryAs(Slider.class).setValue(2.5));
        waitFor(() -> !Arrays.equals(before, vm.liveProperty().get().pixels()));
        waitFor(() -> vm.gridsRenderedProperty().get() > grids);
        assertFalse(Arrays.equals(before, fx(() -> vm.liveProperty().get().pixels())));
    }

    @Test
    @Order(7)
    void aGoodModelFileOpensAndJoinsTheRecentFiles() {
        LoadedModel trained = fx(() -> window.model().get());
        Path checkpoint = trained.file();
        assertNotNull(checkpoint, "the first training run's checkpoint is the current model's file");
        ROBOT.interact(() -> window.openModel(checkpoint));
        waitFor(() -> window.model().get() != trained);
        assertEquals(checkpoint, fx(() -> window.model().get().file()));
        assertEquals(checkpoint.toAbsolutePath().normalize(), ui.prefs().recent().get(0));
        String title = fx(stage::getTitle);
        assertTrue(title.startsWith("Latent Explorer — " + checkpoint.getFileName()), title);
    }

    @Test
    @Order(8)
    void aBadModelFileShowsAnErrorDialogNamingIt() throws Exception {
        Path bad = dir.resolve("broken-model.zip");
        Files.writeString(bad, "this is not a model", StandardCharsets.UTF_8);
        ROBOT.clickOn("#tab-models");
        ROBOT.interact(() -> window.openModel(bad));
        waitFor(() -> ROBOT.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = fx(() -> ROBOT.lookup(".dialog-pane").queryAs(DialogPane.class));
        String text = fx(dialog::getContentText);
        assertTrue(text.contains("broken-model.zip"), text);
        assertTrue(fx(() -> window.model().get().file() == null || !window.model().get().file().equals(bad)),
                "a bad file does not replace the current model");
        ROBOT.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
        waitFor(() -> ROBOT.lookup(".dialog-pane").tryQuery().isEmpty());
    }

    private static DialogPane dialog(String id) {
        waitFor(() -> ROBOT.lookup("#" + id).tryQuery().isPresent());
        return fx(() -> ROBOT.lookup("#" + id).queryAs(DialogPane.class));
    }

    private static void press(DialogPane pane, javafx.scene.control.ButtonType button) {
        ROBOT.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(button)).fire());
        waitFor(() -> ROBOT.lookup(".dialog-pane").tryQuery().isEmpty());
    }

    @Test
    @Order(12)
    void aPytorchRunFolderOpensImportedAndDecodesInColour() throws Exception {
        // a run folder as geometric-js writes it; the checkpoint was written by PyTorch 1.13 (3-channel, 64x64)
        // the continued run's model is given up here (asking about it is UnsavedWorkUiTest's subject)
        ROBOT.interact(() -> window.train().discard());
        Path run = Files.createDirectories(dir.resolve("celeba-like-run"));
        Files.copy(Path.of(getClass().getResource("/torch/b64rgb_zip_half.pt").toURI()), run.resolve("model.pt"));
        Files.copy(Path.of(getClass().getResource("/torch/b64rgb_zip_half.specs.json").toURI()), run.resolve("specs.json"));
        LoadedModel before = fx(() -> window.model().get());
        ROBOT.interact(() -> window.openModel(run));
        waitFor(() -> window.model().get() != before);
        LoadedModel m = fx(() -> window.model().get());
        assertNotNull(m.manifest().imported(), "imported on the fly");
        assertEquals(3, m.manifest().architecture().channels());
        assertEquals(run.toAbsolutePath().normalize(), ui.prefs().recent().get(0));
        TraverseViewModel vm = window.traverse();
        waitFor(() -> vm.liveProperty().get() != null && vm.liveProperty().get().channels() == 3
                && vm.gridProperty().get() != null && vm.gridProperty().get().tileHeight() == 64);
        // the grid is in colour: some tile pixel has unequal channels
        var grid = fx(() -> vm.gridProperty().get());
        boolean colour = false;
        for (int y = grid.tileTop(0); y < grid.tileTop(0) + 64 && !colour; y++) {
            int p = grid.pixel(grid.padding() + 32, y); // the first column's tile starts after one padding
            colour = ((p >> 16) & 0xff) != (p & 0xff);
        }
        assertTrue(colour, "RGB tiles");

        // the in-memory import can be saved as a model file, which is then the current model
        assertTrue(fx(() -> ROBOT.lookup("#models-save-imported").query().isVisible()));
        Path saved = dir.resolve("imported-celeba-like.zip");
        ROBOT.interact(() -> window.saveImported(saved));
        waitFor(() -> saved.equals(window.model().get().file()));
        assertEquals(3, org.latentexplorer.model.VaeModel.load(saved).architecture().channels());
        assertFalse(fx(() -> ROBOT.lookup("#models-save-imported").query().isVisible()));
    }

    @Test
    @Order(14)
    void theQSpinnerShowsAndKeepsThePapersPrecision() {
        ROBOT.clickOn("#tab-traverse");
        TraverseViewModel vm = window.traverse();
        ROBOT.interact(() -> vm.preset.set("paper"));
        ROBOT.interact(() -> vm.rangeMode.set(TraverseViewModel.RangeMode.PRIOR_QUANTILE));
        ROBOT.interact(() -> vm.rangeValue.set(0.475));
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Double> q = fx(() -> ROBOT.lookup("#traverse-range-value").queryAs(javafx.scene.control.Spinner.class));
        assertEquals("0.475", fx(() -> q.getEditor().getText()));
        ROBOT.interact(q::commitValue); // what focus loss does
        assertEquals(0.475, fx(() -> vm.rangeValue.get()), "committing the shown text keeps 0.475");
        ROBOT.interact(() -> q.getEditor().setText("0.4125"));
        ROBOT.interact(q::commitValue);
        assertEquals(0.4125, fx(() -> vm.rangeValue.get()));
    }

    @Test
    @Order(15)
    void anUncaughtExceptionShowsADialog() {
        ROBOT.interact(() -> window.installCrashHandler());
        javafx.application.Platform.runLater(() -> {
            throw new IllegalStateException("a test failure on the FX thread");
        });
        DialogPane crash = dialog("crash-dialog");
        String text = fx(() -> ((javafx.scene.control.Label) crash.getContent()).getText());
        assertTrue(text.contains("a test failure on the FX thread"), text);
        ROBOT.interact(() -> ((Stage) crash.getScene().getWindow()).close());
        Thread.setDefaultUncaughtExceptionHandler(null);
    }

    @Test
    @Order(16)
    void aProblemInTheStatusBarExpiresAndTheModelIsNamedAgain() {
        ROBOT.interact(() -> {
            window.context().problemShownFor = javafx.util.Duration.millis(300);
            window.context().problem("Could not open emptyzip.zip");
        });
        assertEquals("Could not open emptyzip.zip", fx(() -> ROBOT.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class).getText()));
        waitFor(() -> !ROBOT.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class).getText().startsWith("Could not"));
        String now = fx(() -> ROBOT.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class).getText());
        assertTrue(now.startsWith("Model: "), now);
        // passing notices (an export, a cancelled run) give way to the model's name as well
        ROBOT.interact(() -> window.context().notice("Exported traversal.png"));
        waitFor(() -> ROBOT.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class).getText().startsWith("Model: "));
    }

    @Test
    @Order(17)
    void theHelpMenuListsTheShortcutsAndSaysWhatThisIs() {
        javafx.scene.control.MenuBar bar = fx(() -> ROBOT.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class));
        javafx.scene.control.Menu help = fx(() -> bar.getMenus().stream().filter(m -> m.getText().equals("Help")).findFirst()
                .orElseThrow());
        ROBOT.interact(() -> help.getItems().get(0).fire());
        DialogPane keys = dialog("shortcuts-dialog");
        String text = fx(() -> ((javafx.scene.control.Label) keys.getContent()).getText());
        // every menu accelerator is listed with its menu and item; Ctrl+O is the Linux display of Shortcut+O
        assertTrue(text.contains("File ▸ Open model…") && text.contains("Ctrl+O"), text);
        assertTrue(text.contains("View ▸ Teaching mode") && text.contains("Esc leaves"), text);
        ROBOT.interact(() -> ((Stage) keys.getScene().getWindow()).close());
        ROBOT.interact(() -> help.getItems().get(1).fire());
        DialogPane about = dialog("about-dialog");
        String aboutText = fx(() -> ((javafx.scene.control.Label) about.getContent()).getText());
        assertTrue(aboutText.startsWith(org.latentexplorer.common.BuildInfo.software()), aboutText);
        assertTrue(aboutText.contains("ND4J") && aboutText.contains("Java " + System.getProperty("java.version")), aboutText);
        ROBOT.interact(() -> ((Stage) about.getScene().getWindow()).close());
    }
}
