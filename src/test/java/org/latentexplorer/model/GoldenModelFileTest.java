package org.latentexplorer.model;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.latentexplorer.divergence.DivergenceKind;

/**
 * A model file written by format version 1 (kept in test resources, never regenerated) must
 * keep loading, with the same manifest and the same decoder output. A change that breaks old
 * files fails here; bump {@link ModelManifest#FORMAT_VERSION} and add a reader instead.
 */
class GoldenModelFileTest {
    static Path golden() throws URISyntaxException {
        return Path.of(GoldenModelFileTest.class.getResource("/golden/model-format-v1.zip").toURI());
    }

    @Test
    void versionOneFileLoadsWithItsManifest() throws Exception {
        VaeModel m = VaeModel.load(golden());
        ModelManifest mf = m.manifest();
        assertEquals(1, mf.formatVersion());
        assertEquals(32, mf.architecture().imageSize());
        assertEquals(2, mf.architecture().latents());
        assertEquals(DivergenceKind.JSG_DUAL, mf.divergence().kind());
        assertEquals(0.5, mf.divergence().alpha());
        assertEquals(Reconstruction.MSE, mf.reconstruction());
        assertEquals("mnist:/data/mnist", mf.provenance().dataset());
        assertEquals(1, mf.history().size());
        assertEquals(48.25, mf.history().get(0).recLoss());
        assertEquals(1.5, mf.history().get(0).kl1());
    }

    @Test
    void versionOneFileDecodesAsItDidWhenWritten() throws Exception {
        float[] img = VaeModel.load(golden()).decode(new float[] {0.5f, -1f}, 1);
        assertEquals(32 * 32, img.length);
        double sum = 0;
        for (float x : img) {
            sum += x;
        }
        // values printed by the writer of the golden file (2026-11-30, ND4J 1.0.0-M2.1 CPU)
        assertEquals(507.2513598576188, sum, 1e-3);
        assertEquals(0.46113458f, img[0], 1e-5f);
        assertEquals(0.4310633f, img[511], 1e-5f);
    }
}
