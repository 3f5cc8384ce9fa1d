package org.latentexplorer.model;

/**
 * REC of docs/method.md §2 computed in double precision from the decoder's logits s: the per-image sum
 * over pixels, averaged over the batch, and optionally its gradient with respect to the logits (§2.1).
 * For MSE r = (x̂ − x)² with x̂ = sigmoid(s), ∂r/∂s = 2(x̂ − x)·x̂(1 − x̂); for Bernoulli
 * r = −[x·max(−softplus(−s), −100) + (1 − x)·max(−softplus(s), −100)], ∂r/∂s = −x·(1 − x̂) + (1 − x)·x̂,
 * each term zero where its logarithm is clamped. It computes what {@link VaeGraph}'s reconstruction loss
 * computes; shared by the native training step and the fast evaluation.
 */
public final class ReconstructionLoss {
    private ReconstructionLoss() {
    }

    /**
     * REC of a batch of {@code n} images.
     *
     * @param logits   the decoder's logits, {@code count} values (n×C×H×W)
     * @param pixels   the images, the same layout
     * @param gradient receives ∂REC/∂s (already divided by n), or null when not needed
     */
    public static double of(Reconstruction reconstruction, float[] logits, float[] pixels, int count, int n,
                            float[] gradient) {
        boolean bernoulli = reconstruction == Reconstruction.BERNOULLI;
        double scale = 1.0 / n;
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double s = logits[i];
            double x = pixels[i];
            double p = 1.0 / (1.0 + Math.exp(-s));
            double g;
            if (!bernoulli) {
                double e = p - x;
                sum += e * e;
                g = 2.0 * e * p * (1.0 - p);
            } else {
                double logP = -softplus(-s);
                double log1mP = -softplus(s);
                g = 0;
                if (logP > -100) {
                    g -= x * (1.0 - p);
                } else {
                    logP = -100;
                }
                if (log1mP > -100) {
                    g += (1.0 - x) * p;
                } else {
                    log1mP = -100;
                }
                sum -= x * logP + (1.0 - x) * log1mP;
            }
            if (gradient != null) {
                gradient[i] = (float) (g * scale);
            }
        }
        return sum * scale;
    }

    /** ln(1 + eˢ) without overflow. */
    static double softplus(double s) {
        return s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
    }
}
