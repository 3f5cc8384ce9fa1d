package org.latentexplorer.evaluation;

import java.util.OptionalDouble;
import org.latentexplorer.divergence.AlphaGrid;

/**
 * Divergence against α for one posterior/prior pair (or a data average), computed by
 * {@link DivergenceProfile} from the closed forms of the divergence package: the paper's JS^{Gα′} (§1.5) and JS_*^{Gα′} (§1.7), Nielsen's JS^{Gα} (§1.4) and
 * JS_*^{Gα} (§1.6), with the reference values KL(q‖p) and KL(p‖q) and optionally the trained α.
 * Arrays are copied in; α strictly increases within [0, 1].
 */
public record DivergenceCurves(double[] alpha, double[] jsPrime, double[] dualPrime, double[] jsNielsen,
                               double[] dualNielsen, double klQp, double klPq, OptionalDouble trainedAlpha) {
    public static final String JS_PRIME = "JS^{Gα'}";
    public static final String DUAL_PRIME = "JS_*^{Gα'}";
    public static final String JS_NIELSEN = "JS^{Gα} (Nielsen)";
    public static final String DUAL_NIELSEN = "JS_*^{Gα} (Nielsen)";
    public static final String KL_QP = "KL(q‖p)";
    public static final String KL_PQ = "KL(p‖q)";

    public DivergenceCurves {
        AlphaGrid.check(alpha, "divergence curves", jsPrime, dualPrime, jsNielsen, dualNielsen);
        AlphaGrid.checkFinite("KL(q||p)", klQp);
        AlphaGrid.checkFinite("KL(p||q)", klPq);
        trainedAlpha = trainedAlpha == null ? OptionalDouble.empty() : trainedAlpha;
        if (trainedAlpha.isPresent() && !(trainedAlpha.getAsDouble() >= 0 && trainedAlpha.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("trained alpha must lie in [0, 1], got " + trainedAlpha.getAsDouble());
        }
        alpha = alpha.clone();
        jsPrime = jsPrime.clone();
        dualPrime = dualPrime.clone();
        jsNielsen = jsNielsen.clone();
        dualNielsen = dualNielsen.clone();
    }
}
