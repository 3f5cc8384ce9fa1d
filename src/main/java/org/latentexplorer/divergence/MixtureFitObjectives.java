package org.latentexplorer.divergence;

/**
 * The Fig 2 objectives between a Gaussian mixture p (the data) and an isotropic Gaussian q (the fit), with
 * their exact gradients in q's parameters (mean x, mean y, log σ). Divergences are integrated by the midpoint
 * rule on a fixed square grid that covers the data's components and the starting fit to 8 standard deviations;
 * the gradients are those of the same discrete sums, so they agree with finite differences of
 * {@link #evaluate}. MMD is the closed form of docs/method.md §6 (a sum over component pairs).
 * <p>
 * Immutable after construction (the data's log density is tabulated once); safe to share between threads.
 */
public final class MixtureFitObjectives {
    /** Default kernel bandwidth ℓ of the MMD objective. */
    public static final double DEFAULT_BANDWIDTH = 1.0;
    /** Largest number of grid cells per axis. */
    static final int MAX_CELLS = 480;

    /** An objective's value and its gradient in (mean x, mean y, log σ). */
    public record ValueAndGradient(double value, double dMeanX, double dMeanY, double dLogSigma) {
        public double[] gradient() {
            return new double[] {dMeanX, dMeanY, dLogSigma};
        }
    }

    private final GaussianMixture2d data;
    private final double x0;
    private final double y0;
    private final double h;
    private final int n;
    private final double[] lnP;
    private final double[] p;
    private final double bandwidth;

    /**
     * @param start the fit the optimiser starts from (the grid covers it too)
     * @param bandwidth the MMD kernel's ℓ, {@code > 0}
     */
    public MixtureFitObjectives(GaussianMixture2d data, IsotropicGaussian2d start, double bandwidth) {
        if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
            throw new IllegalArgumentException("MMD bandwidth must be finite and > 0, got " + bandwidth);
        }
        this.data = data;
        this.bandwidth = bandwidth;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double loY = Double.POSITIVE_INFINITY;
        double hiY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < data.components(); k++) {
            double r = 8 * Math.sqrt(data.variance(k));
            lo = Math.min(lo, data.meanX(k) - r);
            hi = Math.max(hi, data.meanX(k) + r);
            loY = Math.min(loY, data.meanY(k) - r);
            hiY = Math.max(hiY, data.meanY(k) + r);
        }
        double r = 8 * start.sigma();
        lo = Math.min(lo, start.meanX() - r);
        hi = Math.max(hi, start.meanX() + r);
        loY = Math.min(loY, start.meanY() - r);
        hiY = Math.max(hiY, start.meanY() + r);
        double side = Math.max(hi - lo, hiY - loY);
        double step = Math.min(data.minStd(), start.sigma()) / 6;
        int cells = (int) Math.min(MAX_CELLS, Math.ceil(side / step));
        this.n = Math.max(cells, 16);
        this.h = side / n;
        this.x0 = (lo + hi) / 2 - side / 2;
        this.y0 = (loY + hiY) / 2 - side / 2;
        lnP = new double[n * n];
        p = new double[n * n];
        for (int j = 0; j < n; j++) {
            double y = y0 + (j + 0.5) * h;
            for (int i = 0; i < n; i++) {
                double v = data.logDensity(x0 + (i + 0.5) * h, y);
                lnP[j * n + i] = v;
                p[j * n + i] = Math.exp(v);
            }
        }
    }

    public GaussianMixture2d data() {
        return data;
    }

    /** Grid spacing of the quadrature; the optimiser keeps σ above two of these. */
    public double gridStep() {
        return h;
    }

    public double bandwidth() {
        return bandwidth;
    }

    /** {@code objective(p, q)} in {@code form} at skew {@code alpha} (ignored where the objective has none). */
    public ValueAndGradient evaluate(FitObjective objective, FitForm form, double alpha, IsotropicGaussian2d q) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        if (objective == FitObjective.MMD) {
            return mmd(q);
        }
        boolean notebook = form == FitForm.NOTEBOOK && objective.hasNotebookForm();
        return integrate(objective, notebook, alpha, q);
    }

    private ValueAndGradient integrate(FitObjective objective, boolean notebook, double alpha, IsotropicGaussian2d q) {
        double var = q.variance();
        double lnNorm = -Math.log(2 * Math.PI * var);
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int i = 0; i < n; i++) {
            dx[i] = x0 + (i + 0.5) * h - q.meanX();
            dy[i] = y0 + (i + 0.5) * h - q.meanY();
        }
        double dA = h * h;
        // sums S[v] of (weight · score component), score s = (dx/σ², dy/σ², r²/σ² − 2)
        double value = 0;
        double[] g = new double[3];
        double a = alpha;
        double b = 1 - alpha;
        // skew G-JS needs Z and sums over G: a first pass
        double z = 0;
        double lnZ = 0;
        if (objective == FitObjective.SKEW_GJS && !notebook || objective == FitObjective.DUAL_SKEW_GJS) {
            double maxLn = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double lnQ = lnNorm - (dx[i] * dx[i] + dy[j] * dy[j]) / (2 * var);
                    maxLn = Math.max(maxLn, a * lnP[j * n + i] + b * lnQ);
                }
            }
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double lnQ = lnNorm - (dx[i] * dx[i] + dy[j] * dy[j]) / (2 * var);
                    z += Math.exp(a * lnP[j * n + i] + b * lnQ - maxLn);
                }
            }
            lnZ = Math.log(z * dA) + maxLn;
        }
        double pMass = 0;
        double qMass = 0;
        double[] qMassGrad = new double[3];
        double[] gBar = new double[3];
        double[] kl = new double[3];
        double[] rkl = new double[3];
        double klValue = 0;
        double rklValue = 0;
        double gR = 0;
        double[] gSR = new double[3];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int c = j * n + i;
                double r2 = dx[i] * dx[i] + dy[j] * dy[j];
                double lnQ = lnNorm - r2 / (2 * var);
                double qv = Math.exp(lnQ);
                double pv = p[c];
                double lp = lnP[c];
                double s0 = dx[i] / var;
                double s1 = dy[j] / var;
                double s2 = r2 / var - 2;
                double wGrad;
                switch (objective) {
                    case KL_DATA_FIT -> {
                        double w = notebook ? pv * pv : pv;
                        value += w * (lp - lnQ);
                        wGrad = -w;
                    }
                    case KL_FIT_DATA -> {
                        if (notebook) {
                            value += qv * qv * (lnQ - lp);
                            wGrad = qv * qv * (2 * (lnQ - lp) + 1);
                        } else {
                            value += qv * (lnQ - lp);
                            wGrad = qv * (lnQ - lp + 1);
                        }
                    }
                    case JS -> {
                        double hi = Math.max(lp, lnQ);
                        double lnM = hi + Math.log(Math.exp(lp - hi) + Math.exp(lnQ - hi)) - Math.log(2);
                        value += 0.5 * (pv * (lp - lnM) + qv * (lnQ - lnM));
                        wGrad = 0.5 * qv * (lnQ - lnM);
                    }
                    case SKEW_GJS -> {
                        double wp = notebook ? pv * pv : pv;
                        double wq = notebook ? qv * qv : qv;
                        klValue += wp * (lp - lnQ);
                        rklValue += wq * (lnQ - lp);
                        double gk = -wp;
                        double gr = notebook ? qv * qv * (2 * (lnQ - lp) + 1) : qv * (lnQ - lp + 1);
                        kl[0] += gk * s0;
                        kl[1] += gk * s1;
                        kl[2] += gk * s2;
                        rkl[0] += gr * s0;
                        rkl[1] += gr * s1;
                        rkl[2] += gr * s2;
                        if (!notebook) {
                            pMass += pv;
                            qMass += qv;
                            qMassGrad[0] += qv * s0;
                            qMassGrad[1] += qv * s1;
                            qMassGrad[2] += qv * s2;
                            double gv = Math.exp(a * lp + b * lnQ - lnZ);
                            gBar[0] += gv * s0;
                            gBar[1] += gv * s1;
                            gBar[2] += gv * s2;
                        }
                        wGrad = 0;
                    }
                    case DUAL_SKEW_GJS -> {
                        double gv = Math.exp(a * lp + b * lnQ - lnZ);
                        double rr = lnQ - lp;
                        gR += gv * rr;
                        gBar[0] += gv * s0;
                        gBar[1] += gv * s1;
                        gBar[2] += gv * s2;
                        gSR[0] += gv * s0 * rr;
                        gSR[1] += gv * s1 * rr;
                        gSR[2] += gv * s2 * rr;
                        wGrad = 0;
                    }
                    default -> throw new IllegalStateException(objective.name());
                }
                g[0] += wGrad * s0;
                g[1] += wGrad * s1;
                g[2] += wGrad * s2;
            }
        }
        if (objective == FitObjective.SKEW_GJS) {
            klValue *= dA;
            rklValue *= dA;
            if (notebook) {
                value = b * b * klValue + a * a * rklValue;
                for (int v = 0; v < 3; v++) {
                    g[v] = (b * b * kl[v] + a * a * rkl[v]) * dA;
                }
            } else {
                pMass *= dA;
                qMass *= dA;
                // (1−α)KL(p‖G) + αKL(q‖G) = (1−α)²KL(p‖q) + α²KL(q‖p) + [(1−α)P + αQ]·ln Z on the grid
                value = b * b * klValue + a * a * rklValue + (b * pMass + a * qMass) * lnZ;
                for (int v = 0; v < 3; v++) {
                    double dLnZ = b * gBar[v] * dA;
                    g[v] = (b * b * kl[v] + a * a * rkl[v]) * dA + (b * pMass + a * qMass) * dLnZ
                            + a * lnZ * qMassGrad[v] * dA;
                }
            }
            return new ValueAndGradient(value, g[0], g[1], g[2]);
        }
        if (objective == FitObjective.DUAL_SKEW_GJS) {
            // (1−α)KL(G‖p) + αKL(G‖q) = (1−2α)·E_G[ln q − ln p] − ln Z
            double eR = gR * dA;
            value = (1 - 2 * a) * eR - lnZ;
            for (int v = 0; v < 3; v++) {
                double sBar = gBar[v] * dA;
                double dER = b * (gSR[v] * dA - sBar * eR) + sBar;
                g[v] = (1 - 2 * a) * dER - b * sBar;
            }
            return new ValueAndGradient(value, g[0], g[1], g[2]);
        }
        return new ValueAndGradient(value * dA, g[0] * dA, g[1] * dA, g[2] * dA);
    }

    /**
     * Squared MMD with the Gaussian kernel k(x, y) = exp(−‖x−y‖²/(2ℓ²)): for X ~ N(a, uI), Y ~ N(b, tI) in 2-D,
     * E k(X, Y) = ℓ²/(ℓ² + u + t) · exp(−‖a − b‖²/(2(ℓ² + u + t))).
     */
    private ValueAndGradient mmd(IsotropicGaussian2d q) {
        double l2 = bandwidth * bandwidth;
        double s2 = q.variance();
        double pp = 0;
        for (int i = 0; i < data.components(); i++) {
            for (int j = 0; j < data.components(); j++) {
                pp += data.weight(i) * data.weight(j) * expectedKernel(l2, data.meanX(i) - data.meanX(j),
                        data.meanY(i) - data.meanY(j), data.variance(i) + data.variance(j));
            }
        }
        double qq = l2 / (l2 + 2 * s2);
        double dQq = -l2 * 4 * s2 / ((l2 + 2 * s2) * (l2 + 2 * s2));
        double pq = 0;
        double[] g = new double[3];
        for (int k = 0; k < data.components(); k++) {
            double ex = data.meanX(k) - q.meanX();
            double ey = data.meanY(k) - q.meanY();
            double t = l2 + data.variance(k) + s2;
            double d2 = ex * ex + ey * ey;
            double c = data.weight(k) * l2 / t * Math.exp(-d2 / (2 * t));
            pq += c;
            g[0] += c * ex / t;
            g[1] += c * ey / t;
            g[2] += 2 * s2 * c * (-1 / t + d2 / (2 * t * t));
        }
        return new ValueAndGradient(pp - 2 * pq + qq, -2 * g[0], -2 * g[1], -2 * g[2] + dQq);
    }

    private static double expectedKernel(double l2, double ex, double ey, double varianceSum) {
        double t = l2 + varianceSum;
        return l2 / t * Math.exp(-(ex * ex + ey * ey) / (2 * t));
    }
}
