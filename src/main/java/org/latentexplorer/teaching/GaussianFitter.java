package org.latentexplorer.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.latentexplorer.divergence.FitForm;
import org.latentexplorer.divergence.FitObjective;
import org.latentexplorer.divergence.IsotropicGaussian2d;
import org.latentexplorer.divergence.MixtureFitObjectives;

/**
 * Fits one isotropic 2-D Gaussian per objective to the data's density by Adam on (mean x, mean y, log σ), in
 * plain doubles: the live part of the Fig 2 teaching figure. The learning rate decays geometrically from
 * {@code learningRate} to 1% of it over the planned steps; log σ is kept at or above ln(2·grid step) so the
 * quadrature stays accurate.
 * <p>
 * Not thread-safe: one thread advances a fitter; the {@link Frame}s it returns are immutable and can be handed
 * to any thread.
 */
public final class GaussianFitter {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    /** One objective's current fit. */
    public record Fit(FitObjective objective, IsotropicGaussian2d gaussian, double value) {
    }

    /** All fits after {@code step} of {@code steps} Adam steps, with the form and α they minimise. */
    public record Frame(int step, int steps, FitForm form, double alpha, List<Fit> fits) {
        public Frame {
            fits = List.copyOf(fits);
        }

        public boolean done() {
            return step >= steps;
        }

        public Fit fit(FitObjective o) {
            for (Fit f : fits) {
                if (f.objective() == o) {
                    return f;
                }
            }
            throw new IllegalArgumentException("no fit for " + o);
        }
    }

    private final MixtureFitObjectives objectives;
    private final List<FitObjective> which;
    private final FitForm form;
    private final double alpha;
    private final int steps;
    private final double learningRate;
    private final double minLogSigma;
    private final double[][] theta;
    private final double[][] m;
    private final double[][] v;
    private final double[] values;
    private int step;

    public GaussianFitter(FitDemoData data, FitDemoSettings settings, List<FitObjective> which) {
        this(new MixtureFitObjectives(data.mixture(), settings.start(), settings.mmdBandwidth()), which, settings.form(),
                settings.alpha(), settings.steps(), settings.learningRate(), settings.start());
    }

    public GaussianFitter(MixtureFitObjectives objectives, List<FitObjective> which, FitForm form, double alpha, int steps,
                          double learningRate, IsotropicGaussian2d start) {
        if (which.isEmpty()) {
            throw new IllegalArgumentException("need at least one objective to fit");
        }
        this.objectives = objectives;
        this.which = List.copyOf(which);
        this.form = form;
        this.alpha = alpha;
        this.steps = steps;
        this.learningRate = learningRate;
        this.minLogSigma = Math.log(2 * objectives.gridStep());
        theta = new double[which.size()][];
        m = new double[which.size()][3];
        v = new double[which.size()][3];
        values = new double[which.size()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = start.parameters();
            theta[i][2] = Math.max(theta[i][2], minLogSigma);
            values[i] = objectives.evaluate(this.which.get(i), form, alpha, gaussian(i)).value();
        }
    }

    /** The learning rate of step {@code t} (0-based). */
    double learningRate(int t) {
        return steps == 0 ? learningRate : learningRate * Math.pow(0.01, (double) t / steps);
    }

    /**
     * Runs up to {@code count} more steps (stopping at the planned number, or early when {@code cancelled} says so
     * between steps) and returns the fits.
     */
    public Frame advance(int count, BooleanSupplier cancelled) {
        int end = Math.min(steps, step + count);
        while (step < end && !cancelled.getAsBoolean()) {
            double lr = learningRate(step);
            int t = step + 1;
            for (int i = 0; i < theta.length; i++) {
                MixtureFitObjectives.ValueAndGradient vg = objectives.evaluate(which.get(i), form, alpha, gaussian(i));
                double[] g = vg.gradient();
                for (int d = 0; d < 3; d++) {
                    m[i][d] = BETA1 * m[i][d] + (1 - BETA1) * g[d];
                    v[i][d] = BETA2 * v[i][d] + (1 - BETA2) * g[d] * g[d];
                    double mHat = m[i][d] / (1 - Math.pow(BETA1, t));
                    double vHat = v[i][d] / (1 - Math.pow(BETA2, t));
                    theta[i][d] -= lr * mHat / (Math.sqrt(vHat) + EPSILON);
                }
                theta[i][2] = Math.max(theta[i][2], minLogSigma);
            }
            step++;
        }
        for (int i = 0; i < theta.length; i++) {
            values[i] = objectives.evaluate(which.get(i), form, alpha, gaussian(i)).value();
        }
        return frame();
    }

    /** The fits now. */
    public Frame frame() {
        List<Fit> fits = new ArrayList<>();
        for (int i = 0; i < theta.length; i++) {
            fits.add(new Fit(which.get(i), gaussian(i), values[i]));
        }
        return new Frame(step, steps, form, alpha, fits);
    }

    private IsotropicGaussian2d gaussian(int i) {
        return new IsotropicGaussian2d(theta[i][0], theta[i][1], theta[i][2]);
    }
}
