package org.latentexplorer.divergence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/method.md §1.12: every per-dimension divergence (value, and kl1/kl2 for the skew JS family) against
 * its definition integrated numerically by {@link GaussianPair}, on the grid
 * σ ∈ {1e-3 … 10} × μ ∈ {0, 0.5, −1.3, 2, 5} × α ∈ {0, 1e-3, 0.1, 0.5, 0.9, 0.999, 1},
 * to 1e-8 relative (absolute floor 1e-12 where the true value is ≈ 0).
 */
class ClosedFormsVsQuadratureTest {
    static final double[] SIGMAS = {1e-3, 0.01, 0.1, 0.5, 0.8, 1, 2, 5, 10};
    static final double[] MUS = {0, 0.5, -1.3, 2, 5};
    static final double[] ALPHAS = {0, 1e-3, 0.1, 0.5, 0.9, 0.999, 1};
    static final double REL = 1e-8;
    static final double ABS_FLOOR = 1e-12;
    /** Below this a true value counts as "≈ 0" and is not used for the worst relative error. */
    static final double TINY = 1e-10;

    /** Worst relative error per quantity ("jsg value", "jsg kl1", …), with its case. */
    private static final Map<String, double[]> WORST = new TreeMap<>();
    private static final Map<String, String> WORST_CASE = new TreeMap<>();

    static Stream<Arguments> kindsAndSigmas() {
        List<Arguments> out = new ArrayList<>();
        for (DivergenceKind kind : DivergenceKind.values()) {
            if (kind.isPerDimension()) {
                for (double sigma : SIGMAS) {
                    out.add(Arguments.of(kind, sigma));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} sigma={1}")
    @MethodSource("kindsAndSigmas")
    void closedFormMatchesDefinition(DivergenceKind kind, double sigma) {
        List<Executable> checks = new ArrayList<>();
        double lv = 2 * Math.log(sigma);
        for (double mu : MUS) {
            GaussianPair pair = new GaussianPair(mu, sigma);
            double[] alphas = kind.isSkewJs() ? ALPHAS : new double[] {0.5};
            double[] betas = kind == DivergenceKind.BETA ? new double[] {0.25, 4} : new double[] {DivergenceSpec.DEFAULT_BETA};
            for (double alpha : alphas) {
                for (double beta : betas) {
                    DivergenceSpec spec = new DivergenceSpec(kind, alpha, beta);
                    double[] ref = pair.definition(kind, alpha, beta);
                    ClosedForms.Terms<Double> t = Divergences.terms(spec, mu, lv);
                    String what = spec.describe() + " mu=" + mu + " sigma=" + sigma;
                    checks.add(close(kind.cliName() + " value", ref[0], t.value(), what));
                    // The multivariate entry point on one dimension is the same value.
                    checks.add(close(kind.cliName() + " value", ref[0],
                            Divergences.value(spec, new double[] {mu}, new double[] {sigma}), "value() of " + what));
                    if (kind.isSkewJs()) {
                        checks.add(close(kind.cliName() + " kl1", ref[1], t.kl1(), "kl1 of " + what));
                        checks.add(close(kind.cliName() + " kl2", ref[2], t.kl2(), "kl2 of " + what));
                        // The composition of §2: value = (1−α)·kl1 + α·kl2.
                        double composed = (1 - alpha) * t.kl1() + alpha * t.kl2();
                        checks.add(() -> assertEquals(composed, t.value(), 1e-15 * Math.abs(composed) + 1e-300, what));
                    } else {
                        checks.add(() -> assertTrue(t.kl1() == null && t.kl2() == null, "no KL terms for " + what));
                    }
                }
            }
        }
        assertAll(checks);
    }

    private static Executable close(String quantity, double expected, double actual, String what) {
        double err = Math.abs(actual - expected);
        if (Math.abs(expected) > TINY) {
            record(quantity, err / Math.abs(expected), what);
        } else {
            record(quantity + " (|true|<1e-10, absolute)", err, what);
        }
        return () -> assertEquals(expected, actual, REL * Math.abs(expected) + ABS_FLOOR, what);
    }

    private static synchronized void record(String quantity, double err, String what) {
        double[] w = WORST.computeIfAbsent(quantity, k -> new double[] {-1});
        if (err > w[0]) {
            w[0] = err;
            WORST_CASE.put(quantity, what);
        }
    }

    @AfterAll
    static void printWorstErrors() {
        StringBuilder sb = new StringBuilder("Worst relative error, closed form vs quadrature of the definition:\n");
        WORST.forEach((q, w) -> sb.append(String.format("  %-40s %.3e  at %s%n", q, w[0], WORST_CASE.get(q))));
        System.out.print(sb);
    }
}
