package org.latentexplorer.evaluation;

import java.util.Objects;
import java.util.OptionalDouble;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.Divergences;
import org.latentexplorer.latent.PosteriorBatch;

/**
 * Divergence against α for a trained model's posteriors, without retraining: at every α, the closed forms
 * of JS^{Gα'} (§1.5), JS_*^{Gα'} (§1.7), Nielsen's JS^{Gα} (§1.4) and JS_*^{Gα} (§1.6), each summed over
 * dimensions and averaged over the sample (§2), with KL(q‖p) and KL(p‖q) of the same sample as baselines.
 * By the limits of §1.5/§1.7, JS^{Gα'} equals KL(q‖p) at α = 0 and KL(p‖q) at α = 1, and JS_*^{Gα'} the reverse.
 * Everything comes from {@link Divergences} in double precision.
 */
public final class DivergenceProfile {
    private DivergenceProfile() {
    }

    /**
     * The curves over {@code alphas} (strictly increasing, in [0, 1]).
     *
     * @param sample       encoded posteriors of the sample
     * @param trainedAlpha the α the model was trained with, when it was trained with a skew JS (marked on charts)
     */
    public static DivergenceCurves of(PosteriorBatch sample, double[] alphas, OptionalDouble trainedAlpha) {
        Objects.requireNonNull(sample, "sample");
        double[] js = new double[alphas.length];
        double[] dual = new double[alphas.length];
        double[] nielsen = new double[alphas.length];
        double[] nielsenDual = new double[alphas.length];
        for (int a = 0; a < alphas.length; a++) {
            js[a] = perDimension(sample, DivergenceSpec.of(DivergenceKind.JSG, alphas[a])).total();
            dual[a] = perDimension(sample, DivergenceSpec.of(DivergenceKind.JSG_DUAL, alphas[a])).total();
            nielsen[a] = perDimension(sample, DivergenceSpec.of(DivergenceKind.JSG_NIELSEN, alphas[a])).total();
            nielsenDual[a] = perDimension(sample, DivergenceSpec.of(DivergenceKind.JSG_NIELSEN_DUAL, alphas[a])).total();
        }
        return new DivergenceCurves(alphas, js, dual, nielsen, nielsenDual,
                perDimension(sample, DivergenceSpec.of(DivergenceKind.KL_QP)).total(),
                perDimension(sample, DivergenceSpec.of(DivergenceKind.KL_PQ)).total(), trainedAlpha);
    }

    /** Per-dimension values of a closed-form divergence, averaged over the sample (§2's reduction). */
    public static Divergences.PerDimension perDimension(PosteriorBatch sample, DivergenceSpec spec) {
        return Divergences.perDimension(spec, sample.means(), sample.logVariances(), sample.size(), sample.latentSize());
    }
}
