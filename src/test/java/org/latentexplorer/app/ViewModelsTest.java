package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.render.chart.GaussianTeaching;
import org.latentexplorer.render.traversal.GridImage;
import org.latentexplorer.render.traversal.RowOrder;

/** The α explorer and Traverse view models on the same-thread runner with an analytic codec: no toolkit, no ND4J. */
class ViewModelsTest {
    private static final LoadedModel MODEL = ModelLoader.untrained(new Architecture(64, 4));

    @Test
    void traverseRendersTheGridAndASliderChangesTheLiveImageAndTheGrid() {
        AnalyticCodec codec = new AnalyticCodec(4, 64);
        TraverseViewModel vm = new TraverseViewModel(TaskRunner.sameThread(), m -> codec);
        vm.setModel(MODEL);
        GridImage grid = vm.gridProperty().get();
        assertNotNull(grid);
        assertEquals(4, grid.rows());
        assertEquals(10, grid.columns());
        assertNotNull(vm.encodedProperty().get());
        assertEquals(TraverseViewModel.THUMBNAILS, vm.encodedProperty().get().indices().length);
        float[] before = vm.liveProperty().get().pixels();
        vm.latents().get(0).set(2.0);
        float[] after = vm.liveProperty().get().pixels();
        assertFalse(Arrays.equals(before, after), "moving z0 must change the decoded anchor");
        assertFalse(Arrays.equals(grid.rgb(), vm.gridProperty().get().rgb()), "the grid follows the anchor");
    }

    @Test
    void aModelIsDescribedInWordsNotInCommandLineSyntax() {
        String text = Labels.model(MODEL.manifest());
        assertEquals(Labels.divergence(org.latentexplorer.divergence.DivergenceKind.JSG_DUAL)
                + " α = 0.5, 64×64, D = 4, dSprites, 0 epochs", text);
        assertEquals("MNIST (/data/mnist)", Labels.dataset("mnist:/data/mnist"));
        assertTrue(MODEL.describe().contains(text), MODEL.describe());
        assertFalse(MODEL.describe().contains("alpha="), MODEL.describe());
    }

    @Test
    void dataAnchorsSetTheSlidersToTheExamplesMean() {
        AnalyticCodec codec = new AnalyticCodec(4, 64);
        TraverseViewModel vm = new TraverseViewModel(TaskRunner.sameThread(), m -> codec);
        vm.setModel(MODEL);
        vm.selectedExample.set(2);
        assertEquals(TraverseViewModel.AnchorKind.DATA, vm.anchorKind.get());
        assertArrayEquals(vm.encodedProperty().get().thumbnails().get(2).mean(), vm.anchor());
        vm.anchorKind.set(TraverseViewModel.AnchorKind.PRIOR);
        assertArrayEquals(new float[4], vm.anchor());
    }

    @Test
    void aPickedExampleAnchorsEveryRangeModeAndTheCaptionSaysWhatTheGridShows() {
        TraverseViewModel vm = new TraverseViewModel(TaskRunner.sameThread(), m -> new AnalyticCodec(4, 64));
        vm.setModel(MODEL);
        // μ ± k·σ without a picked example cannot apply: said in words, and no stale grid stays on screen
        vm.rangeMode.set(TraverseViewModel.RangeMode.POSTERIOR);
        assertEquals(null, vm.gridProperty().get());
        assertTrue(vm.statusProperty().get().contains("pick an example"), vm.statusProperty().get());
        // picking an example makes it the anchor: the grid appears, and its caption names the example
        vm.selectedExample.set(2);
        GridImage posterior = vm.gridProperty().get();
        assertNotNull(posterior, vm.statusProperty().get());
        int example = vm.encodedProperty().get().indices()[2];
        String caption = vm.statusProperty().get();
        assertTrue(caption.contains("data example #" + example), caption);
        assertTrue(caption.contains("μ ± 0.475·σ"), caption);
        assertFalse(caption.contains("["), "no record strings: " + caption);
        // the column count redraws in this mode too
        vm.steps.set(5);
        assertEquals(5, vm.gridProperty().get().columns());
        // the anchor stays the example in the other modes
        for (TraverseViewModel.RangeMode mode : TraverseViewModel.RangeMode.values()) {
            vm.rangeMode.set(mode);
            assertArrayEquals(vm.encodedProperty().get().thumbnails().get(2).mean(), vm.anchor(), mode.toString());
            assertNotNull(vm.gridProperty().get(), mode.toString());
            assertTrue(vm.statusProperty().get().contains("data example #" + example), vm.statusProperty().get());
        }
        vm.rangeMode.set(TraverseViewModel.RangeMode.PRIOR_QUANTILE);
        assertTrue(vm.statusProperty().get().contains("half-mass q = 0.475"), vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().contains("rows in latent order"), vm.statusProperty().get());
        // back to the prior mean: μ ± k·σ cannot apply again, and says so
        vm.anchorKind.set(TraverseViewModel.AnchorKind.PRIOR);
        vm.rangeMode.set(TraverseViewModel.RangeMode.POSTERIOR);
        assertEquals(null, vm.gridProperty().get());
    }

    @Test
    void numbersAreShownWithTheDigitsTheyHave() {
        PreciseDoubleConverter c = new PreciseDoubleConverter();
        assertEquals("0.475", c.toString(0.475));
        assertEquals(0.475, c.fromString(c.toString(0.475)));
        assertEquals("2", c.toString(2.0));
        assertEquals("0.3", c.toString(0.1 + 0.2));
        assertEquals("1.959964", c.toString(1.959964));
        assertEquals(null, c.fromString("abc"));
        assertEquals("0.475", TraverseViewModel.plain(0.475));
    }

    @Test
    void presetsSetTheControlsAndScoreOrderUsesTheSample() {
        TraverseViewModel vm = new TraverseViewModel(TaskRunner.sameThread(), m -> new AnalyticCodec(4, 64));
        vm.setModel(MODEL);
        vm.preset.set("disentangling-vae");
        assertEquals(TraverseViewModel.RangeMode.ABSOLUTE, vm.rangeMode.get());
        assertEquals(2.0, vm.rangeValue.get());
        assertEquals(7, vm.steps.get());
        assertEquals(RowOrder.SCORE_DESCENDING, vm.rowOrder.get());
        GridImage g = vm.gridProperty().get();
        assertEquals(7, g.columns());
        // the analytic encoder's means grow with the index, so KL(q‖p) does too: the last dimension comes first
        assertEquals(3, g.rowDimension(0));
    }

    @Test
    void interpolationNeedsBothEnds() {
        TraverseViewModel vm = new TraverseViewModel(TaskRunner.sameThread(), m -> new AnalyticCodec(4, 64));
        vm.setModel(MODEL);
        vm.interpolationFrom.set(1);
        assertEquals(null, vm.interpolationProperty().get());
        vm.interpolationTo.set(5);
        assertEquals(10, vm.interpolationProperty().get().columns());
    }

    @Test
    void exportWritesAPngWithItsSettingsAndAGifOfTheColumns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        TraverseViewModel vm = new TraverseViewModel(TaskRunner.sameThread(), m -> new AnalyticCodec(4, 64));
        vm.setModel(MODEL);
        java.nio.file.Path png = dir.resolve("grid.png");
        java.nio.file.Path gif = dir.resolve("grid.gif");
        Throwable[] failure = new Throwable[1];
        vm.export(png, () -> { }, t -> failure[0] = t);
        vm.export(gif, () -> { }, t -> failure[0] = t);
        assertEquals(null, failure[0]);
        java.util.Map<String, String> text = org.latentexplorer.render.export.PngExport.readText(png);
        assertTrue(text.get(org.latentexplorer.render.export.PngExport.SETTINGS).contains("preset=paper"), text.toString());
        assertTrue(text.get(org.latentexplorer.render.export.PngExport.MODEL).contains("jsg-dual"), text.toString());
        assertEquals(10, org.latentexplorer.render.export.GifExport.inspect(gif).frames());
    }

    @Test
    void alphaExplorerComputesCurvesAndPerDimensionValues() {
        AlphaViewModel vm = new AlphaViewModel(TaskRunner.sameThread(), m -> new AnalyticCodec(4, 64));
        vm.setModel(MODEL);
        assertNotNull(vm.curvesProperty().get());
        assertEquals(51, vm.curvesProperty().get().alpha().length);
        assertTrue(vm.curvesProperty().get().trainedAlpha().isPresent(), "a jsg-dual model marks its α");
        assertEquals(4, vm.perDimensionProperty().get().value().length);
        vm.dimensionAlpha.set(0.9);
        assertEquals(0.9, vm.perDimensionProperty().get().alpha());
    }

    @Test
    void teachingViewFollowsItsSliders() {
        AlphaViewModel vm = new AlphaViewModel(TaskRunner.sameThread(), m -> new AnalyticCodec(4, 64));
        GaussianTeaching.Result before = vm.teachingProperty().get();
        assertNotNull(before);
        assertEquals(6, vm.teachingValuesProperty().get().size());
        vm.muQ.set(vm.muP.get());
        vm.sigmaQ.set(vm.sigmaP.get());
        for (GaussianTeaching.NamedValue v : vm.teachingValuesProperty().get()) {
            assertEquals(0.0, v.value(), 1e-12, v.name() + " of equal Gaussians");
        }
        // the curves follow the sliders: q is now p, so their densities coincide point by point (they did not before)
        GaussianTeaching.Result after = vm.teachingProperty().get();
        assertEquals(vm.muP.get(), after.q().mean(), 0.0);
        assertEquals(vm.sigmaP.get() * vm.sigmaP.get(), after.q().variance(), 1e-12);
        assertArrayEquals(after.pDensity(), after.qDensity(), 1e-15);
        assertArrayEquals(after.pDensity(), after.mixture(), 1e-15);
        assertFalse(java.util.Arrays.equals(before.pDensity(), before.qDensity()), "p and q differed before");
        vm.teachingAlpha.set(0.25);
        assertEquals(0.25, vm.teachingProperty().get().integrandAlpha(), 0.0);
    }
}
