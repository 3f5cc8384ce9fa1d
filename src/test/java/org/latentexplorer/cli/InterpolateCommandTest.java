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
import org.latentexplorer.render.GifExport;
import org.latentexplorer.render.PngExport;

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

    @BeforeAll
    static void writeModel() {
        dsprites = CliFixtures.dspritesModel(models);
    }

    @Test
    void writesAOneRowStripWithPaddingAndSettings() throws IOException {
        Path out = dir.resolve("strip.png");
        Cli r = Cli.run("interpolate", "--model", dsprites.toString(), "--dataset", "dsprites", "--from", "0", "--to", "700000",
                "--steps", "5", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(5 * 66 + 2, image.getWidth());
        assertEquals(68, image.getHeight());
        for (int x = 0; x < image.getWidth(); x++) {
            assertEquals(0xFFFFFF, image.getRGB(x, 0) & 0xFFFFFF);
            assertEquals(0xFFFFFF, image.getRGB(x, 67) & 0xFFFFFF);
        }
        String settings = PngExport.readText(out).get(PngExport.SETTINGS);
        assertTrue(settings.contains("from=0; to=700000; steps=5; method=linear"), settings);

        Path slerp = dir.resolve("slerp.png");
        assertEquals(0, Cli.run("interpolate", "--model", dsprites.toString(), "--from", "0", "--to", "700000", "--steps", "5",
                "--method", "slerp", "--out", slerp.toString()).exitCode());
        BufferedImage s = ImageIO.read(slerp.toFile());
        assertEquals(image.getRGB(2 + 32, 2 + 32), s.getRGB(2 + 32, 2 + 32), "both strips start at the same anchor");
        int differing = 0;
        for (int y = 2; y < 66; y++) {
            for (int x = 2 * 66 + 2; x < 3 * 66; x++) {
                differing += image.getRGB(x, y) == s.getRGB(x, y) ? 0 : 1;
            }
        }
        assertNotEquals(0, differing, "the middle image differs between linear and spherical paths");

        Path gif = dir.resolve("strip.gif");
        assertEquals(0, Cli.run("interpolate", "--model", dsprites.toString(), "--from", "3", "--to", "4", "--steps", "4",
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
        assertUserError(Cli.run("interpolate", "--model", m, "--from", "0", "--to", "800000", "--out", out), "800000", "737280");
        assertUserError(Cli.run("interpolate", "--model", m, "--from", "0", "--to", "1", "--steps", "1", "--out", out), "steps");
        assertUserError(Cli.run("interpolate", "--model", m, "--from", "0", "--to", "1", "--method", "cubic", "--out", out), "cubic");
        Path small = CliFixtures.mnistModel(dir, "mnist:/data/mnist");
        assertUserError(Cli.run("interpolate", "--model", small.toString(), "--dataset", "dsprites", "--from", "0", "--to", "1",
                "--out", out), small.toString(), "32x32", "dsprites");
        Path mnist = CliFixtures.mnistDir(dir.resolve("mnist"), 4);
        assertUserError(Cli.run("interpolate", "--model", m, "--dataset", "mnist:" + mnist, "--from", "0", "--to", "1",
                "--out", out), m, "64x64", "MNIST");
    }
}
