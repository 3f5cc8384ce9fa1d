package org.latentexplorer.divergence;

import org.latentexplorer.common.UserInputException;

/**
 * A regulariser with its parameters: which divergence, its skew α (JS family) and β (β-VAE).
 * Invariant: α ∈ [0, 1] and β is finite and positive; a spec outside that cannot be constructed.
 * For divergences without a skew, α is kept as given but unused.
 *
 * @param kind  the divergence
 * @param alpha the skew α of the JS family, in [0, 1]
 * @param beta  the β of β-VAE, finite and &gt; 0
 */
public record DivergenceSpec(DivergenceKind kind, double alpha, double beta) {
    /** The paper's defaults: α = 0.5, β = 4 (Table 2's β-VAE row). */
    public static final double DEFAULT_ALPHA = 0.5;
    public static final double DEFAULT_BETA = 4.0;

    public DivergenceSpec {
        if (kind == null) {
            throw new UserInputException("a divergence is required");
        }
        if (!(alpha >= 0.0 && alpha <= 1.0)) {
            throw new UserInputException("alpha must be in [0, 1], got " + alpha);
        }
        if (!(beta > 0.0) || Double.isInfinite(beta)) {
            throw new UserInputException("beta must be a finite number > 0, got " + beta);
        }
    }

    public static DivergenceSpec of(DivergenceKind kind) {
        return new DivergenceSpec(kind, DEFAULT_ALPHA, DEFAULT_BETA);
    }

    public static DivergenceSpec of(DivergenceKind kind, double alpha) {
        return new DivergenceSpec(kind, alpha, DEFAULT_BETA);
    }

    public DivergenceSpec withAlpha(double newAlpha) {
        return new DivergenceSpec(kind, newAlpha, beta);
    }

    /** A readable description, e.g. {@code jsg-dual(alpha=0.5)}. */
    public String describe() {
        if (kind.isSkewJs()) {
            return kind.cliName() + "(alpha=" + alpha + ")";
        }
        if (kind == DivergenceKind.BETA) {
            return kind.cliName() + "(beta=" + beta + ")";
        }
        return kind.cliName();
    }
}
