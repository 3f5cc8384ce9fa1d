package org.latentexplorer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.VaeModel;

/** The Spark runner in Spark's local mode: real training jobs as tasks, a failing job, an unreachable master. */
class SparkJobsTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkJobs.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private String train(String divergence, String file) {
        return "train --dataset dsprites --limit 128 --subset spread --epochs 1 --batch 32 --divergence " + divergence
                + " --out '" + dir.resolve(file) + "'";
    }

    @Test
    void runsEachJobAsATaskAndReportsAFailingOneWithItsExitCode() throws Exception {
        Path jobs = dir.resolve("jobs.txt");
        Files.writeString(jobs, "# two trainings\n" + train("kl-qp", "a.zip") + "\n\n" + train("jsg-dual --alpha 0.3", "b.zip") + "\n");
        Run r = run("--master", "local[2]", "--threads-per-task", "1", jobs.toString(),
                "--job", "train --divergence no-such-divergence --out '" + dir.resolve("c.zip") + "'");

        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("job 1: exit 0"), r.out());
        assertTrue(r.out().contains("job 2: exit 0"), r.out());
        assertTrue(r.out().contains("job 3: exit 2"), r.out());
        assertTrue(r.out().contains("no-such-divergence"), r.out());
        assertTrue(r.err().startsWith("error: 1 of 3 jobs failed; first: job 3"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());

        VaeModel a = VaeModel.load(dir.resolve("a.zip"));
        VaeModel b = VaeModel.load(dir.resolve("b.zip"));
        assertEquals(1, a.manifest().epochsCompleted());
        assertEquals("kl-qp", a.manifest().divergence().kind().cliName());
        assertEquals(0.3, b.manifest().divergence().alpha(), 1e-12);
        assertFalse(Files.exists(dir.resolve("c.zip")));
    }

    @Test
    void anUnreachableMasterIsOneLineAndStartsNothing() throws Exception {
        Run r = run("--master", "spark://127.0.0.1:1", "--connect-timeout", "2", "--job", train("kl-qp", "never.zip"));
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: cannot reach the Spark master spark://127.0.0.1:1"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void badOptionsAndJobsFilesAreUserErrors() throws Exception {
        Run noJob = run("--master", "local[1]");
        assertEquals(2, noJob.code());
        assertTrue(noJob.err().contains("no job given"), noJob.err());
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "train --out 'unclosed\n");
        Run r = run("--master", "local[1]", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("line 1"), r.err());
        assertTrue(run("--threads-per-task", "0", "--job", "info").err().contains("--threads-per-task"));
    }
}
