package org.latentexplorer.render.traversal;

import org.latentexplorer.latent.Posterior;

/**
 * How far a traversed latent dimension moves. Each range yields, per traversed dimension d, an
 * interval [lo, hi] that the grid's columns span (see {@link TraversalSpec#direction()}).
 */
public sealed interface TraversalRange {

    /** The fixed interval [−c, +c] for every dimension. */
    record Absolute(double halfWidth) implements TraversalRange {
        public Absolute {
            if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
                throw new IllegalArgumentException("absolute traversal half-width must be a positive finite number, got " + halfWidth);
            }
        }
    }

    /**
     * A central prior interval holding probability 2q: [−Φ⁻¹(½+q), +Φ⁻¹(½+q)] of N(0,1). The paper's
     * {@code max_traversal = 0.475} gives ±Φ⁻¹(0.975) = ±1.959964.
     */
    record PriorQuantile(double q) implements TraversalRange {
        public PriorQuantile {
            if (!(q > 0 && q < 0.5)) {
                throw new IllegalArgumentException("prior quantile half-mass q must lie in (0, 0.5), got " + q);
            }
        }

        /** The half-width Φ⁻¹(½ + q). */
        public double halfWidth() {
            return NormalQuantile.inverseCdf(0.5 + q);
        }
    }

    /** μ_d ± k·σ_d around the anchor's posterior (σ_d = exp(½·logvar_d)); needs a data anchor. */
    record Posterior(double k) implements TraversalRange {
        public Posterior {
            if (!(k > 0) || !Double.isFinite(k)) {
                throw new IllegalArgumentException("posterior traversal width k must be a positive finite number, got " + k);
            }
        }
    }

    /** From the minimum to the maximum of the encoded means of dimension d over a data sample. */
    record DataRange() implements TraversalRange {
    }
}
