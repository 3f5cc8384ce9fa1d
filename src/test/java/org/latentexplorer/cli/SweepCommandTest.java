package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.backend.NativeThreads;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Split;
import org.latentexplorer.evaluation.Mig;
import org.latentexplorer.evaluation.MigEvaluation;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.model.EpochRecord;
import org.latentexplorer.model.ModelFile;
import org.latentexplorer.model.ModelIdentity;
import org.latentexplorer.sweep.RunResult;
import org.latentexplorer.sweep.RunResultJson;

/**
 * {@code sweep run/list/report} end to end on procedural dSprites with tiny budgets (64 examples, batch 32, D = 4,
 * 2 epochs): a finished run is skipped (its files untouched), a run folder left with an epoch-1 checkpoint and no
 * result (a killed sweep) resumes from it, a corrupt model file is re-run, a folder of another sweep is refused, and
 * every bad input exits 2 with one line.
 */
class SweepCommandTest {
    @TempDir
    Path dir;

    private static final int THREADS = NativeThreads.current();

    @AfterAll
    static void restoreThreads() {
        NativeThreads.limit(THREADS); // --jobs 2 lowers the process-wide limit
    }

    private static final List<String> GRID = List.of("--divergences", "kl-qp,kl-pq,jsg", "--alpha", "0.5", "--images", "128",
            "--limit", "64", "--batch", "32", "--latents", "4");

    private Cli sweep(String command, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", command));
        args.addAll(GRID);
        if (command.equals("run")) {
            args.addAll(List.of("--mig-examples", "100")); // small, to keep the test fast
        }
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aModelWhoseMigCannotBeComputedStillFinishesWithANullMig() throws IOException {
        Path d = dir.resolve("d1");
        Cli run = Cli.run("sweep", "run", "--divergences", "kl-qp", "--images", "64", "--limit", "64", "--batch", "32",
                "--latents", "1", "--mig-examples", "50", "--dir", d.toString());
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("kl-qp-s1234: no MIG: "), run.out());
        RunResult r = RunResultJson.read(d.resolve("runs/kl-qp-s1234/result.json"));
        assertNull(r.mig(), "one latent has no MIG");
        assertTrue(Double.isFinite(r.evaluation().reconstruction()));
    }

    @Test
    void skipsFinishedRunsResumesKilledOnesReRunsCorruptOnesAndReports() throws IOException {
        Path d = dir.resolve("d");
        Cli list = sweep("list");
        assertEquals(0, list.exitCode(), list.err());
        assertEquals(List.of("kl-qp-s1234", "kl-pq-s1234", "jsg-a0.5-s1234"),
                list.out().lines().filter(l -> !l.startsWith("#")).toList());

        // one run alone (--only), trained and evaluated
        Cli first = sweep("run", "--dir", d.toString(), "--only", "kl-qp-s1234");
        assertEquals(0, first.exitCode(), first.err() + first.out());
        Path klDir = d.resolve("runs/kl-qp-s1234");
        Path klModel = klDir.resolve("model.zip");
        Path klResult = klDir.resolve("result.json");
        RunResult kl = RunResultJson.read(klResult);
        assertEquals(2, kl.training().epochs(), "128 images on 64 examples: 2 epochs");
        assertEquals(128, kl.training().imagesSeen());
        assertEquals(ModelIdentity.sha256(klModel), kl.modelSha256());
        assertEquals(64, kl.evaluation().examples(), "dSprites is evaluated on the run's own 64 examples");
        assertTrue(kl.evaluation().reconstruction() > 0 && Double.isFinite(kl.evaluation().reconstruction()));
        assertNull(kl.evaluation().klLoss1());
        // dSprites has factors: the MIG of the saved model, as MigEvaluation computes it with the run's seed
        assertNotNull(kl.mig(), "a finished dSprites run records its MIG");
        Mig.Result expected = MigEvaluation.evaluate(VaeModel.load(klModel), DatasetSpec.parse("dsprites").open(Split.TRAIN),
                100, 1234, f -> { }, () -> false);
        assertEquals(expected.mig(), kl.mig().value(), 1e-12);
        assertEquals(100, kl.mig().examples());
        assertEquals(expected.bins(), kl.mig().bins());
        assertEquals(expected.factors(), kl.mig().factors());
        assertArrayEquals(expected.gaps(), kl.mig().gaps(), 1e-12);
        assertArrayEquals(expected.bestLatent(), kl.mig().bestLatent());
        assertTrue(Files.readString(klDir.resolve("log.txt")).contains("epoch 2/2"));
        assertTrue(Files.exists(d.resolve("sweep.json")));

        // a killed sweep: jsg's folder holds an epoch-1 checkpoint of its configuration and no result
        Path jsgModel = d.resolve("runs/jsg-a0.5-s1234/model.zip");
        Cli partial = Cli.run("train", "--dataset", "dsprites", "--divergence", "jsg", "--alpha", "0.5", "--limit", "64",
                "--subset", "spread", "--batch", "32", "--latents", "4", "--epochs", "1", "--out", jsgModel.toString());
        assertEquals(0, partial.exitCode(), partial.err());
        EpochRecord epoch1 = ModelFile.read(jsgModel).manifest().history().get(0);
        FileTime klResultTime = Files.getLastModifiedTime(klResult);
        byte[] klResultBytes = Files.readAllBytes(klResult);
        String klSha = ModelIdentity.sha256(klModel);

        Cli second = sweep("run", "--dir", d.toString(), "--jobs", "2");
        assertEquals(0, second.exitCode(), second.err() + second.out());
        assertTrue(second.out().contains("kl-qp-s1234: finished earlier"), second.out());
        assertTrue(second.out().contains("jsg-a0.5-s1234: resuming after epoch 1 of 2"), second.out());
        assertTrue(second.out().contains("ETA"), second.out());
        assertEquals(klResultTime, Files.getLastModifiedTime(klResult), "the finished run's result is untouched");
        assertArrayEquals(klResultBytes, Files.readAllBytes(klResult));
        assertEquals(klSha, ModelIdentity.sha256(klModel), "the finished run's model is untouched");
        var jsg = ModelFile.read(jsgModel).manifest();
        assertEquals(2, jsg.epochsCompleted());
        assertEquals(epoch1, jsg.history().get(0), "epoch 1 is the checkpoint's, not trained again");
        RunResult jsgResult = RunResultJson.read(d.resolve("runs/jsg-a0.5-s1234/result.json"));
        assertNotNull(jsgResult.evaluation().klLoss1(), "Figs 6–9 components of a skew JS run");
        assertNotNull(jsgResult.evaluation().klLoss2());
        assertEquals(jsgResult.evaluation().loss() - jsgResult.evaluation().reconstruction(),
                jsgResult.evaluation().weightedDivergence(), 1e-9);
        assertTrue(Files.exists(d.resolve("runs/kl-pq-s1234/result.json")));

        // nothing left to do: everything is skipped
        Cli third = sweep("run", "--dir", d.toString());
        assertEquals(0, third.exitCode(), third.err());
        assertTrue(third.out().contains("0 of 3 runs finished now, 3 skipped as finished"), third.out());

        // a corrupt model file: that run is re-run, and said so
        byte[] bytes = Files.readAllBytes(klModel);
        Files.write(klModel, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Cli fourth = sweep("run", "--dir", d.toString());
        assertEquals(0, fourth.exitCode(), fourth.err());
        assertTrue(fourth.out().contains("kl-qp-s1234: damaged, re-running it"), fourth.out());
        assertEquals(ModelIdentity.sha256(klModel), RunResultJson.read(klResult).modelSha256());
        ModelFile.read(klModel); // whole again

        // the report reads the result files only
        Cli report = Cli.run("sweep", "report", d.toString(), "--out", dir.resolve("r").toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(Files.exists(dir.resolve("r/table2.md")) && Files.exists(dir.resolve("r/fig3-jsg.png"))
                && Files.exists(dir.resolve("r/fig3-jsg.svg")), report.out());
    }

    @Test
    void aFolderOfAnotherSweepIsRefusedNamingBoth() throws IOException {
        Path d = dir.resolve("d");
        Files.createDirectories(d);
        Files.writeString(d.resolve("sweep.json"), org.latentexplorer.sweep.SweepSpecJson.write(
                org.latentexplorer.sweep.Presets.of("beta-grid", "dsprites")));
        Cli r = sweep("run", "--dir", d.toString());
        assertEquals(2, r.exitCode());
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("holds the sweep 'beta-grid'") && line.contains("not 'custom'"), line);
        assertFalse(Files.exists(d.resolve("runs")), "nothing trained");
    }

    @Test
    void badInputExitsTwoWithOneLine() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"grid\": [{\"divergence\": \"jsg\", \"alfa\": [0.5]}]}");
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "{\"grid\": []}");
        String d = dir.resolve("d").toString();
        assertBad("unknown sweep preset 'table9'", "sweep", "run", "table9", "--dir", d);
        assertBad("unknown divergence 'js'", "sweep", "run", "--divergences", "js", "--dir", d);
        assertBad("alpha must be in [0, 1], got 1.5", "sweep", "run", "--divergences", "jsg", "--alpha", "0.5,1.5", "--dir", d);
        assertBad("empty grid", "sweep", "run", "--divergences", "jsg", "--alpha", ",", "--dir", d);
        assertBad("empty grid", "sweep", "run", empty.toString(), "--dir", d);
        assertBad("unknown parameter 'grid[0].alfa'", "sweep", "run", file.toString(), "--dir", d);
        assertBad("unknown parameter --alpha for kl-qp", "sweep", "run", "--divergences", "kl-qp", "--alpha", "0.5", "--dir", d);
        assertBad("has no run 'jsg-a0.5-s1'", "sweep", "run", "table2", "--only", "jsg-a0.5-s1", "--dir", d);
        assertBad("give --images or --epochs, not both", "sweep", "run", "table2", "--images", "10", "--epochs", "1", "--dir", d);
        assertBad("--mig-examples must be 0 (no MIG) or at least 2, got 1", "sweep", "run", "table2", "--mig-examples", "1", "--dir", d);
        assertBad("--mig-examples must be 0 (no MIG) or at least 2, got 1", "sweep", "jobs", "table2", "--mig-examples", "1", "--dir", d);
        assertBad("holds no result.json", "sweep", "report", dir.toString(), "--out", dir.resolve("r").toString());
        assertFalse(Files.exists(dir.resolve("d")), "a refused definition leaves no folder");
    }

    private static void assertBad(String expected, String... args) {
        Cli r = Cli.run(args);
        assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r.err() + r.out());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
    }
}
