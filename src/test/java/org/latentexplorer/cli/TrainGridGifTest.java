package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.render.export.GifExport;
import org.latentexplorer.render.traversal.TraversalGrid;
import org.latentexplorer.render.traversal.TraversalSpec;

/** {@code train --grid-gif}: one paper grid per epoch, decoded with that epoch's weights. */
class TrainGridGifTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path dir;

    @Test
    void writesOneFramePerEpochAndTheLastIsTheFinalModelsGrid() throws IOException {
        Path mnist = CliFixtures.mnistDir(dir.resolve("mnist"), 16);
        Path model = dir.resolve("m.zip");
        Path gif = dir.resolve("training.gif");
        Cli r = Cli.run("train", "--dataset", "mnist:" + mnist, "--divergence", "jsg", "--alpha", "0.3", "--epochs", "1",
                "--batch", "16", "--latents", "3", "--lr", "1e-2", "--out", model.toString(), "--grid-gif", gif.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("grid gif " + gif + ": 1 frames"), r.out());
        assertEquals(1, GifExport.inspect(gif).frames());
        Cli resumed = Cli.run("train", "--resume", model.toString(), "--epochs", "2", "--out", model.toString(),
                "--grid-gif", gif.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("grid gif " + gif + ": 2 frames"), "the resumed run continues the GIF: " + resumed.out());
        GifExport.GifSummary summary = GifExport.inspect(gif);
        assertEquals(2, summary.frames());
        assertEquals(342, summary.width());
        assertEquals(3 * 34 + 2, summary.height());
        List<BufferedImage> frames = GifExport.readFrames(Files.readAllBytes(gif));
        BufferedImage expected = TraversalGrid.render(TraversalSpec.paper(), VaeModel.load(model)).toBufferedImage();
        int differingLast = 0;
        int differingFirst = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                differingLast += (frames.get(1).getRGB(x, y) & 0xFFFFFF) == (expected.getRGB(x, y) & 0xFFFFFF) ? 0 : 1;
                differingFirst += (frames.get(0).getRGB(x, y) & 0xFFFFFF) == (expected.getRGB(x, y) & 0xFFFFFF) ? 0 : 1;
            }
        }
        assertEquals(0, differingLast, "the last frame is the final checkpoint's paper grid");
        assertTrue(differingFirst > 0, "the first frame shows epoch 1's weights, not the final ones");
    }

    @Test
    void aGridGifOfAnotherSizeIsNotContinued() throws IOException {
        Path mnist = CliFixtures.mnistDir(dir.resolve("mnist"), 4);
        Path model = CliFixtures.model(dir.resolve("m.zip"), 32, 2, org.latentexplorer.divergence.DivergenceSpec.of(
                org.latentexplorer.divergence.DivergenceKind.KL_QP), "mnist:" + mnist, List.of());
        Path gif = dir.resolve("other.gif");
        GifExport.write(gif, List.of(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB)), 100, java.util.Map.of());
        Cli r = Cli.run("train", "--resume", model.toString(), "--epochs", "2", "--out", model.toString(), "--grid-gif", gif.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("20x10") && r.err().contains("342x70"), r.err());
    }

    @Test
    void aGridGifThatIsNotAGifIsRejectedBeforeTraining() {
        Path model = dir.resolve("m.zip");
        Cli r = Cli.run("train", "--dataset", "dsprites", "--divergence", "kl-qp", "--out", model.toString(),
                "--grid-gif", dir.resolve("grid.png").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("grid.png") && r.err().contains(".gif"), r.err());
        assertFalse(Files.exists(model));
    }
}
