package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval --mig}: the MIG of a dSprites model, and the refusal of a data set without factors. */
class EvalMigCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheMigOfADspritesModelOnItsLastLine() {
        Path model = CliFixtures.dspritesModel(dir);
        Cli r = Cli.run("eval", "--model", model.toString(), "--mig", "--mig-examples", "300", "--seed", "4");
        assertEquals(0, r.exitCode(), r.err());
        double mig = Double.parseDouble(r.lastLine());
        assertTrue(mig >= 0 && mig <= 1, r.out());
        assertTrue(r.out().contains("300 examples drawn (seed 4), 20 bins"), r.out());
        for (String factor : new String[] {"shape", "scale", "orientation", "posX", "posY"}) {
            assertTrue(r.out().contains(factor + " "), r.out());
        }
        assertFalse(r.out().contains("color"), r.out());
        // the table: one row per factor, one column per latent, the row's largest marked and equal to the best line's
        java.util.List<String> lines = r.out().lines().toList();
        int head = lines.indexOf(lines.stream().filter(l -> l.startsWith("normalised MI ")).findFirst().orElseThrow());
        assertEquals(java.util.stream.IntStream.range(0, 10).mapToObj(j -> "z" + j).toList(),
                java.util.Arrays.asList(lines.get(head).substring(14).trim().split("\\s+")));
        for (int f = 0; f < 5; f++) {
            String[] cells = lines.get(head + 1 + f).trim().split("\\s+");
            String best = lines.get(f + 2); // "shape  H …  best zJ  normalised MI X  gap G"
            assertTrue(best.startsWith(cells[0] + " "), best + " / " + lines.get(head + 1 + f));
            int marked = -1;
            double max = -1;
            for (int j = 0; j < 10; j++) {
                double v = Double.parseDouble(cells[1 + j].replace("*", ""));
                assertTrue(v >= -1e-9 && v <= 1 + 1e-9, lines.get(head + 1 + f));
                max = Math.max(max, v);
                if (cells[1 + j].endsWith("*")) {
                    marked = j;
                }
            }
            assertTrue(best.contains("best z" + marked + " "), best);
            String[] words = best.split("\\s+");
            double bestMi = Double.parseDouble(words[java.util.Arrays.asList(words).indexOf("MI") + 1]);
            assertEquals(bestMi, max, 0.0006, best);
        }
        // the same seed draws the same examples
        assertEquals(r.lastLine(), Cli.run("eval", "--model", model.toString(), "--mig", "--mig-examples", "300", "--seed", "4").lastLine());
    }

    @Test
    void aDataSetWithoutFactorsIsAUserError() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < 3; i++) {
            BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setSample(i, i, 0, 200);
            ImageIO.write(img, "png", folder.resolve("x" + i + ".png").toFile());
        }
        Path model = CliFixtures.dspritesModel(dir);
        Cli r = Cli.run("eval", "--model", model.toString(), "--mig", "--dataset", "folder:" + folder);
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("--mig needs a data set with ground-truth factors"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
