package org.latentexplorer.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The mutual information gap (MIG, docs/method.md §5.1) of latent codes against ground-truth factor classes,
 * computed as disentanglement_lib's {@code mig.py} does: each latent dimension is discretised into
 * {@code bins} equal-width bins between its minimum and maximum (numpy's {@code histogram} edges, then
 * {@code digitize} on all edges but the last, so the maximum falls into the last bin); the discrete mutual
 * information I(z_j; v_k) (natural logarithm, plug-in estimate from counts) of every latent j and factor k is
 * divided by the factor's empirical entropy H(v_k); for each factor the gap is the largest normalised MI less
 * the second largest; MIG is the mean gap over the factors.
 *
 * <p>Factors that are constant over the examples (entropy 0, e.g. dSprites' color) carry no information and
 * are left out, as disentanglement_lib leaves out dSprites' color. Pure arithmetic on arrays: stateless and
 * thread-safe. Invariants: every normalised MI is in [0, 1] (up to rounding), so every gap and MIG are too.
 */
public final class Mig {
    /** disentanglement_lib's number of bins. */
    public static final int DEFAULT_BINS = 20;

    private Mig() {
    }

    /**
     * The MIG and its parts.
     *
     * @param mig            mean of {@code gaps}
     * @param factors        names of the factors that count (the non-constant ones), in column order
     * @param gaps           per counted factor: largest minus second largest normalised MI
     * @param normalizedMi   [factor][latent]: I(z_j; v_k) / H(v_k), for the counted factors
     * @param bestLatent     per counted factor: the latent with the largest normalised MI
     * @param factorEntropy  per counted factor: H(v_k) in nats
     * @param examples       number of examples
     * @param bins           bins per latent
     */
    public record Result(double mig, List<String> factors, double[] gaps, double[][] normalizedMi, int[] bestLatent,
                         double[] factorEntropy, int examples, int bins) {
        public Result {
            factors = List.copyOf(factors);
        }
    }

    /**
     * The MIG of {@code codes} (n×D: one row per example, e.g. posterior means) against {@code factorClasses}
     * (n×K: the class index of each factor for each example), whose columns are named {@code factorNames}.
     *
     * @throws IllegalArgumentException if the shapes disagree, n is 0, D is below 2, bins is below 2, a code is
     *                                  not finite, or every factor is constant
     */
    public static Result compute(double[][] codes, int[][] factorClasses, List<String> factorNames, int bins) {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(factorClasses, "factorClasses");
        Objects.requireNonNull(factorNames, "factorNames");
        int n = codes.length;
        if (n == 0 || factorClasses.length != n) {
            throw new IllegalArgumentException("need the same positive number of code and factor rows, got " + n + " and "
                    + factorClasses.length);
        }
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be at least 2, got " + bins);
        }
        int d = codes[0].length;
        int k = factorNames.size();
        if (d < 2) {
            throw new IllegalArgumentException("the MIG needs at least 2 latent dimensions, got " + d);
        }
        for (int i = 0; i < n; i++) {
            if (codes[i].length != d || factorClasses[i].length != k) {
                throw new IllegalArgumentException("row " + i + " has " + codes[i].length + " codes and " + factorClasses[i].length
                        + " factors; expected " + d + " and " + k);
            }
        }
        int[][] latentBins = new int[d][];
        for (int j = 0; j < d; j++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = codes[i][j];
            }
            latentBins[j] = discretize(column, bins);
        }
        List<String> counted = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Double> entropies = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = factorClasses[i][f];
            }
            double h = entropy(v);
            if (h <= 0) {
                continue;
            }
            double[] row = new double[d];
            for (int j = 0; j < d; j++) {
                row[j] = mutualInformation(latentBins[j], v) / h;
            }
            counted.add(factorNames.get(f));
            rows.add(row);
            entropies.add(h);
        }
        if (counted.isEmpty()) {
            throw new IllegalArgumentException("every factor is constant over the " + n + " examples: the MIG is undefined");
        }
        int kc = counted.size();
        double[] gaps = new double[kc];
        int[] best = new int[kc];
        double sum = 0;
        for (int f = 0; f < kc; f++) {
            double[] row = rows.get(f);
            int first = 0;
            for (int j = 1; j < d; j++) {
                if (row[j] > row[first]) {
                    first = j;
                }
            }
            double second = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < d; j++) {
                if (j != first) {
                    second = Math.max(second, row[j]);
                }
            }
            best[f] = first;
            gaps[f] = row[first] - second;
            sum += gaps[f];
        }
        return new Result(sum / kc, counted, gaps, rows.toArray(double[][]::new), best,
                entropies.stream().mapToDouble(Double::doubleValue).toArray(), n, bins);
    }

    /**
     * Equal-width bin index in [0, bins) of each value, as {@code np.digitize(x, np.histogram(x, bins)[1][:-1]) - 1}:
     * edges {@code linspace(min, max, bins + 1)} (min ± 0.5 when the column is constant); a value's bin is the number
     * of the first {@code bins} edges that are ≤ it, less one.
     *
     * @throws IllegalArgumentException if a value is not finite
     */
    public static int[] discretize(double[] values, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : values) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("a latent code is not finite: " + x);
            }
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] edges = new double[bins];
        double step = (hi - lo) / bins;
        for (int b = 0; b < bins; b++) {
            edges[b] = lo + b * step;
        }
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int pos = Arrays.binarySearch(edges, values[i]);
            int atMost;
            if (pos >= 0) {
                while (pos + 1 < bins && edges[pos + 1] == values[i]) {
                    pos++;
                }
                atMost = pos + 1;
            } else {
                atMost = -pos - 1;
            }
            out[i] = Math.max(0, atMost - 1);
        }
        return out;
    }

    /**
     * Plug-in mutual information in nats of two label sequences of equal length, from their contingency table:
     * Σ p(a,b) log(p(a,b) / (p(a) p(b))) over the non-empty cells (as scikit-learn's {@code mutual_info_score}).
     */
    public static double mutualInformation(int[] a, int[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("need two non-empty label sequences of equal length, got " + a.length + " and "
                    + b.length);
        }
        int[] ca = compact(a);
        int[] cb = compact(b);
        int na = max(ca) + 1;
        int nb = max(cb) + 1;
        long[] joint = new long[na * nb];
        long[] ma = new long[na];
        long[] mb = new long[nb];
        for (int i = 0; i < ca.length; i++) {
            joint[ca[i] * nb + cb[i]]++;
            ma[ca[i]]++;
            mb[cb[i]]++;
        }
        double n = a.length;
        double mi = 0;
        for (int x = 0; x < na; x++) {
            for (int y = 0; y < nb; y++) {
                long c = joint[x * nb + y];
                if (c > 0) {
                    mi += c / n * Math.log(c * n / ((double) ma[x] * mb[y]));
                }
            }
        }
        return Math.max(0, mi);
    }

    /** Plug-in entropy in nats of a label sequence. */
    public static double entropy(int[] a) {
        int[] c = compact(a);
        long[] counts = new long[max(c) + 1];
        for (int x : c) {
            counts[x]++;
        }
        double n = a.length;
        double h = 0;
        for (long m : counts) {
            if (m > 0) {
                h -= m / n * Math.log(m / n);
            }
        }
        return Math.max(0, h);
    }

    /** Labels renumbered 0..m-1 in order of value. */
    private static int[] compact(int[] labels) {
        int[] sorted = labels.clone();
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[m++] = sorted[i];
            }
        }
        int[] distinct = Arrays.copyOf(sorted, m);
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = Arrays.binarySearch(distinct, labels[i]);
        }
        return out;
    }

    private static int max(int[] a) {
        int m = 0;
        for (int x : a) {
            m = Math.max(m, x);
        }
        return m;
    }
}
