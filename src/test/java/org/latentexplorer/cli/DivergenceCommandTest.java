package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The {@code divergence} command against the reference values of docs/method.md §1.12 (μ = 0.5, σ = 0.8). */
class DivergenceCommandTest {
    private static double value(String name, String alpha) {
        Cli r = Cli.run("divergence", "--name", name, "--alpha", alpha, "--mu", "0.5", "--sigma", "0.8");
        assertEquals(0, r.exitCode(), r.err());
        return Double.parseDouble(r.lastLine());
    }

    @Test
    void printsTheSpecsReferenceValues() {
        assertEquals(0.1681435513, value("jsg", "0"), 1e-9);
        assertEquals(0.1675546509, value("jsg", "0.001"), 1e-9);
        assertEquals(0.0549345626, value("jsg", "0.5"), 1e-9);
        assertEquals(0.2527445012, value("jsg", "0.999"), 1e-9);
        assertEquals(0.2534189487, value("jsg-dual", "0"), 1e-9);
        assertEquals(0.0504560624, value("jsg-dual", "0.5"), 1e-9);
        assertEquals(0.1677508354, value("jsg-dual", "0.999"), 1e-9);
        assertEquals(0.0002531098, value("jsg-nielsen", "0.001"), 1e-9);
        assertEquals(0.0002530349, value("jsg-nielsen-dual", "0.999"), 1e-9);
        assertEquals(0.1681435513, value("kl-qp", "0.5"), 1e-9);
        assertEquals(0.2534189487, value("kl-pq", "0.5"), 1e-9);
    }

    @Test
    void sumsOverDimensionsAndScalesBeta() {
        Cli r = Cli.run("divergence", "--name", "beta", "--beta", "4", "--mu", "0.5,0.5", "--sigma", "0.8,0.8");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(8 * 0.1681435513, Double.parseDouble(r.lastLine()), 1e-9);
    }

    @Test
    void batchModeAnswersLineByLine() {
        Cli r = Cli.runWithInput("jsg 0.5 0.5 0.8\n\njsg-dual 0 0.5 0.8\nkl-qp 0 0,0 1,1\n", "divergence", "--batch");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\\R");
        assertEquals(3, lines.length);
        assertEquals(0.0549345626, Double.parseDouble(lines[0]), 1e-9);
        assertEquals(0.2534189487, Double.parseDouble(lines[1]), 1e-9);
        assertEquals(0.0, Double.parseDouble(lines[2]), 0.0);
    }

    @Test
    void badValuesExitWithTwoAndSayWhat() {
        Cli alpha = Cli.run("divergence", "--name", "jsg", "--alpha", "1.5", "--mu", "0", "--sigma", "1");
        assertEquals(2, alpha.exitCode());
        assertTrue(alpha.err().contains("alpha must be in [0, 1], got 1.5"), alpha.err());
        assertEquals(1, alpha.err().strip().lines().count(), "one line: " + alpha.err());
        Cli sigma = Cli.run("divergence", "--name", "jsg", "--mu", "0,1", "--sigma", "1,-2");
        assertEquals(2, sigma.exitCode());
        assertTrue(sigma.err().contains("-2"), sigma.err());
        Cli lengths = Cli.run("divergence", "--name", "kl-qp", "--mu", "0,1", "--sigma", "1");
        assertEquals(2, lengths.exitCode());
        Cli name = Cli.run("divergence", "--name", "js", "--mu", "0", "--sigma", "1");
        assertEquals(2, name.exitCode());
        assertTrue(name.err().contains("unknown divergence 'js'"), name.err());
        Cli mmd = Cli.run("divergence", "--name", "mmd", "--mu", "0", "--sigma", "1");
        assertEquals(2, mmd.exitCode());
        Cli batch = Cli.runWithInput("jsg 0.5 0.5\n", "divergence", "--batch");
        assertEquals(2, batch.exitCode());
        assertTrue(batch.err().contains("line 1"), batch.err());
        Cli notNumber = Cli.run("divergence", "--name", "jsg", "--mu", "a", "--sigma", "1");
        assertEquals(2, notNumber.exitCode());
        assertTrue(notNumber.err().contains("'a' is not a number"), notNumber.err());
    }
}
