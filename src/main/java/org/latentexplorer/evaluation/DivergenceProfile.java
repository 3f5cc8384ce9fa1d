package org.latentexplorer.evaluation;

import java.util.Objects;
import java.util.OptionalDouble;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.render.DivergenceCurves;

/**
 * Divergence against α for a trained model's posteriors, without retraining: at every α, the closed forms
 * of JS^{Gα'} (§a.5), JS_*^{Gα'} (§a.7), Nielsen's JS^{Gα} (§a.4) and JS_*^{Gα} (§a.6), each summed over
 * dimensions and averaged over the sample (§b), with KL(q‖p) and KL(p‖q) of the same sample as baselines.
 * By the limits of §a.5/§a.7, JS^{Gα'} equals KL(q‖p) at α = 0 and KL(p‖q) at α = 1, and JS_*^{Gα'} the reverse.
 */
public final class DivergenceProfile {
    private DivergenceProfile() {
    }

    /**
     * The curves over {@code alphas} (strictly increasing, in [0, 1]).
     *
     * @param trainedAlpha the α the model was trained with, when it was trained with a skew JS
     */
    public static DivergenceCurves of(EncodedSample sample, double[] alphas, OptionalDouble trainedAlpha) {
        Objects.requireNonNull(sample, "sample");
        int m = alphas.length;
        double[] jsPrime = new double[m];
        double[] dualPrime = new double[m];
        double[] jsNielsen = new double[m];
        double[] dualNielsen = new double[m];
        for (int i = 0; i < m; i++) {
            jsPrime[i] = total(sample, DivergenceKind.JSG, alphas[i]);
            dualPrime[i] = total(sample, DivergenceKind.JSG_DUAL, alphas[i]);
            jsNielsen[i] = total(sample, DivergenceKind.JSG_NIELSEN, alphas[i]);
            dualNielsen[i] = total(sample, DivergenceKind.JSG_NIELSEN_DUAL, alphas[i]);
        }
        double klQp = total(sample, DivergenceKind.KL_QP, DivergenceSpec.DEFAULT_ALPHA);
        double klPq = total(sample, DivergenceKind.KL_PQ, DivergenceSpec.DEFAULT_ALPHA);
        return new DivergenceCurves(alphas, jsPrime, dualPrime, jsNielsen, dualNielsen, klQp, klPq, trainedAlpha);
    }

    private static double total(EncodedSample sample, DivergenceKind kind, double alpha) {
        return sample.perDimension(DivergenceSpec.of(kind, alpha)).total();
    }
}
