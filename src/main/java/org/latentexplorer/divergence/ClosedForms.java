package org.latentexplorer.divergence;

/**
 * The per-dimension closed forms of docs/method.md §1, written once against {@link Arithmetic} so that the
 * same definition runs in double (evaluation, plots, the CLI) and as float SameDiff ops with
 * gradients (training). Inputs are the posterior mean μ and log-variance log σ² of one latent
 * dimension (or arrays of them); the prior is N(0, 1). Uses the stable parameterisation of §1.11:
 * {@code e = exp(−logvar)}, {@code τ = w·e + (1−w)} where w is the geometric weight on q.
 */
public final class ClosedForms {
    private ClosedForms() {
    }

    /**
     * The value of a per-dimension divergence and, for the skew JS family, its two KL terms
     * (§2's {@code kl_loss1}, {@code kl_loss2}, unweighted); {@code value = (1−α)·kl1 + α·kl2}.
     * For the KL divergences and β-VAE, kl1 and kl2 are {@code null}.
     */
    public record Terms<T>(T value, T kl1, T kl2) {
    }

    /**
     * The per-dimension terms of {@code spec} at (μ, log σ²).
     *
     * @throws IllegalArgumentException for MMD, which does not factorise over dimensions
     */
    public static <T> Terms<T> perDimension(Arithmetic<T> a, DivergenceSpec spec, T mu, T logvar) {
        double alpha = spec.alpha();
        return switch (spec.kind()) {
            case KL_QP -> new Terms<>(klQp(a, mu, logvar), null, null);
            case KL_PQ -> new Terms<>(klPq(a, mu, logvar), null, null);
            case BETA -> new Terms<>(a.scale(klQp(a, mu, logvar), spec.beta()), null, null);
            case JSG -> skewJs(a, mu, logvar, alpha, alpha, false);
            case JSG_DUAL -> skewJs(a, mu, logvar, alpha, alpha, true);
            case JSG_NIELSEN -> skewJs(a, mu, logvar, alpha, 1.0 - alpha, false);
            case JSG_NIELSEN_DUAL -> skewJs(a, mu, logvar, alpha, 1.0 - alpha, true);
            case MMD -> throw new IllegalArgumentException("MMD is a batch statistic, not a per-dimension closed form");
        };
    }

    /** KL(q‖p) = ½[σ² + μ² − 1 − ln σ²] (§1.1). */
    public static <T> T klQp(Arithmetic<T> a, T mu, T logvar) {
        T inner = a.sub(a.add(a.exp(logvar), a.square(mu)), logvar);
        return a.scale(a.plus(inner, -1.0), 0.5);
    }

    /** KL(p‖q) = ½[(1 + μ²)/σ² − 1 + ln σ²] (§1.2). */
    public static <T> T klPq(Arithmetic<T> a, T mu, T logvar) {
        T invVar = a.exp(a.scale(logvar, -1.0));
        T inner = a.add(a.mul(a.plus(a.square(mu), 1.0), invVar), logvar);
        return a.scale(a.plus(inner, -1.0), 0.5);
    }

    /**
     * A skew geometric JS with outer weights (1−α) on q and α on p, and a normalised geometric
     * mean G ∝ q^w p^(1−w). The paper's variant (§1.5, §1.7) has w = α; Nielsen's (§1.4, §1.6) has
     * w = 1 − α. The primal is {@code (1−α)KL(q‖G) + α KL(p‖G)}, the dual
     * {@code (1−α)KL(G‖q) + α KL(G‖p)}.
     */
    static <T> Terms<T> skewJs(Arithmetic<T> a, T mu, T logvar, double alpha, double w, boolean dual) {
        T e = a.exp(a.scale(logvar, -1.0));
        T tau = a.plus(a.scale(e, w), 1.0 - w);
        T lnTau = a.log(tau);
        T muG = a.div(a.scale(a.mul(mu, e), w), tau);
        T kl1;
        T kl2;
        if (!dual) {
            // KL(q‖G) = ½[τσ² + τ(μ_G−μ)² − 1 − ln σ² − ln τ]
            T t1 = a.mul(tau, a.add(a.exp(logvar), a.square(a.sub(muG, mu))));
            kl1 = a.scale(a.plus(a.sub(a.sub(t1, logvar), lnTau), -1.0), 0.5);
            // KL(p‖G) = ½[τ + τμ_G² − 1 − ln τ]
            T t2 = a.mul(tau, a.plus(a.square(muG), 1.0));
            kl2 = a.scale(a.plus(a.sub(t2, lnTau), -1.0), 0.5);
        } else {
            // KL(G‖q) = ½[e/τ + e(μ−μ_G)² − 1 + ln σ² + ln τ]
            T t1 = a.add(a.div(e, tau), a.mul(e, a.square(a.sub(mu, muG))));
            kl1 = a.scale(a.plus(a.add(a.add(t1, logvar), lnTau), -1.0), 0.5);
            // KL(G‖p) = ½[1/τ + μ_G² − 1 + ln τ]
            T t2 = a.add(a.div(a.constant(1.0), tau), a.square(muG));
            kl2 = a.scale(a.plus(a.add(t2, lnTau), -1.0), 0.5);
        }
        T value = a.add(a.scale(kl1, 1.0 - alpha), a.scale(kl2, alpha));
        return new Terms<>(value, kl1, kl2);
    }
}
