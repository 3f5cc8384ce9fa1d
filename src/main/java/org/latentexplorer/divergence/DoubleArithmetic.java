package org.latentexplorer.divergence;

/** {@link Arithmetic} on boxed doubles: the evaluation and plotting precision. */
public enum DoubleArithmetic implements Arithmetic<Double> {
    INSTANCE;

    @Override
    public Double constant(double value) {
        return value;
    }

    @Override
    public Double add(Double a, Double b) {
        return a + b;
    }

    @Override
    public Double sub(Double a, Double b) {
        return a - b;
    }

    @Override
    public Double mul(Double a, Double b) {
        return a * b;
    }

    @Override
    public Double div(Double a, Double b) {
        return a / b;
    }

    @Override
    public Double exp(Double a) {
        return Math.exp(a);
    }

    @Override
    public Double log(Double a) {
        return Math.log(a);
    }
}
