package org.latentexplorer.divergence;

/**
 * {@link KernelArithmetic} in double precision over row-major matrices; a 1×1 matrix broadcasts as a
 * scalar. Squared distances are summed from coordinate differences (not expanded as ‖a‖² + ‖b‖² − 2a·b).
 */
final class DoubleMatrixArithmetic implements KernelArithmetic<DoubleMatrixArithmetic.Matrix> {
    static final DoubleMatrixArithmetic INSTANCE = new DoubleMatrixArithmetic();

    /** A rows×cols matrix of doubles, row-major. */
    record Matrix(int rows, int cols, double[] values) {
        Matrix {
            if (rows < 1 || cols < 1 || values.length != rows * cols) {
                throw new IllegalArgumentException("a " + rows + "×" + cols + " matrix needs " + rows * cols
                        + " values, got " + values.length);
            }
        }

        static Matrix of(float[] values, int rows, int cols) {
            double[] v = new double[values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = values[i];
            }
            return new Matrix(rows, cols, v);
        }

        double scalar() {
            if (values.length != 1) {
                throw new IllegalStateException("not a scalar: " + rows + "×" + cols);
            }
            return values[0];
        }
    }

    private DoubleMatrixArithmetic() {
    }

    private interface Op {
        double apply(double a, double b);
    }

    private static Matrix zip(Matrix a, Matrix b, Op op) {
        if (b.values.length == 1 && a.values.length != 1) {
            return zip(a, b, op, false);
        }
        if (a.values.length == 1 && b.values.length != 1) {
            return zip(b, a, op, true);
        }
        if (a.rows != b.rows || a.cols != b.cols) {
            throw new IllegalArgumentException("shapes differ: " + a.rows + "×" + a.cols + " and " + b.rows + "×" + b.cols);
        }
        double[] out = new double[a.values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = op.apply(a.values[i], b.values[i]);
        }
        return new Matrix(a.rows, a.cols, out);
    }

    private static Matrix zip(Matrix array, Matrix scalar, Op op, boolean scalarFirst) {
        double s = scalar.values[0];
        double[] out = new double[array.values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scalarFirst ? op.apply(s, array.values[i]) : op.apply(array.values[i], s);
        }
        return new Matrix(array.rows, array.cols, out);
    }

    private static Matrix map(Matrix a, java.util.function.DoubleUnaryOperator f) {
        double[] out = new double[a.values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(a.values[i]);
        }
        return new Matrix(a.rows, a.cols, out);
    }

    @Override
    public Matrix constant(double value) {
        return new Matrix(1, 1, new double[] {value});
    }

    @Override
    public Matrix add(Matrix a, Matrix b) {
        return zip(a, b, Double::sum);
    }

    @Override
    public Matrix sub(Matrix a, Matrix b) {
        return zip(a, b, (x, y) -> x - y);
    }

    @Override
    public Matrix mul(Matrix a, Matrix b) {
        return zip(a, b, (x, y) -> x * y);
    }

    @Override
    public Matrix div(Matrix a, Matrix b) {
        return zip(a, b, (x, y) -> x / y);
    }

    @Override
    public Matrix exp(Matrix a) {
        return map(a, Math::exp);
    }

    @Override
    public Matrix log(Matrix a) {
        return map(a, Math::log);
    }

    @Override
    public Matrix squaredDistances(Matrix a, Matrix b) {
        if (a.cols != b.cols) {
            throw new IllegalArgumentException("points of dimension " + a.cols + " and " + b.cols);
        }
        int k = a.cols;
        double[] out = new double[a.rows * b.rows];
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < b.rows; j++) {
                double sq = 0;
                for (int c = 0; c < k; c++) {
                    double diff = a.values[i * k + c] - b.values[j * k + c];
                    sq += diff * diff;
                }
                out[i * b.rows + j] = sq;
            }
        }
        return new Matrix(a.rows, b.rows, out);
    }

    @Override
    public Matrix mean(Matrix a) {
        double sum = 0;
        for (double v : a.values) {
            sum += v;
        }
        return constant(sum / a.values.length);
    }
}
