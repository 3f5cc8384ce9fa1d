package org.latentexplorer.cluster;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.cli.LatentExplorerCommand;
import org.latentexplorer.sweep.RunResult;
import org.latentexplorer.sweep.RunResultJson;

/**
 * {@code sweep jobs} writes a jobs file the Spark runner reads (one {@code sweep run … --only NAME} per run, the
 * folder absolute and quoted where it has a space), and running its lines one after another in-process, as Spark
 * tasks do, fills the shared folder with those runs' results.
 */
class SweepJobsTest {
    @TempDir
    Path dir;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LatentExplorerCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, code, err + "\n" + out);
        return out.toString();
    }

    @Test
    void jobsLinesParseAndEachTrainsItsRunIntoTheSharedFolder() throws Exception {
        Path sweepDir = dir.resolve("my sweep"); // a space: the line must quote it
        String printed = run("sweep", "jobs", "--divergences", "kl-qp,jsg", "--alpha", "0.5", "--images", "64", "--limit",
                "64", "--batch", "32", "--latents", "4", "--dir", sweepDir.toString(), "--mig-examples", "50");
        Path jobsFile = dir.resolve("jobs.txt");
        Files.writeString(jobsFile, printed);
        List<Job> jobs = JobsFile.read(jobsFile);
        assertEquals(2, jobs.size(), printed);
        String abs = sweepDir.toAbsolutePath().normalize().toString();
        assertEquals(List.of("sweep", "run", "--images", "64", "--divergences", "kl-qp,jsg", "--alpha", "0.5", "--batch", "32",
                "--limit", "64", "--latents", "4", "--dir", abs, "--only", "kl-qp-s1234", "--mig-examples", "50"),
                jobs.get(0).args());
        assertEquals("jsg-a0.5-s1234", jobs.get(1).args().get(jobs.get(1).args().indexOf("--only") + 1));
        assertFalse(Files.exists(sweepDir), "printing the jobs writes nothing");

        for (Job job : jobs) {
            run(job.argv());
        }
        for (String name : List.of("kl-qp-s1234", "jsg-a0.5-s1234")) {
            RunResult r = RunResultJson.read(sweepDir.resolve("runs").resolve(name).resolve("result.json"));
            assertEquals(name, r.run());
            assertEquals(1, r.training().epochs());
            assertNotNull(r.mig(), "dSprites: the MIG is recorded");
            assertEquals(50, r.mig().examples());
        }
        assertTrue(Files.exists(sweepDir.resolve("sweep.json")));
        // the same lines again: both runs are finished, nothing is trained
        String again = run(jobs.get(0).argv());
        assertTrue(again.contains("kl-qp-s1234: finished earlier"), again);
    }
}
