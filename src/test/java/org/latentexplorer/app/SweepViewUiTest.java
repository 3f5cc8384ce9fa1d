package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.model.ModelIdentity;
import org.latentexplorer.sweep.GridEntry;
import org.latentexplorer.sweep.RunResult;
import org.latentexplorer.sweep.RunResultJson;
import org.latentexplorer.sweep.SweepFolder;
import org.latentexplorer.sweep.SweepSpec;
import org.testfx.api.FxRobot;

/**
 * The Sweep view on the real main window (headless): the table and the Fig 3 chart fill from a folder of result.json
 * files, a tiny real sweep runs in the background and its rows appear, Stop leaves the folder resumable and Run
 * continues it, a double-click opens a run's model in Traverse, and bad input is refused in the sweep's own words.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SweepViewUiTest {
    private static final int TIMEOUT = 400;
    private static final FxRobot ROBOT = new FxRobot();
    private static MainWindow window;
    private static SweepViewModel vm;
    private static UiSession ui;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startApp() throws Exception {
        ui = UiSession.open("sweep-view-test", dir.resolve("work"), TIMEOUT, false);
        window = ui.window;
        vm = window.sweep();
        ROBOT.interact(() -> window.tabs().getSelectionModel().select(6));
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

    /** The grid of the fixtures: KL(q‖p), KL(p‖q), JS^{Gα'} and JS_*^{Gα'} at α = 0.1, 0.5, 0.9 (8 runs). */
    private static void customGrid(String name, String alphas, List<DivergenceKind> kinds) {
        ROBOT.interact(() -> {
            vm.preset.set(SweepViewModel.CUSTOM);
            vm.name.set(name);
            for (DivergenceKind k : DivergenceKind.values()) {
                vm.divergences.get(k).set(kinds.contains(k));
            }
            vm.alphas.set(alphas);
            vm.lambdas.set("");
            vm.datasetKind.set(org.latentexplorer.data.DatasetSpec.Kind.DSPRITES);
        });
    }

    private static void tiny(String images, Path folder) {
        ROBOT.interact(() -> {
            vm.budgetInImages.set(true);
            vm.budget.set(images);
            vm.limit.set("256");
            vm.batch.set("32");
            vm.learningRate.set("1e-3");
            vm.seeds.set("1234");
            vm.folder.set(folder.toString());
        });
    }

    private static RunResult result(SweepSpec spec, String run, double rec, Path model) {
        var r = spec.run(run);
        var k = r.divergence().kind();
        boolean skew = k.isSkewJs();
        return new RunResult(run, r.label(), spec.name(), k.cliName(), skew ? r.divergence().alpha() : null, null, r.lambda(),
                r.seed(), new RunResult.Training("dsprites", "dsprites-procedural", 256, "spread", 256, 1, 256, 32, 1e-3, 10,
                "mse", 1.5), "256 images", new RunResult.Evaluation("dSprites, 256 examples", "train", 256, 2, rec, rec + 3,
                3, 3, skew ? 1.0 : null, skew ? 2.0 : null, 0.5), SweepFolder.MODEL, ModelIdentity.sha256(model), 2.0,
                "2026-01-01T00:00:00Z", "test", "test", run.startsWith("kl-qp") ? RunResult.MigScore.valueOnly(0.25) : null);
    }

    @Test
    @Order(1)
    void everyControlHasATooltipAndTheViewUsesWordsNotEnumNames() {
        List<String> missing = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        fx(() -> {
            walk(window.sweepView().node(), missing, texts);
            return null;
        });
        assertTrue(missing.isEmpty(), "controls without a tooltip: " + missing);
        for (String t : texts) {
            assertFalse(t.matches(".*\\b(JSG_DUAL|KL_QP|DSPRITES|SPREAD|CUSTOM|RUNNING|IDLE)\\b.*"), t);
        }
    }

    private static void walk(Node n, List<String> missing, List<String> texts) {
        if (n instanceof Control c && !(n instanceof Label) && !(n instanceof javafx.scene.control.ScrollPane)
                && !(n instanceof javafx.scene.control.SplitPane) && !(n instanceof javafx.scene.control.ScrollBar)
                && !(n instanceof javafx.scene.control.ProgressBar && n.getId() == null)
                && !isInsideTableOrCombo(n) && c.getTooltip() == null) {
            missing.add(n.getClass().getSimpleName() + "#" + n.getId());
        }
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            texts.add(l.getText());
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, missing, texts);
            }
        }
    }

    private static boolean isInsideTableOrCombo(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.TableView || p instanceof javafx.scene.control.ComboBoxBase
                    || p instanceof javafx.scene.control.TextField) {
                return true;
            }
        }
        return false;
    }

    @Test
    @Order(2)
    void theTableAndTheChartFillFromAFolderOfResultFiles() throws Exception {
        Path folder = dir.resolve("fixtures");
        customGrid("fixtures", "0.1, 0.5, 0.9", List.of(DivergenceKind.KL_QP, DivergenceKind.KL_PQ, DivergenceKind.JSG,
                DivergenceKind.JSG_DUAL));
        tiny("256", dir.resolve("elsewhere"));
        SweepSpec spec = fx(vm::spec);
        assertEquals(8, spec.runs().size());
        SweepFolder f = SweepFolder.open(folder, spec);
        Path golden = Path.of(SweepViewUiTest.class.getResource("/golden/model-format-v1.zip").toURI());
        Map<String, Double> recs = Map.of("kl-qp-s1234", 30.0, "kl-pq-s1234", 40.0, "jsg-a0.1-s1234", 31.0,
                "jsg-a0.5-s1234", 33.0, "jsg-a0.9-s1234", 36.0, "jsg-dual-a0.1-s1234", 29.0, "jsg-dual-a0.5-s1234", 28.0);
        for (var e : recs.entrySet()) {
            Files.createDirectories(f.runDir(e.getKey()));
            Files.copy(golden, f.model(e.getKey()));
            RunResultJson.write(f.result(e.getKey()), result(spec, e.getKey(), e.getValue(), f.model(e.getKey())));
        }
        // jsg-dual-a0.9 has only a checkpoint: partly trained
        Files.createDirectories(f.runDir("jsg-dual-a0.9-s1234"));
        Files.copy(golden, f.model("jsg-dual-a0.9-s1234"));

        ROBOT.interact(() -> vm.openFolder(folder));
        waitFor(() -> vm.rows().size() == 8 && vm.rows().stream().filter(SweepRow::isFinished).count() == 7);
        SweepRow kl = fx(() -> vm.rows().stream().filter(r -> r.run().equals("kl-qp-s1234")).findFirst().orElseThrow());
        assertEquals(30.0, kl.result().evaluation().reconstruction());
        assertEquals(0.25, kl.result().migValue());
        assertEquals("finished", kl.status());
        SweepRow partial = fx(() -> vm.rows().stream().filter(r -> r.run().equals("jsg-dual-a0.9-s1234")).findFirst().orElseThrow());
        assertTrue(partial.status().startsWith("partly trained"), partial.status());
        assertEquals(SweepViewModel.CUSTOM, fx(vm.preset::get), "the folder's sweep.json filled the form");
        assertEquals("0.1, 0.5, 0.9", fx(vm.alphas::get));
        assertEquals("7 of 8 runs finished; Run continues with the others", fx(vm.progressTextProperty()::get),
                "an opened folder says how far it is");

        // Fig 3: one series per skew JS divergence with (α, reconstruction) points, KL lines at the KL runs' values
        List<XYSeries> series = fx(() -> List.copyOf(vm.fig3().getSeries()));
        assertEquals(2, series.size());
        XYSeries jsg = series.stream().filter(s -> s.getKey().equals(Labels.divergence(DivergenceKind.JSG))).findFirst().orElseThrow();
        assertEquals(3, jsg.getItemCount());
        assertEquals(0.1, jsg.getX(0).doubleValue(), 1e-12);
        assertEquals(31.0, jsg.getY(0).doubleValue(), 1e-12);
        assertEquals(36.0, jsg.getY(2).doubleValue(), 1e-12);
        XYSeries dual = series.stream().filter(s -> s.getKey().equals(Labels.divergence(DivergenceKind.JSG_DUAL))).findFirst().orElseThrow();
        assertEquals(2, dual.getItemCount(), "the unfinished α = 0.9 run has no point yet");
        assertEquals(List.of(new SweepViewModel.Line("KL(q‖p)", 30.0), new SweepViewModel.Line("KL(p‖q)", 40.0)),
                fx(() -> List.copyOf(vm.klLines())));
        int markers = fx(() -> {
            var jfx = ((org.jfree.chart.fx.ChartViewer) window.sweepView().node().lookup("#sweep-chart")).getChart();
            return jfx.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size();
        });
        assertEquals(2, markers, "KL(q‖p) and KL(p‖q) as horizontal lines");
    }

    @Test
    @Order(3)
    void doubleClickOnAFinishedRowOpensItsModelInTraverse() {
        Path model = fx(() -> vm.rows().stream().filter(r -> r.run().equals("jsg-a0.5-s1234")).findFirst().orElseThrow().model());
        ROBOT.interact(() -> {
            var table = window.sweepView().table;
            table.layout();
            for (Node n : table.lookupAll(".table-row-cell")) {
                TableRow<?> row = (TableRow<?>) n;
                if (row.getItem() instanceof SweepRow r && r.run().equals("jsg-a0.5-s1234")) {
                    row.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 5, 5, 5, 5, MouseButton.PRIMARY, 2, false, false,
                            false, false, true, false, false, true, false, false, null));
                }
            }
        });
        waitFor(() -> window.model().get() != null && model.equals(window.model().get().file()));
        waitFor(() -> "tab-traverse".equals(window.tabs().getSelectionModel().getSelectedItem().getId()));
        ROBOT.interact(() -> window.tabs().getSelectionModel().select(6));
    }

    @Test
    @Order(4)
    void badInputIsRefusedInTheSweepsOwnWords() throws Exception {
        customGrid("bad", "0.5, 1.5", List.of(DivergenceKind.JSG));
        waitFor(() -> vm.errorProperty().get().contains("alpha must be in [0, 1], got 1.5"));
        assertTrue(fx(() -> window.sweepView().run.isDisabled()));
        customGrid("bad", "0.5, x", List.of(DivergenceKind.JSG));
        waitFor(() -> vm.errorProperty().get().contains("α list: 'x' is not a number"));
        customGrid("bad", "0.5", List.of());
        waitFor(() -> vm.errorProperty().get().contains("empty grid"));
        // a folder that holds another sweep: the run is refused, naming both
        customGrid("foreign", "0.5", List.of(DivergenceKind.JSG));
        tiny("256", dir.resolve("fixtures"));
        waitFor(() -> vm.errorProperty().get().isEmpty());
        ROBOT.interact(vm::run);
        waitFor(() -> vm.stateProperty().get() == SweepViewModel.State.FAILED);
        String m = fx(vm.messageProperty()::get);
        assertTrue(m.contains("this folder holds the sweep 'fixtures'") && m.contains("not 'foreign'"), m);
    }

    @Test
    @Order(5)
    void aTinySweepRunsInTheBackgroundAndItsRowsAppear() throws Exception {
        Path folder = dir.resolve("tiny");
        customGrid("tiny", "0.5", List.of(DivergenceKind.KL_QP, DivergenceKind.JSG_DUAL));
        tiny("256", folder);
        waitFor(() -> vm.errorProperty().get().isEmpty() && vm.rows().size() == 2
                && vm.rows().stream().allMatch(r -> r.status().equals("waiting")));
        ROBOT.interact(vm::run);
        assertEquals(SweepViewModel.State.RUNNING, fx(vm.stateProperty()::get));
        waitFor(() -> vm.stateProperty().get() == SweepViewModel.State.FINISHED);
        waitFor(() -> vm.rows().stream().filter(SweepRow::isFinished).count() == 2);
        for (SweepRow r : fx(() -> List.copyOf(vm.rows()))) {
            assertTrue(Files.isRegularFile(folder.resolve("runs").resolve(r.run()).resolve("result.json")), r.run());
            assertEquals(256, r.result().training().imagesSeen());
            assertTrue(r.result().evaluation().reconstruction() > 0);
        }
        assertEquals(1, fx(() -> vm.fig3().getSeriesCount()));
        assertEquals(1, fx(() -> vm.fig3().getSeries(0).getItemCount()));
        assertEquals(1, fx(() -> vm.klLines().size()));
        assertTrue(fx(vm.progressTextProperty()::get).startsWith("sweep finished: 2 runs finished now"),
                fx(vm.progressTextProperty()::get));
        assertEquals(1.0, fx(vm.progressProperty()::get), 1e-12);
    }

    @Test
    @Order(6)
    void stopLeavesTheFolderResumableAndRunContinuesIt() throws Exception {
        Path folder = dir.resolve("resumable");
        customGrid("resumable", "0.5", List.of(DivergenceKind.JSG_DUAL, DivergenceKind.KL_QP));
        tiny("2048", folder); // 8 epochs of 256 examples per run
        waitFor(() -> vm.errorProperty().get().isEmpty() && vm.rows().size() == 2
                && vm.rows().stream().allMatch(r -> r.status().equals("waiting")));
        ROBOT.interact(vm::run);
        String first = "kl-qp-s1234"; // the grid runs in the order of the divergences in the form
        String second = "jsg-dual-a0.5-s1234";
        waitFor(() -> vm.rows().stream().anyMatch(r -> r.run().equals(first) && r.status().startsWith("running, epoch 2")));
        assertTrue(fx(vm.progressTextProperty()::get).startsWith("run 1 of 2: " + first + ", epoch 2 of 8"),
                fx(vm.progressTextProperty()::get));
        assertTrue(fx(() -> window.context().job.get()).startsWith("Sweep: run 1 of 2"), fx(() -> window.context().job.get()));
        ROBOT.interact(vm::cancel);
        waitFor(() -> vm.stateProperty().get() == SweepViewModel.State.CANCELLED);
        SweepFolder f = SweepFolder.existing(folder);
        assertEquals(SweepFolder.State.PARTIAL, f.status(first).state(), "the stopped run keeps its checkpoint, no result");
        assertEquals(SweepFolder.State.NEW, f.status(second).state(), "the second run did not start");
        waitFor(() -> vm.rows().stream().anyMatch(r -> r.run().equals(first) && r.status().startsWith("partly trained")));

        ROBOT.interact(vm::run);
        waitFor(() -> vm.stateProperty().get() == SweepViewModel.State.FINISHED);
        assertEquals(SweepFolder.State.FINISHED, f.status(first).state());
        assertEquals(SweepFolder.State.FINISHED, f.status(second).state());
        assertTrue(Files.readString(f.log(first)).contains("resumed after epoch"), Files.readString(f.log(first)));
        RunResult r = RunResultJson.read(f.result(first));
        assertEquals(8, r.training().epochs());
        assertEquals(2048, r.training().imagesSeen());
        waitFor(() -> vm.rows().stream().filter(SweepRow::isFinished).count() == 2); // the table is re-read in the background
        assertNotNull(fx(() -> vm.rows().stream().filter(x -> x.run().equals(first)).findFirst().orElseThrow().result()));
    }
}
