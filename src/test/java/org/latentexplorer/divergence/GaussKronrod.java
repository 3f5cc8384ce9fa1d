package org.latentexplorer.divergence;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Test-side globally adaptive Gauss–Kronrod G7/K15 quadrature on a finite interval pre-split at
 * given break points (QUADPACK QAG strategy): the interval with the largest error estimate
 * |K15 − G7| is bisected until the summed estimate is below {@code relTol·|I|} or the round-off
 * floor {@code 1e-15·∫|f|}. The raw |K15 − G7| is a very pessimistic bound for smooth integrands,
 * so the K15 result is in practice far more accurate than the tolerance. Sums are compensated.
 * Independent of the main code; used to check the closed forms.
 */
final class GaussKronrod {
    /** Kronrod abscissae on [−1, 1] (positive half, descending; odd indices are the Gauss nodes). */
    private static final double[] XGK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
    /** Kronrod weights. */
    static final double[] WGK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    /** Gauss 7-point weights for XGK[1], XGK[3], XGK[5], XGK[7]. */
    static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    static final int MAX_INTERVALS = 50_000;

    /** The integral, its error estimate, ∫|f| and the number of sub-intervals used. */
    record Result(double value, double error, double absIntegral, int intervals) {
    }

    private record Segment(double a, double b, double value, double error, double abs) {
    }

    private GaussKronrod() {
    }

    /**
     * ∫ f over [breaks[0], breaks[last]] (breaks ascending; duplicates are skipped).
     *
     * @throws IllegalStateException if the tolerance is not met within {@link #MAX_INTERVALS}
     */
    static Result integrate(DoubleUnaryOperator f, double[] breaks, double relTol) {
        PriorityQueue<Segment> queue = new PriorityQueue<>((x, y) -> Double.compare(y.error, x.error));
        List<Segment> done = new ArrayList<>();
        for (int i = 0; i + 1 < breaks.length; i++) {
            if (breaks[i + 1] > breaks[i]) {
                queue.add(rule(f, breaks[i], breaks[i + 1]));
            }
        }
        while (true) {
            double value = 0;
            double error = 0;
            double abs = 0;
            for (Segment s : queue) {
                value += s.value;
                error += s.error;
                abs += s.abs;
            }
            for (Segment s : done) {
                value += s.value;
                abs += s.abs;
            }
            double target = Math.max(relTol * Math.abs(value), 1e-15 * abs);
            if (error <= target || queue.isEmpty()) {
                return new Result(compensatedSum(queue, done), error, abs, queue.size() + done.size());
            }
            if (queue.size() + done.size() >= MAX_INTERVALS) {
                throw new IllegalStateException("quadrature did not converge: error " + error + " > target " + target
                        + " with " + MAX_INTERVALS + " intervals, value " + value);
            }
            // Bisect the worst intervals (a batch, so the sums above are not recomputed too often).
            int batch = Math.max(1, queue.size() / 8);
            for (int k = 0; k < batch && !queue.isEmpty(); k++) {
                Segment s = queue.poll();
                double m = 0.5 * (s.a + s.b);
                if (!(m > s.a && m < s.b) || s.b - s.a < 1e-13 * Math.max(1e-300, Math.abs(m))) {
                    done.add(s); // cannot be split further: accept
                    continue;
                }
                queue.add(rule(f, s.a, m));
                queue.add(rule(f, m, s.b));
            }
        }
    }

    /** ∫ f over [a, b], no pre-split. */
    static double integrate(DoubleUnaryOperator f, double a, double b, double relTol) {
        return integrate(f, new double[] {a, b}, relTol).value();
    }

    private static double compensatedSum(Iterable<Segment> first, Iterable<Segment> second) {
        double sum = 0;
        double c = 0;
        for (Iterable<Segment> it : List.of(first, second)) {
            for (Segment s : it) {
                double t = sum + s.value;
                c += Math.abs(sum) >= Math.abs(s.value) ? (sum - t) + s.value : (s.value - t) + sum;
                sum = t;
            }
        }
        return sum + c;
    }

    /** K15 on [a, b], with |K15 − G7| as the error estimate and the K15 estimate of ∫|f|. */
    private static Segment rule(DoubleUnaryOperator f, double a, double b) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double fc = f.applyAsDouble(c);
        check(fc, c);
        double k = WGK[7] * fc;
        double g = WG[3] * fc;
        double abs = WGK[7] * Math.abs(fc);
        for (int j = 0; j < 7; j++) {
            double dx = h * XGK[j];
            double f1 = f.applyAsDouble(c - dx);
            double f2 = f.applyAsDouble(c + dx);
            check(f1, c - dx);
            check(f2, c + dx);
            k += WGK[j] * (f1 + f2);
            abs += WGK[j] * (Math.abs(f1) + Math.abs(f2));
            if (j % 2 == 1) {
                g += WG[j / 2] * (f1 + f2);
            }
        }
        return new Segment(a, b, k * h, Math.abs((k - g) * h), abs * Math.abs(h));
    }

    private static void check(double v, double z) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("integrand is " + v + " at z = " + z);
        }
    }
}
