package org.latentexplorer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jobs-file splitting, the bounded output tail, and the runner's exit code from its jobs' codes (no Spark). */
class JobsParsingTest {
    @Test
    void splitsAtUnquotedBlanksAndRemovesQuotes() {
        assertEquals(List.of("train", "--out", "/a b/c.zip", "--alpha", "0.5", ""),
                JobsFile.split("  train\t--out \"/a b/c.zip\"  --alpha '0.5' ''"));
        assertEquals(List.of("a'b"), JobsFile.split("\"a'b\""));
        assertThrows(IllegalArgumentException.class, () -> JobsFile.split("train --out 'x"));
    }

    @Test
    void theTailKeepsTheLastCharactersAndFindsTheLastLine() {
        TailWriter w = new TailWriter(8);
        try (PrintWriter p = new PrintWriter(w)) {
            p.print("first line\nsecond\rthird  \n\n");
        }
        assertEquals("hird  \n\n", w.tail()); // the last 8 of 27 characters
        assertEquals("hird", w.lastLine());
        assertEquals("", new TailWriter(4).lastLine());
    }

    @Test
    void exitCodeIsOneForAnInternalFailureElseTwoElseZero() {
        Job j = new Job("job 1", List.of("info"));
        JobResult ok = new JobResult(j, 0, "done", "", "h", 1);
        JobResult bad = new JobResult(new Job("job 2", List.of("eval")), 2, "", "error: missing --model", "h", 1);
        JobResult broken = new JobResult(new Job("job 3", List.of("train")), 1, "", "internal error: x", "h", 1);
        StringWriter err = new StringWriter();
        assertEquals(0, SparkJobs.report(List.of(ok, ok), new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertEquals(2, SparkJobs.report(List.of(ok, bad), new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        assertEquals("error: 1 of 2 jobs failed; first: job 2 (eval) exit 2: error: missing --model", err.toString().strip());
        assertEquals(1, SparkJobs.report(List.of(bad, broken), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
    }
}
