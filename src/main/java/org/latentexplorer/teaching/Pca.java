package org.latentexplorer.teaching;

/**
 * Principal components of n points in D dimensions, computed deterministically: the D×D covariance (divided
 * by n) diagonalised by cyclic Jacobi rotations, components sorted by variance (largest first, ties by index),
 * each component's sign fixed so that its largest-magnitude entry (the first, on ties) is positive. The same
 * input gives the same projection on every machine and run. Immutable.
 */
public final class Pca {
    private final int dimensions;
    private final double[] mean;
    private final double[][] components;
    private final double[] variances;

    private Pca(double[] mean, double[][] components, double[] variances) {
        this.dimensions = mean.length;
        this.mean = mean;
        this.components = components;
        this.variances = variances;
    }

    /**
     * Fits the principal components of {@code n} points given row-major in {@code data} (n×D).
     *
     * @throws IllegalArgumentException for no points, a length that is not n·D, or a non-finite value
     */
    public static Pca fit(float[] data, int n, int d) {
        if (n < 1 || d < 1 || data.length != (long) n * d) {
            throw new IllegalArgumentException("PCA needs n×D values with n, D >= 1, got " + data.length + " for n=" + n + ", D=" + d);
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                float v = data[i * d + j];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("PCA input is not finite at point " + i + ", dimension " + j + ": " + v);
                }
                mean[j] += v;
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] c = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double xa = data[i * d + a] - mean[a];
                for (int b = a; b < d; b++) {
                    c[a][b] += xa * (data[i * d + b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                c[a][b] /= n;
                c[b][a] = c[a][b];
            }
        }
        double[][] v = identity(d);
        jacobi(c, v);
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> c[y][y] != c[x][x] ? Double.compare(c[y][y], c[x][x]) : Integer.compare(x, y));
        double[][] comps = new double[d][d];
        double[] vars = new double[d];
        for (int k = 0; k < d; k++) {
            int col = order[k];
            vars[k] = Math.max(0, c[col][col]);
            int biggest = 0;
            for (int j = 0; j < d; j++) {
                comps[k][j] = v[j][col];
                if (Math.abs(comps[k][j]) > Math.abs(comps[k][biggest]) + 1e-12) {
                    biggest = j;
                }
            }
            if (comps[k][biggest] < 0) {
                for (int j = 0; j < d; j++) {
                    comps[k][j] = -comps[k][j];
                }
            }
        }
        return new Pca(mean, comps, vars);
    }

    private static double[][] identity(int d) {
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) {
            v[i][i] = 1;
        }
        return v;
    }

    /** Cyclic Jacobi: rotates {@code a} to diagonal form, accumulating the rotations in {@code v} (columns = eigenvectors). */
    private static void jacobi(double[][] a, double[][] v) {
        int d = a.length;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double scale = 0;
            for (int p = 0; p < d; p++) {
                scale += a[p][p] * a[p][p];
                for (int q = p + 1; q < d; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-30 * Math.max(scale, 1e-300)) {
                return;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double cos = 1 / Math.sqrt(t * t + 1);
                    double sin = t * cos;
                    for (int k = 0; k < d; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = cos * akp - sin * akq;
                        a[k][q] = sin * akp + cos * akq;
                    }
                    for (int k = 0; k < d; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = cos * apk - sin * aqk;
                        a[q][k] = sin * apk + cos * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = cos * vkp - sin * vkq;
                        v[k][q] = sin * vkp + cos * vkq;
                    }
                }
            }
        }
    }

    public int dimensions() {
        return dimensions;
    }

    /** Component {@code k} (0 = largest variance), a unit vector (a fresh array). */
    public double[] component(int k) {
        return components[k].clone();
    }

    /** The variance along component {@code k}. */
    public double variance(int k) {
        return variances[k];
    }

    /** The share of the total variance along component {@code k} (0 when the data has none). */
    public double explained(int k) {
        double total = 0;
        for (double x : variances) {
            total += x;
        }
        return total > 0 ? variances[k] / total : 0;
    }

    /** The first two components' coordinates of each point, as {xs, ys}. */
    public double[][] project2(float[] data, int n) {
        double[][] out = new double[2][n];
        int d = dimensions;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 2 && k < d; k++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (data[i * d + j] - mean[j]) * components[k][j];
                }
                out[k][i] = s;
            }
        }
        return out;
    }
}
