package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.render.export.PngExport;

/** {@code curve --fit-demo}: the Fig 2 teaching figure from the command line. */
class FitDemoCommandTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path dir;

    @Test
    void writesAPngWithTheSettingsAndPrintsTheFits() throws Exception {
        Path out = dir.resolve("fig2.png");
        Cli r = Cli.run("curve", "--fit-demo", "--points", "20000", "--steps", "60", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(860, img.getHeight());
        // scatter is drawn (dark pixels) and the fits' contours (red ones)
        int dark = 0;
        int red = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int rr = (rgb >> 16) & 255;
                int gg = (rgb >> 8) & 255;
                int bb = rgb & 255;
                if (rr < 120 && gg < 120 && bb < 120) {
                    dark++;
                }
                if (rr > 150 && gg < 90 && bb < 90) {
                    red++;
                }
            }
        }
        assertTrue(dark > 500, "dark pixels " + dark);
        assertTrue(red > 200, "red pixels " + red);
        String settings = PngExport.readText(out).get(PngExport.SETTINGS);
        assertTrue(settings.contains("K=10") && settings.contains("seed=22"), settings);
        assertTrue(r.out().contains("gjs-dual") && r.out().contains("mmd"), r.out());
    }

    @Test
    void writesSvgAndCsv() throws Exception {
        Path svg = dir.resolve("fig2.svg");
        assertEquals(0, Cli.run("curve", "--fit-demo", "--points", "5000", "--steps", "10", "--objectives", "kl,gjs",
                "--out", svg.toString()).exitCode());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg") || text.contains("<svg"), text.substring(0, 80));
        assertTrue(text.contains("KL(p‖q)") && text.contains("<image"), "labels and the embedded scatter");
        assertTrue(text.contains("latent-explorer:settings: curve - -fit-demo"), "the SVG carries its provenance (\"--\" cannot stand in an XML comment)");
        Path csv = dir.resolve("fits.csv");
        Cli r = Cli.run("curve", "--fit-demo", "--points", "100", "--steps", "300", "--objectives", "kl", "--out", csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> all = Files.readAllLines(csv);
        assertTrue(all.get(0).startsWith("# Software: "), "the CSV starts with its provenance: " + all.get(0));
        List<String> lines = all.stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("kl,"), lines.get(1));
    }

    @Test
    void badValuesExitWithCode2AndSayWhich() {
        Cli r = Cli.run("curve", "--fit-demo", "--components", "0", "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("components K") && r.err().contains("got 0"), r.err());
        r = Cli.run("curve", "--fit-demo", "--objectives", "kl,foo", "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("'foo'"), r.err());
        r = Cli.run("curve", "--fit-demo", "--form", "other", "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--form"), r.err());
        r = Cli.run("curve", "--fit-demo", "--gaussians", "-2,1,2,2", "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("exactly one"), r.err());
    }
}
