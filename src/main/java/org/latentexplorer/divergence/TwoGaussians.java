package org.latentexplorer.divergence;

import java.util.Objects;

/**
 * The divergences of the paper between two general one-dimensional Gaussians, q in the posterior's role
 * and p in the prior's (docs/method.md §1): KL in both directions, the paper's JS^{Gα'} and JS_*^{Gα'}
 * (geometric mean G ∝ p^(1−α) q^α) and Nielsen's JS^{Gα} and JS_*^{Gα} (G ∝ p^α q^(1−α)), all with outer
 * weights (1−α) on q and α on p. With p = N(0, 1) they equal the per-dimension {@link ClosedForms}
 * (a test checks this); they are written with {@link Gaussian1d#klTo} and {@link Gaussian1d#geometricMean}
 * because p is not the standard normal here. Stateless and thread-safe.
 */
public final class TwoGaussians {
    private TwoGaussians() {
    }

    /** Every divergence between the two Gaussians at one α. */
    public record Values(double klQp, double klPq, double jsPrime, double dualPrime, double jsNielsen,
                         double dualNielsen) {
    }

    /**
     * All six divergences between p and q at α.
     *
     * @throws IllegalArgumentException unless 0 ≤ α ≤ 1
     */
    public static Values all(Gaussian1d p, Gaussian1d q, double alpha) {
        checkAlpha(alpha);
        return new Values(q.klTo(p), p.klTo(q),
                skewJs(p, q, alpha, alpha, false), skewJs(p, q, alpha, alpha, true),
                skewJs(p, q, alpha, 1 - alpha, false), skewJs(p, q, alpha, 1 - alpha, true));
    }

    /** The paper's JS^{Gα'}(q‖p) = (1−α)KL(q‖G_α) + αKL(p‖G_α) with G_α ∝ p^(1−α) q^α. */
    public static double skewGeometricJs(Gaussian1d p, Gaussian1d q, double alpha) {
        checkAlpha(alpha);
        return skewJs(p, q, alpha, alpha, false);
    }

    /**
     * A skew geometric JS with outer weights (1−α) on q and α on p and geometric weight w on q; the primal is
     * (1−α)KL(q‖G) + αKL(p‖G), the dual (1−α)KL(G‖q) + αKL(G‖p).
     */
    private static double skewJs(Gaussian1d p, Gaussian1d q, double alpha, double w, boolean dual) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(q, "q");
        Gaussian1d g = p.geometricMean(q, w);
        return dual ? (1 - alpha) * g.klTo(q) + alpha * g.klTo(p) : (1 - alpha) * q.klTo(g) + alpha * p.klTo(g);
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must lie in [0, 1], got " + alpha);
        }
    }
}
