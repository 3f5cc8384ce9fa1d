package org.latentexplorer.app;

/**
 * TensorBoard's smoothing of a noisy loss curve: an exponential moving average with weight {@code w} in [0, 1),
 * debiased so that the first values are not pulled towards zero. With {@code last₀ = 0} and {@code n} the number
 * of finite values seen so far, {@code last ← w·last + (1 − w)·y} and the smoothed value is
 * {@code last / (1 − wⁿ)}. A non-finite value is passed through and does not enter the average. {@code w = 0}
 * leaves the curve as it is.
 */
final class LossSmoothing {
    /** The largest weight offered: 0.99 already averages over about a hundred points. */
    static final double MAX_WEIGHT = 0.99;

    private LossSmoothing() {
    }

    /** The smoothed values of {@code y} (a new array of the same length). */
    static double[] ema(double[] y, double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1), got " + weight);
        }
        double[] out = new double[y.length];
        double last = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                out[i] = y[i];
                continue;
            }
            last = last * weight + (1 - weight) * y[i];
            n++;
            out[i] = weight == 0 ? y[i] : last / (1 - Math.pow(weight, n));
        }
        return out;
    }
}
