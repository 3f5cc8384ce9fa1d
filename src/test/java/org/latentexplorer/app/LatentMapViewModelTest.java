package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.teaching.LatentMap;
import org.latentexplorer.teaching.LatentMapFigure;
import org.latentexplorer.teaching.ReconstructionStrip;

/** The latent map's view model with an analytic codec on procedural dSprites. */
class LatentMapViewModelTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final LoadedModel MODEL = ModelLoader.untrained(new Architecture(64, 4));

    @Test
    void encodesASpreadSampleAndReconstructsAStrip() {
        LatentMapViewModel vm = new LatentMapViewModel(TaskRunner.sameThread(), m -> new AnalyticCodec(4, 64));
        vm.setModel(MODEL);
        vm.activate();
        LatentMap map = vm.mapProperty().get();
        assertNotNull(map);
        assertEquals(LatentMapViewModel.SAMPLE, map.size());
        assertTrue(map.factorNames().containsAll(java.util.List.of("shape", "scale", "orientation", "posX", "posY")),
                map.factorNames().toString());
        // the analytic encoder puts mean intensity·(d+1) in every dimension: one direction holds all the variance
        assertEquals(1.0, map.explained(0), 1e-6);
        assertNotNull(vm.pageProperty().get());
        ReconstructionStrip s = vm.stripProperty().get();
        assertEquals(LatentMapViewModel.STRIP, s.n());
        // the error of image 0, summed here independently: MSE per pixel against the decoded μ
        AnalyticCodec c = new AnalyticCodec(4, 64);
        float[] original = new float[64 * 64];
        MODEL.sample().read(s.indices()[0], original, 0);
        float[] mu = new float[4];
        System.arraycopy(c.encode(original, 1), 0, mu, 0, 4);
        float[] rec = c.decode(mu, 1);
        double e = 0;
        for (int p = 0; p < rec.length; p++) {
            e += (rec[p] - original[p]) * (rec[p] - original[p]);
        }
        assertEquals(e, s.errors()[0], 1e-6);
    }

    @Test
    void hoverFindsAPointAndAClickSetsTheAnchor() {
        LatentMapViewModel vm = new LatentMapViewModel(TaskRunner.sameThread(), m -> new AnalyticCodec(4, 64));
        float[][] anchor = new float[1][];
        vm.onAnchor(z -> anchor[0] = z);
        vm.setModel(MODEL);
        vm.activate();
        LatentMap map = vm.mapProperty().get();
        LatentMapFigure.Layout l = LatentMapFigure.layout(map, 900, 700);
        int i = 123;
        int found = vm.pointAt(l.px(map.x(i)), l.py(map.y(i)));
        assertTrue(found >= 0);
        assertEquals(map.x(i), map.x(found), 1e-9, "a point at the same place");
        assertEquals(-1, vm.pointAt(1, 1));
        vm.select(found);
        assertArrayEquals(map.mean(found), anchor[0]);
        assertEquals(64 * 64, vm.decodedProperty().get().length);
        assertEquals(found, vm.selectedProperty().get());
        assertTrue(vm.describe(found).contains("shape"));
        vm.factor.set(3);
        assertNotNull(vm.pageProperty().get());
    }

    @Test
    void otherExamplesAreDrawnAtRandomAndAnEpochModelReplacesTheMap() {
        LatentMapViewModel vm = new LatentMapViewModel(TaskRunner.sameThread(), m -> new AnalyticCodec(4, 64));
        vm.setModel(MODEL);
        assertEquals(null, vm.mapProperty().get(), "nothing is encoded before the view is shown");
        vm.activate();
        int[] spread = vm.stripProperty().get().indices();
        vm.otherExamples();
        int[] random = vm.stripProperty().get().indices();
        assertEquals(LatentMapViewModel.STRIP, random.length);
        assertFalse(java.util.Arrays.equals(spread, random));
        vm.setEpochModel(MODEL.model(), 2);
        assertTrue(vm.mapProperty().get().description().contains("training, epoch 2"), vm.mapProperty().get().description());
        assertTrue(vm.statusProperty().get().contains("2000 examples"), vm.statusProperty().get());
    }
}
