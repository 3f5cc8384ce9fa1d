package org.latentexplorer.evaluation;

import java.util.List;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.Divergences;
import java.util.OptionalDouble;
import org.latentexplorer.divergence.AlphaGrid;
import org.latentexplorer.latent.PosteriorBatch;
import org.latentexplorer.render.export.CurveTable;

/**
 * Divergence against α for one posterior/prior pair (or a data average), computed by the caller
 * (the divergence package): the paper's JS^{Gα′} (§a.5) and JS_*^{Gα′} (§a.7), Nielsen's JS^{Gα} (§a.4) and
 * JS_*^{Gα} (§a.6), with the reference values KL(q‖p) and KL(p‖q) and optionally the trained α.
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

    /**
     * The curves of a model's posteriors on a data sample: at each α, the batch mean of the summed
     * per-dimension closed forms (spec §b's reduction) of the four skew JS variants, and the two KL
     * baselines, all from {@link Divergences} in double.
     *
     * @param sample       encoded posteriors of the sample
     * @param alpha        the α grid, each in [0, 1]
     * @param trainedAlpha the model's own α, marked on the chart (empty for non-JS models)
     */
    public static DivergenceCurves fromSample(PosteriorBatch sample, double[] alpha, OptionalDouble trainedAlpha) {
        int n = sample.size();
        int d = sample.latentSize();
        float[] mu = sample.means();
        float[] logvar = sample.logVariances();
        double[] js = new double[alpha.length];
        double[] dual = new double[alpha.length];
        double[] nielsen = new double[alpha.length];
        double[] nielsenDual = new double[alpha.length];
        for (int a = 0; a < alpha.length; a++) {
            js[a] = total(DivergenceKind.JSG, alpha[a], mu, logvar, n, d);
            dual[a] = total(DivergenceKind.JSG_DUAL, alpha[a], mu, logvar, n, d);
            nielsen[a] = total(DivergenceKind.JSG_NIELSEN, alpha[a], mu, logvar, n, d);
            nielsenDual[a] = total(DivergenceKind.JSG_NIELSEN_DUAL, alpha[a], mu, logvar, n, d);
        }
        return new DivergenceCurves(alpha, js, dual, nielsen, nielsenDual,
                total(DivergenceKind.KL_QP, DivergenceSpec.DEFAULT_ALPHA, mu, logvar, n, d),
                total(DivergenceKind.KL_PQ, DivergenceSpec.DEFAULT_ALPHA, mu, logvar, n, d), trainedAlpha);
    }

    private static double total(DivergenceKind kind, double alpha, float[] mu, float[] logvar, int n, int d) {
        return Divergences.perDimension(DivergenceSpec.of(kind, alpha), mu, logvar, n, d).total();
    }

    /** Columns alpha, the four series, and constant kl_qp, kl_pq columns. */
    public CurveTable toTable() {
        double[] qp = new double[alpha.length];
        double[] pq = new double[alpha.length];
        java.util.Arrays.fill(qp, klQp);
        java.util.Arrays.fill(pq, klPq);
        return CurveTable.ofColumns(List.of("alpha", "js_prime", "dual_prime", "js_nielsen", "dual_nielsen", "kl_qp", "kl_pq"),
                List.of(alpha, jsPrime, dualPrime, jsNielsen, dualNielsen, qp, pq));
    }
}
