package org.latentexplorer.divergence;

/**
 * The fitted model of the Fig 2 teaching figure: {@code q = N((meanX, meanY), σ²·I)}, parameterised by
 * log σ so that every finite parameter vector is a valid Gaussian (the optimiser works on these three numbers).
 */
public record IsotropicGaussian2d(double meanX, double meanY, double logSigma) {
    public IsotropicGaussian2d {
        if (!Double.isFinite(meanX) || !Double.isFinite(meanY) || !Double.isFinite(logSigma)) {
            throw new IllegalArgumentException("an isotropic Gaussian needs finite mean and log σ, got (" + meanX + ", " + meanY
                    + ", " + logSigma + ")");
        }
    }

    public double sigma() {
        return Math.exp(logSigma);
    }

    public double variance() {
        return Math.exp(2 * logSigma);
    }

    /** ln q(x, y). */
    public double logDensity(double x, double y) {
        double dx = x - meanX;
        double dy = y - meanY;
        return -Math.log(2 * Math.PI) - 2 * logSigma - (dx * dx + dy * dy) / (2 * variance());
    }

    /** The parameters as {meanX, meanY, logSigma}. */
    public double[] parameters() {
        return new double[] {meanX, meanY, logSigma};
    }
}
