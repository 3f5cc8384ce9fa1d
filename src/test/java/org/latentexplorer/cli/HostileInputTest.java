package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.latentexplorer.cli.TrainEvalCommandTest.assertUserError;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faulty and hostile inputs on the command line: each must end in one line naming the file or
 * value and the problem (exit 2), never a crash, a lost model or a silent wrong result.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    @Test
    void evalWithALastBatchOfOneImageWorks() {
        Path model = CliFixtures.mnistModel(dir, "mnist:" + CliFixtures.mnistDir(dir.resolve("mnist"), 129));
        Cli r = Cli.run("eval", "--model", model.toString(), "--limit", "129");
        assertEquals(0, r.exitCode(), r.err());
        double v = Double.parseDouble(r.lastLine());
        assertTrue(v > 0 && Double.isFinite(v), r.out());
    }
}
