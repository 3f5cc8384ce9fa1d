package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.render.export.GifExport;
import org.latentexplorer.render.export.PngExport;

/** {@code interpolate}: a strip between two encoded examples. */
class InterpolateCommandTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    static Path models;

    @TempDir
    Path dir;

    private static Path dsprites;
    private static Path small;
    private static Path mnist;

    @BeforeAll
    static void writeModels() {
        dsprites = CliFixtures.dspritesModel(models);
        mnist = CliFixtures.mnistDir(models.resolve("mnist"), 16);
        small = CliFixtures.mnistModel(models, "mnist:" + mnist);
    }

    @Test
    void writesAOneRowStripWithPaddingAndSettings() throws IOException {
        Path out = dir.resolve("strip.png");
        Cli r = Cli.run("interpolate", "--model", small.toString(), "--from", "0", "--to", "15", "--steps", "5",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(5 * 34 + 2, image.getWidth());
        assertEquals(36, image.getHeight());
        for (int x = 0; x < image.getWidth(); x++) {
            assertEquals(0xFFFFFF, image.getRGB(x, 0) & 0xFFFFFF);
            assertEquals(0xFFFFFF, image.getRGB(x, 35) & 0xFFFFFF);
        }
        String settings = PngExport.readText(out).get(PngExport.SETTINGS);
        assertTrue(settings.contains("from=0; to=15; steps=5; method=linear"), settings);
        assertTrue(settings.contains("dataset=mnist:"), "the model's own data set by default: " + settings);

        Path slerp = dir.resolve("slerp.png");
        assertEquals(0, Cli.run("interpolate", "--model", small.toString(), "--from", "0", "--to", "15", "--steps", "5",
                "--method", "slerp", "--out", slerp.toString()).exitCode());
        BufferedImage s = ImageIO.read(slerp.toFile());
        int differingFirst = 0;
        int differingMiddle = 0;
        for (int y = 2; y < 34; y++) {
            for (int x = 0; x < 32; x++) {
                differingFirst += image.getRGB(2 + x, y) == s.getRGB(2 + x, y) ? 0 : 1;
                differingMiddle += image.getRGB(2 * 34 + 2 + x, y) == s.getRGB(2 * 34 + 2 + x, y) ? 0 : 1;
            }
        }
        assertEquals(0, differingFirst, "both strips start at the same anchor");
        assertNotEquals(0, differingMiddle, "the middle image differs between linear and spherical paths");

        Path gif = dir.resolve("strip.gif");
        assertEquals(0, Cli.run("interpolate", "--model", small.toString(), "--from", "3", "--to", "4", "--steps", "4",
                "--out", gif.toString()).exitCode());
        assertEquals(4, GifExport.inspect(gif).frames());
    }

    private static void assertUserError(Cli r, String... fragments) {
        assertEquals(2, r.exitCode(), "exit 2 expected; out: " + r.out() + " err: " + r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
        }
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void badInputsExitWithCode2() {
        String out = dir.resolve("s.png").toString();
        String m = dsprites.toString();
        assertUserError(Cli.run("interpolate", "--model", small.toString(), "--from", "0", "--to", "16", "--out", out),
                "example 16", "16 examples");
        assertUserError(Cli.run("interpolate", "--model", m, "--from", "0", "--to", "1", "--steps", "1", "--out", out), "steps");
        assertUserError(Cli.run("interpolate", "--model", m, "--from", "0", "--to", "1", "--method", "cubic", "--out", out), "cubic");
        assertUserError(Cli.run("interpolate", "--model", small.toString(), "--dataset", "dsprites", "--from", "0", "--to", "1",
                "--out", out), small.toString(), "32×32", "dsprites");
        assertUserError(Cli.run("interpolate", "--model", m, "--dataset", "mnist:" + mnist, "--from", "0", "--to", "1",
                "--out", out), m, "64×64", "MNIST");
    }
}
