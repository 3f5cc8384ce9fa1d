package org.latentexplorer.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.DSpritesFactors;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.latent.PosteriorBatch;

/** Latent maps of posteriors with planted structure, and the reconstruction strip's errors. */
class LatentMapTest {
    private static final java.util.Map<String, String> META = org.latentexplorer.render.export.ExportMetadata.of(
            "latent map test", null, org.latentexplorer.common.Environment.unknown());

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path dir;

    /** dSprites examples whose μ puts posX on dimension 3 (strongly) and shape on dimension 0. */
    private static LatentMap planted(int n) {
        int d = 4;
        float[] enc = new float[n * 2 * d];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            int shape = i % 3;
            int posX = (i * 7) % 32;
            idx[i] = DSpritesFactors.index(shape, 2, 5, posX, 10);
            enc[i * 2 * d + 3] = (posX - 15.5f) / 4f;
            enc[i * 2 * d] = shape * 0.3f;
        }
        return LatentMap.of(new PosteriorBatch(enc, n), idx, Optional.of(DSpritesFactors.INSTANCE), "planted");
    }

    @Test
    void theFirstAxisFollowsTheStrongestFactor() {
        LatentMap map = planted(300);
        // colour never varies in dSprites; scale, orientation and posY are constant here: they are left out
        assertEquals(List.of("shape", "posX"), map.factorNames());
        assertEquals(3, map.classCount(0));
        int posX = 1;
        // PC 1 is dimension 3 (uncorrelated with the shape code), sign fixed positive: x = (posX − mean posX)/4
        double meanPos = 0;
        for (int i = 0; i < map.size(); i++) {
            meanPos += map.factorClass(i, posX) / (double) map.size();
        }
        for (int i = 0; i < map.size(); i++) {
            assertEquals((map.factorClass(i, posX) - meanPos) / 4, map.x(i), 1e-3, "point " + i);
        }
        assertTrue(map.explained(0) > 0.9, "posX carries most of the variance: " + map.explained(0));
        assertEquals(map.index(7), map.index(map.nearest(map.x(7) + 1e-4, map.y(7))));
    }

    @Test
    void exportsPngSvgAndCsv() throws Exception {
        LatentMap map = planted(90);
        Path png = dir.resolve("map.png");
        LatentMapFigure.write(png, map, 1, 700, 600, "test", META);
        BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(700, img.getWidth());
        Path svg = dir.resolve("map.svg");
        LatentMapFigure.write(svg, map, 0, 700, 600, "test", META);
        assertTrue(Files.readString(svg).contains("<svg"));
        assertTrue(Files.readString(svg).contains("latent-explorer:settings: latent map test"), "SVG carries the provenance");
        assertEquals("latent map test", org.latentexplorer.render.export.PngExport.readText(png)
                .get(org.latentexplorer.render.export.PngExport.SETTINGS), "PNG carries the provenance");
        Path csv = dir.resolve("map.csv");
        LatentMapFigure.write(csv, map, 0, 700, 600, "test", META);
        List<String> lines = Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).toList();
        assertTrue(Files.readAllLines(csv).get(0).startsWith("# "), "CSV starts with its provenance");
        assertEquals(91, lines.size());
        assertEquals("index,pc1,pc2,shape,posX,mu0,mu1,mu2,mu3", lines.get(0));
    }

    @Test
    void reconstructionErrorsFollowTheModelsTerm() {
        float[] x = {0, 1, 1, 0, 0.5f, 0.5f, 0.5f, 0.5f};
        float[] y = {0.5f, 1, 1, 0, 0.5f, 0.5f, 0.5f, 0.5f};
        ReconstructionStrip mse = ReconstructionStrip.of(x, y, 2, 2, 2, new int[] {4, 9}, Reconstruction.MSE);
        assertEquals(0.25, mse.errors()[0], 1e-9);
        assertEquals(0, mse.errors()[1], 1e-9);
        ReconstructionStrip bce = ReconstructionStrip.of(x, y, 2, 2, 2, new int[] {4, 9}, Reconstruction.BERNOULLI);
        // image 0: ln 2 from the first pixel, 0 from the exact ones except log(1 − 1) and log(0) clamped at −100 times weight 0
        assertEquals(Math.log(2), bce.errors()[0], 1e-6);
        assertEquals(4 * Math.log(2), bce.errors()[1], 1e-6);
        BufferedImage img = mse.image(3, "t");
        assertTrue(img.getWidth() > 2 * 6);
    }
}
