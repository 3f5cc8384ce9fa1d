package org.latentexplorer.render.traversal;

/** The latent vector a traversal starts from: every non-traversed dimension keeps the anchor's value. */
public sealed interface TraversalAnchor {

    /** The prior mean, the zero vector (the paper's choice, §6). */
    record PriorMean() implements TraversalAnchor {
    }

    /**
     * The posterior mean of data example {@code index}; the caller supplies that example's encoding
     * ({@link TraversalInputs#anchorPosterior()}), the index is kept for provenance and labels.
     */
    record DataIndex(int index) implements TraversalAnchor {
        public DataIndex {
            if (index < 0) {
                throw new IllegalArgumentException("data anchor index must be non-negative, got " + index);
            }
        }
    }

    /**
     * A prior sample z ~ N(0, I): component d is the d-th {@code nextGaussian()} of
     * {@code new java.util.Random(seed)}, rounded to float. The same seed always gives the same anchor.
     */
    record RandomPrior(long seed) implements TraversalAnchor {
        /** The anchor for latent size D. */
        public float[] sample(int latentSize) {
            java.util.Random random = new java.util.Random(seed);
            float[] z = new float[latentSize];
            for (int d = 0; d < latentSize; d++) {
                z[d] = (float) random.nextGaussian();
            }
            return z;
        }
    }
}
