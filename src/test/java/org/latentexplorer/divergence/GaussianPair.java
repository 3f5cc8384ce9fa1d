package org.latentexplorer.divergence;

import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/**
 * One latent dimension, q = N(μ, σ²) and p = N(0, 1), with the divergences of docs/method.md §1 computed
 * from their definitions by {@link GaussKronrod} quadrature: nothing here uses a closed form.
 *
 * <p>Every density is handled in log space as {@code ln a(z) = c·ln q(z) + (1−c)·ln p(z) + k}:
 * q is (c=1, k=0), p is (c=0, k=0) and the normalised geometric mean {@code G_w ∝ q^w p^(1−w)} is
 * (c=w, k=−ln Z_w) with {@code Z_w = ∫ q^w p^(1−w)} integrated numerically. The log-ratio of two
 * such densities is then {@code (c_a − c_b)·r(z) + (k_a − k_b)} with {@code r = ln q − ln p}, which
 * avoids subtracting two large log-densities point-wise. {@code Z_w − 1} is integrated as
 * {@code ∫ base·expm1(ln G_w,unnorm − ln base)} (base = q for w ≥ ½, else p) so that ln Z_w is
 * accurate to relative precision even when it is tiny (w near 0 or 1). Integration runs over
 * u = z − μ (see the constructor).
 */
final class GaussianPair {
    static final double REL_TOL = 1e-14;
    private static final double HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

    final double mu;
    final double sigma;
    private final double lnSigma;
    private final double[] breaks;

    /** A log-density {@code c·ln q + (1−c)·ln p + k}. */
    record LogDensity(double c, double k) {
    }

    static final LogDensity Q = new LogDensity(1, 0);
    static final LogDensity P = new LogDensity(0, 0);

    GaussianPair(double mu, double sigma) {
        this.mu = mu;
        this.sigma = sigma;
        this.lnSigma = Math.log(sigma);
        // Integration runs over u = z − μ, so that q's argument (u/σ) is free of the rounding of
        // the abscissae near a sharp peak far from 0 (ulp(μ)/σ would otherwise be ~1e-13).
        // The window covers q (μ ± 40σ), p (± 40) and every geometric mean (its mean lies between
        // 0 and μ, its standard deviation between σ and 1); breaks at both peaks on their scales.
        double lo = Math.min(-40 * sigma, -40 - mu);
        double hi = Math.max(40 * sigma, 40 - mu);
        TreeSet<Double> b = new TreeSet<>();
        b.add(lo);
        b.add(hi);
        for (double k : new double[] {0, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32}) {
            for (double s : new double[] {-1, 1}) {
                add(b, s * k * sigma, lo, hi);
                add(b, s * k - mu, lo, hi);
            }
        }
        breaks = b.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void add(TreeSet<Double> b, double x, double lo, double hi) {
        if (x > lo && x < hi) {
            b.add(x);
        }
    }

    /** ln q at z = μ + u. */
    double logQ(double u) {
        double d = u / sigma;
        return -0.5 * d * d - lnSigma - HALF_LN_2PI;
    }

    /** ln p at z = μ + u. */
    double logP(double u) {
        double z = mu + u;
        return -0.5 * z * z - HALF_LN_2PI;
    }

    /** r = ln q − ln p at z = μ + u, with the common normalising constant cancelled exactly. */
    double logRatio(double u) {
        double d = u / sigma;
        double z = mu + u;
        return 0.5 * (z * z - d * d) - lnSigma;
    }

    /** ln a at z = μ + u. */
    double log(LogDensity a, double u) {
        if (a.c == 1) {
            return logQ(u) + a.k;
        }
        if (a.c == 0) {
            return logP(u) + a.k;
        }
        return a.c * logQ(u) + (1 - a.c) * logP(u) + a.k;
    }

    /** ∫ f(u) du over the window, u = z − μ. */
    double integrate(DoubleUnaryOperator f) {
        return GaussKronrod.integrate(f, breaks, REL_TOL).value();
    }

    /**
     * ln Z_w = ln ∫ q^w p^(1−w) dz, by quadrature. When Z_w is near 1 (w near 0 or 1) it is taken
     * as log1p of {@code Z_w − 1 = ∫ base·expm1((w − c_base)·r)}, accurate relative to ln Z_w.
     */
    double logZ(double w) {
        double z = plainZ(w);
        if (z < 0.5) {
            return Math.log(z);
        }
        LogDensity base = w >= 0.5 ? Q : P;
        double cd = w - base.c; // ln(q^w p^(1−w)) − ln base = (w − c_base)·r
        DoubleUnaryOperator f = u -> {
            double lb = log(base, u);
            double d = cd * logRatio(u);
            if (lb < -700 || d > 30) {
                return Math.exp(lb + d) - Math.exp(lb);
            }
            return Math.exp(lb) * Math.expm1(d);
        };
        return Math.log1p(integrate(f));
    }

    /** Z_w computed plainly as ∫ exp(w ln q + (1−w) ln p). */
    double plainZ(double w) {
        return integrate(u -> Math.exp(w * logQ(u) + (1 - w) * logP(u)));
    }

    /** The normalised geometric mean G_w ∝ q^w p^(1−w). */
    LogDensity geometricMean(double w) {
        return new LogDensity(w, -logZ(w));
    }

    /** KL(a‖b) = ∫ a (ln a − ln b) dz, by quadrature. */
    double kl(LogDensity a, LogDensity b) {
        double dc = a.c - b.c;
        double dk = a.k - b.k;
        return integrate(u -> {
            double la = log(a, u);
            return la < -745 ? 0.0 : Math.exp(la) * (dc * logRatio(u) + dk);
        });
    }

    /** E_a[g] = ∫ a(z) g(u) dz with u = z − μ. */
    double expectation(LogDensity a, DoubleUnaryOperator g) {
        return integrate(u -> {
            double la = log(a, u);
            return la < -745 ? 0.0 : Math.exp(la) * g.applyAsDouble(u);
        });
    }

    /** [value, kl1, kl2] of a per-dimension divergence from its definition (kl1, kl2 NaN outside the JS family). */
    double[] definition(DivergenceKind kind, double alpha, double beta) {
        switch (kind) {
            case KL_QP:
                return new double[] {kl(Q, P), Double.NaN, Double.NaN};
            case KL_PQ:
                return new double[] {kl(P, Q), Double.NaN, Double.NaN};
            case BETA:
                return new double[] {beta * kl(Q, P), Double.NaN, Double.NaN};
            case MMD:
                throw new IllegalArgumentException("MMD has no per-dimension definition");
            default:
                break;
        }
        boolean paper = kind == DivergenceKind.JSG || kind == DivergenceKind.JSG_DUAL;
        boolean dual = kind == DivergenceKind.JSG_DUAL || kind == DivergenceKind.JSG_NIELSEN_DUAL;
        // Geometric weight on q: α for the paper's variants (§1.5, §1.7), 1 − α for Nielsen's (§1.4, §1.6).
        LogDensity g = geometricMean(paper ? alpha : 1 - alpha);
        double kl1 = dual ? kl(g, Q) : kl(Q, g);
        double kl2 = dual ? kl(g, P) : kl(P, g);
        return new double[] {(1 - alpha) * kl1 + alpha * kl2, kl1, kl2};
    }
}
