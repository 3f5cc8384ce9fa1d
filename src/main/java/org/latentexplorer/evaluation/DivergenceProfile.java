package org.latentexplorer.evaluation;

import java.util.Objects;
import java.util.OptionalDouble;

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
        return DivergenceCurves.fromSample(sample.posteriors(), alphas, trainedAlpha);
    }
}
