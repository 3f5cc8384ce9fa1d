package org.latentexplorer.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.DivergenceKind;

/** Sweep definitions: presets, run names, the JSON form and its bad inputs, and how a budget becomes epochs. */
class SweepSpecTest {
    @Test
    void table2HasThePapersTwentyThreeRowsInItsOrderWithItsSettings() {
        SweepSpec s = Presets.of("table2", "dsprites");
        List<String> names = s.runs().stream().map(SweepRun::name).toList();
        List<String> expected = new java.util.ArrayList<>(List.of("kl-qp-s1234", "kl-pq-s1234", "beta-b4-s1234",
                "beta-b0.25-s1234", "mmd-s1234"));
        for (String a : List.of("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9")) {
            expected.add("jsg-a" + a + "-s1234");
        }
        for (String a : List.of("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9")) {
            expected.add("jsg-dual-a" + a + "-s1234");
        }
        assertEquals(expected, names);
        assertEquals(23, names.size());
        // the paper's dSprites settings: 30 epochs on the whole set, batch 256, D = 10, lr 1e-4, MSE, seed 1234
        assertEquals(Budget.epochs(30), s.budget());
        assertEquals(0, s.limit());
        assertEquals(256, s.batch());
        assertEquals(10, s.latents());
        assertEquals(1e-4, s.lr());
        assertEquals(500.0, s.run("mmd-s1234").lambda());
        assertEquals(0.25, s.run("beta-b0.25-s1234").divergence().beta());
        assertEquals("JS_*^{Gα'} α=0.5", s.run("jsg-dual-a0.5-s1234").label());
        assertEquals("MMD λ=500", s.run("mmd-s1234").label());
        // every row has the paper's number in every column
        for (SweepRun r : s.runs()) {
            for (PaperTable2.Column c : PaperTable2.Column.values()) {
                assertTrue(PaperTable2.value(r, c).isPresent(), r.name() + " " + c);
            }
        }
        assertEquals(13.55, PaperTable2.value(s.run("kl-qp-s1234"), PaperTable2.Column.DSPRITES).getAsDouble());
        assertEquals(4.97, PaperTable2.value(s.run("jsg-dual-a0.5-s1234"), PaperTable2.Column.DSPRITES).getAsDouble());
        assertEquals(7.52, PaperTable2.value(s.run("jsg-a0.1-s1234"), PaperTable2.Column.MNIST).getAsDouble());
        assertEquals(20.79, PaperTable2.value(s.run("beta-b4-s1234"), PaperTable2.Column.CHAIRS).getAsDouble());
        assertEquals(PaperTable2.Column.FASHION, PaperTable2.columnFor("fashion-mnist:/tmp/f"));
    }

    @Test
    void theOtherPresetsHoldTheFiguresGrids() {
        SweepSpec alpha = Presets.of("alpha-grid", "dsprites");
        assertEquals(36, alpha.runs().size());
        assertTrue(alpha.runs().stream().anyMatch(r -> r.name().equals("jsg-nielsen-dual-a0.9-s1234")));
        SweepSpec lambda = Presets.of("lambda-grid", "dsprites");
        assertEquals(2 * (9 + 3 * 5), lambda.runs().size());
        assertEquals(3.0, lambda.run("jsg-dual-a0.7-l3-s1234").lambda());
        assertThrows(UserInputException.class, () -> lambda.run("jsg-a0.2-l3-s1234"), "λ = 3 has five α only");
        SweepSpec beta = Presets.of("beta-grid", "dsprites");
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0, 2.0, 3.0, 4.0),
                beta.runs().stream().map(r -> r.divergence().beta()).toList());
        // a preset on MNIST gets the paper's MNIST settings
        SweepSpec mnist = Presets.of("table2", "mnist:/data/mnist");
        assertEquals(64, mnist.batch());
        assertEquals(Budget.epochs(100), mnist.budget());
        assertEquals("mnist:/data/mnist", mnist.dataset());
        UserInputException e = assertThrows(UserInputException.class, () -> Presets.of("table3", "dsprites"));
        assertTrue(e.getMessage().contains("unknown sweep preset 'table3'") && e.getMessage().contains("table2"), e.getMessage());
    }

    @Test
    void runNamesAreDeterministicAndShort() {
        assertEquals("jsg-dual-a0.5-s1", SweepRun.nameOf(org.latentexplorer.divergence.DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.5), 1, 1));
        assertEquals("jsg-a0.3-l2-s7", SweepRun.nameOf(org.latentexplorer.divergence.DivergenceSpec.of(DivergenceKind.JSG, 0.3), 2, 7));
        assertEquals("mmd-l100-s1", SweepRun.nameOf(org.latentexplorer.divergence.DivergenceSpec.of(DivergenceKind.MMD), 100, 1));
        assertEquals("0.0001", SweepRun.number(1e-4));
        assertEquals("500", SweepRun.number(500));
    }

    @Test
    void jsonRoundTripsAndFillsThePapersDefaults() {
        SweepSpec s = SweepSpecJson.parse("{\"name\": \"two\", \"images\": 300, \"limit\": 128, \"batch\": 32, \"seeds\": [1, 2],"
                + " \"grid\": [{\"divergence\": \"kl-qp\"}, {\"divergence\": \"jsg\", \"alpha\": [0.1, 0.9], \"lambda\": 2}]}", "x");
        assertEquals("two", s.name());
        assertEquals("dsprites", s.dataset());
        assertEquals(Budget.images(300), s.budget());
        assertEquals(32, s.batch());
        assertEquals(10, s.latents());
        assertEquals(List.of("kl-qp-s1", "kl-qp-s2", "jsg-a0.1-l2-s1", "jsg-a0.1-l2-s2", "jsg-a0.9-l2-s1", "jsg-a0.9-l2-s2"),
                s.runs().stream().map(SweepRun::name).toList());
        SweepSpec again = SweepSpecJson.parse(SweepSpecJson.write(s), "other");
        assertEquals(s, again);
        assertEquals(SweepSpecJson.tree(s), SweepSpecJson.tree(again));
        // a preset written and read back is the same sweep
        SweepSpec t2 = Presets.of("table2", "dsprites").withBudget(Budget.images(4096));
        assertEquals(t2, SweepSpecJson.parse(SweepSpecJson.write(t2), "x"));
    }

    @Test
    void badDefinitionsAreRefusedWithOneLineNamingTheProblem() {
        assertBad("{\"grid\": [{\"divergence\": \"kl-qp\"}], \"epoch\": 3}", "unknown parameter 'epoch'");
        assertBad("{\"grid\": [{\"divergence\": \"kl-qp\", \"gamma\": [1]}]}", "unknown parameter 'grid[0].gamma'");
        assertBad("{\"grid\": [{\"divergence\": \"kl-xy\"}]}", "unknown divergence 'kl-xy'");
        assertBad("{\"grid\": [{\"divergence\": \"jsg\", \"alpha\": [0.5, 1.5]}]}", "alpha must be in [0, 1], got 1.5");
        assertBad("{\"grid\": [{\"divergence\": \"jsg\", \"alpha\": [-0.1]}]}", "alpha must be in [0, 1], got -0.1");
        assertBad("{\"grid\": []}", "empty grid");
        assertBad("{\"grid\": [{\"divergence\": \"jsg\", \"alpha\": []}]}", "empty grid");
        assertBad("{\"seeds\": [], \"grid\": [{\"divergence\": \"jsg\"}]}", "empty grid");
        assertBad("{\"grid\": [{\"divergence\": \"kl-qp\", \"alpha\": [0.5]}]}", "unknown parameter 'alpha' for kl-qp");
        assertBad("{\"epochs\": 2, \"images\": 10, \"grid\": [{\"divergence\": \"kl-qp\"}]}", "both \"epochs\" and \"images\"");
        assertBad("{\"grid\": [{\"divergence\": \"jsg\", \"alpha\": [0.5, 0.5]}]}", "lists the run jsg-a0.5-s1234 twice");
        assertBad("{\"batch\": 0, \"grid\": [{\"divergence\": \"kl-qp\"}]}", "batch size must be between 1 and 65536, got 0");
        assertBad("{\"dataset\": \"cifar\", \"grid\": [{\"divergence\": \"kl-qp\"}]}", "unknown data set 'cifar'");
        assertBad("[1, 2]", "must be a JSON object");
        assertBad("{\"grid\": ", "is not valid JSON");
    }

    private static void assertBad(String json, String expected) {
        UserInputException e = assertThrows(UserInputException.class, () -> SweepSpecJson.parse(json, "x"), json);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aFolderReopensWithItsOwnDefinitionAndRefusesAnother(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        SweepSpec s = Presets.of("table2", "dsprites").withBudget(Budget.images(4096)).withSeeds(List.of(1L, 2L));
        SweepFolder.open(dir, s);
        SweepFolder.open(dir, SweepSpecJson.parse(SweepSpecJson.write(s), "x")); // the same definition, read back
        UserInputException e = assertThrows(UserInputException.class,
                () -> SweepFolder.open(dir, s.withBudget(Budget.images(8192))));
        assertTrue(e.getMessage().contains("sweep.json: this folder holds the sweep 'table2' (dsprites, 4096 images")
                && e.getMessage().contains("not 'table2' (dsprites, 8192 images"), e.getMessage());
        SweepFolder folder = SweepFolder.open(dir, s);
        assertEquals(SweepFolder.State.NEW, folder.status("kl-qp-s1").state());
        // a checkpoint and no result: resume it; a result that is not one, or whose model is gone: damaged
        java.nio.file.Path run = folder.runDir("kl-qp-s1");
        assertDoesNotThrow(() -> java.nio.file.Files.createDirectories(run));
        assertDoesNotThrow(() -> java.nio.file.Files.write(folder.model("kl-qp-s1"), new byte[] {1, 2, 3}));
        assertEquals(SweepFolder.State.PARTIAL, folder.status("kl-qp-s1").state());
        assertDoesNotThrow(() -> java.nio.file.Files.writeString(folder.result("kl-qp-s1"), "{\"format\": 1"));
        SweepFolder.Status damaged = folder.status("kl-qp-s1");
        assertEquals(SweepFolder.State.DAMAGED, damaged.state());
        assertTrue(damaged.reason().contains("result.json: is not a readable sweep result"), damaged.reason());
        folder.clear("kl-qp-s1");
        assertEquals(SweepFolder.State.NEW, folder.status("kl-qp-s1").state());
    }

    @Test
    void anImageBudgetBecomesWholeEpochsOfTheLimitedSet() {
        SweepSpec s = Presets.of("table2", "dsprites");
        // no limit: min(N, size) examples, one epoch
        assertEquals(new RunPlan(4096, 4096, 1, 4096), RunPlan.of(s.withBudget(Budget.images(4096)), 737_280));
        // a limit: ceil(N / L) epochs of L, so 300 images on 128 examples are 3 epochs, 384 images
        assertEquals(new RunPlan(128, 128, 3, 384), RunPlan.of(s.withBudget(Budget.images(300)).withLimit(128, null), 737_280));
        assertEquals(new RunPlan(65_536, 65_536, 4, 262_144),
                RunPlan.of(s.withBudget(Budget.images(262_144)).withLimit(65_536, null), 737_280));
        // an epoch budget keeps the limit; the whole set is limit 0
        assertEquals(new RunPlan(0, 737_280, 30, 30L * 737_280), RunPlan.of(s, 737_280));
        assertEquals(new RunPlan(0, 1000, 2, 2000), RunPlan.of(s.withBudget(Budget.epochs(2)).withLimit(5000, null), 1000));
        // more images than the set holds: the whole set, enough epochs
        assertEquals(new RunPlan(0, 1000, 3, 3000), RunPlan.of(s.withBudget(Budget.images(2500)), 1000));
    }
}
