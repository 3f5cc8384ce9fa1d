package org.latentexplorer.divergence;

/**
 * {@link Arithmetic} on dual numbers over (μ, log σ²): each value carries its exact partial derivatives
 * with respect to μ and to log σ², propagated by the chain rule through every operation (forward-mode
 * differentiation, docs/method.md §2.1). Evaluating a closed form of {@link ClosedForms} in this
 * arithmetic gives the form's value and its gradient at once, from the one place the form is written,
 * in double precision. The native training step uses it for every per-dimension divergence.
 */
public enum DualArithmetic implements Arithmetic<DualArithmetic.Dual> {
    INSTANCE;

    /** A value with its partial derivatives ∂/∂μ and ∂/∂(log σ²). */
    public record Dual(double value, double dMu, double dLogvar) {
        /** The variable μ itself: derivative 1 with respect to μ. */
        public static Dual mu(double mu) {
            return new Dual(mu, 1.0, 0.0);
        }

        /** The variable log σ² itself: derivative 1 with respect to log σ². */
        public static Dual logvar(double logvar) {
            return new Dual(logvar, 0.0, 1.0);
        }
    }

    @Override
    public Dual constant(double value) {
        return new Dual(value, 0.0, 0.0);
    }

    @Override
    public Dual add(Dual a, Dual b) {
        return new Dual(a.value + b.value, a.dMu + b.dMu, a.dLogvar + b.dLogvar);
    }

    @Override
    public Dual sub(Dual a, Dual b) {
        return new Dual(a.value - b.value, a.dMu - b.dMu, a.dLogvar - b.dLogvar);
    }

    /** (ab)' = a'b + ab'. */
    @Override
    public Dual mul(Dual a, Dual b) {
        return new Dual(a.value * b.value, a.dMu * b.value + a.value * b.dMu, a.dLogvar * b.value + a.value * b.dLogvar);
    }

    /** (a/b)' = (a'b − ab')/b². */
    @Override
    public Dual div(Dual a, Dual b) {
        double q = a.value / b.value;
        return new Dual(q, (a.dMu - q * b.dMu) / b.value, (a.dLogvar - q * b.dLogvar) / b.value);
    }

    /** (e^a)' = e^a a'. */
    @Override
    public Dual exp(Dual a) {
        double e = Math.exp(a.value);
        return new Dual(e, e * a.dMu, e * a.dLogvar);
    }

    /** (ln a)' = a'/a. */
    @Override
    public Dual log(Dual a) {
        return new Dual(Math.log(a.value), a.dMu / a.value, a.dLogvar / a.value);
    }

    @Override
    public Dual scale(Dual a, double factor) {
        return new Dual(a.value * factor, a.dMu * factor, a.dLogvar * factor);
    }

    @Override
    public Dual plus(Dual a, double b) {
        return new Dual(a.value + b, a.dMu, a.dLogvar);
    }
}
