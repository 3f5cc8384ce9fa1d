package org.latentexplorer.teaching;

import org.latentexplorer.divergence.FitForm;
import org.latentexplorer.divergence.IsotropicGaussian2d;

/**
 * The settings of the Fig 2 teaching figure (docs/method.md §6). {@link #paper()} gives the paper's: K = 10
 * components, Dirichlet(0.5) weights, seed 22, N = 100,000 points, plot area [−5, 7]², α = 0.5. The optimiser
 * is Adam on (mean x, mean y, log σ) with a learning rate decaying geometrically to 1% of {@code learningRate}
 * over {@code steps}. Validated on construction, with messages naming the value.
 */
public record FitDemoSettings(int components, long seed, double concentration, int points, double areaLo, double areaHi,
                              double alpha, FitForm form, int steps, double learningRate, double mmdBandwidth,
                              IsotropicGaussian2d start) {
    /** Most mixture components accepted. */
    public static final int MAX_COMPONENTS = 200;
    /** Most data points accepted. */
    public static final int MAX_POINTS = 2_000_000;

    public FitDemoSettings {
        if (components < 1 || components > MAX_COMPONENTS) {
            throw new IllegalArgumentException("components K must be in 1.." + MAX_COMPONENTS + ", got " + components);
        }
        if (!(concentration > 0) || !Double.isFinite(concentration)) {
            throw new IllegalArgumentException("Dirichlet concentration must be finite and > 0, got " + concentration);
        }
        if (points < 1 || points > MAX_POINTS) {
            throw new IllegalArgumentException("points N must be in 1.." + MAX_POINTS + ", got " + points);
        }
        if (!Double.isFinite(areaLo) || !Double.isFinite(areaHi) || !(areaLo < areaHi)) {
            throw new IllegalArgumentException("plot area needs finite LO < HI, got [" + areaLo + ", " + areaHi + "]");
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        if (form == null) {
            throw new IllegalArgumentException("form must be given");
        }
        if (steps < 0 || steps > 1_000_000) {
            throw new IllegalArgumentException("steps must be in 0..1000000, got " + steps);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        if (!(mmdBandwidth > 0) || !Double.isFinite(mmdBandwidth)) {
            throw new IllegalArgumentException("MMD bandwidth must be finite and > 0, got " + mmdBandwidth);
        }
        if (start == null) {
            throw new IllegalArgumentException("start must be given");
        }
    }

    /** The paper's figure, with the textbook objectives, started from N((1, 1), I) at the plot's centre. */
    public static FitDemoSettings paper() {
        return new FitDemoSettings(10, 22, 0.5, 100_000, -5, 7, 0.5, FitForm.TEXTBOOK, 400, 0.1, 1.0,
                new IsotropicGaussian2d(1, 1, 0));
    }

    public FitDemoSettings withComponents(int k) {
        return new FitDemoSettings(k, seed, concentration, points, areaLo, areaHi, alpha, form, steps, learningRate, mmdBandwidth, start);
    }

    public FitDemoSettings withSeed(long s) {
        return new FitDemoSettings(components, s, concentration, points, areaLo, areaHi, alpha, form, steps, learningRate, mmdBandwidth, start);
    }

    public FitDemoSettings withPoints(int n) {
        return new FitDemoSettings(components, seed, concentration, n, areaLo, areaHi, alpha, form, steps, learningRate, mmdBandwidth, start);
    }

    public FitDemoSettings withAlpha(double a) {
        return new FitDemoSettings(components, seed, concentration, points, areaLo, areaHi, a, form, steps, learningRate, mmdBandwidth, start);
    }

    public FitDemoSettings withForm(FitForm f) {
        return new FitDemoSettings(components, seed, concentration, points, areaLo, areaHi, alpha, f, steps, learningRate, mmdBandwidth, start);
    }

    public FitDemoSettings withSteps(int n) {
        return new FitDemoSettings(components, seed, concentration, points, areaLo, areaHi, alpha, form, n, learningRate, mmdBandwidth, start);
    }

    public FitDemoSettings withStart(IsotropicGaussian2d g) {
        return new FitDemoSettings(components, seed, concentration, points, areaLo, areaHi, alpha, form, steps, learningRate, mmdBandwidth, g);
    }

    /** One line for file metadata and the console. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "K=%d; Dirichlet(%s) weights; seed=%d (java.util.Random); N=%d; area [%s, %s]^2; "
                + "alpha=%s; form=%s; Adam %d steps, lr %s decaying to 1%%; MMD kernel l=%s; start N((%s, %s), %s^2 I)",
                components, concentration, seed, points, areaLo, areaHi, alpha, form.label(), steps, learningRate, mmdBandwidth,
                start.meanX(), start.meanY(), start.sigma());
    }
}
