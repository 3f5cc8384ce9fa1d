package org.latentexplorer.divergence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The α-limits of docs/method.md §1.4–1.7, continuity towards them, and the α = ½ coincidences. */
class LimitsTest {
    private static final double[] MUS = {0, 0.5, -1.3, 2, 5};

    private static double v(DivergenceKind kind, double alpha, double mu, double lv) {
        return Divergences.terms(DivergenceSpec.of(kind, alpha), mu, lv).value();
    }

    @ParameterizedTest(name = "sigma={0}")
    @ValueSource(doubles = {1e-3, 0.01, 0.1, 0.5, 0.8, 1, 2, 5, 10})
    void endpointsContinuityAndMidpoint(double sigma) {
        List<Executable> checks = new ArrayList<>();
        double lv = 2 * Math.log(sigma);
        for (double mu : MUS) {
            String at = " mu=" + mu + " sigma=" + sigma;
            double qp = v(DivergenceKind.KL_QP, 0.5, mu, lv);
            double pq = v(DivergenceKind.KL_PQ, 0.5, mu, lv);
            double endTol = 1e-12;
            // §1.5: JS^{Gα'} → KL(q‖p) at α = 0, → KL(p‖q) at α = 1.
            checks.add(() -> assertEquals(qp, v(DivergenceKind.JSG, 0, mu, lv), endTol * Math.max(1, qp), "jsg(0)" + at));
            checks.add(() -> assertEquals(pq, v(DivergenceKind.JSG, 1, mu, lv), endTol * Math.max(1, pq), "jsg(1)" + at));
            // §1.7: the dual goes the other way.
            checks.add(() -> assertEquals(pq, v(DivergenceKind.JSG_DUAL, 0, mu, lv), endTol * Math.max(1, pq), "jsg-dual(0)" + at));
            checks.add(() -> assertEquals(qp, v(DivergenceKind.JSG_DUAL, 1, mu, lv), endTol * Math.max(1, qp), "jsg-dual(1)" + at));
            // §1.4, §1.6: Nielsen's pair vanishes at both ends.
            for (DivergenceKind k : new DivergenceKind[] {DivergenceKind.JSG_NIELSEN, DivergenceKind.JSG_NIELSEN_DUAL}) {
                checks.add(() -> assertEquals(0, v(k, 0, mu, lv), endTol, k + "(0)" + at));
                checks.add(() -> assertEquals(0, v(k, 1, mu, lv), endTol, k + "(1)" + at));
            }
            // Continuity: α = 1e-9 and 1 − 1e-9 approach the limits. The slope in α is of the order
            // of (KL_qp + KL_pq)·max(1/σ², σ²) (the geometric mean moves on that scale), so the
            // 1e-6 bound is scaled by it; and the approach is linear: 1000× closer at 1e-12.
            double scale = Math.max(1, qp + pq) * Math.max(1, Math.max(1 / (sigma * sigma), sigma * sigma));
            continuity(checks, DivergenceKind.JSG, 0, qp, mu, lv, scale, at);
            continuity(checks, DivergenceKind.JSG, 1, pq, mu, lv, scale, at);
            continuity(checks, DivergenceKind.JSG_DUAL, 0, pq, mu, lv, scale, at);
            continuity(checks, DivergenceKind.JSG_DUAL, 1, qp, mu, lv, scale, at);
            for (DivergenceKind k : new DivergenceKind[] {DivergenceKind.JSG_NIELSEN, DivergenceKind.JSG_NIELSEN_DUAL}) {
                continuity(checks, k, 0, 0, mu, lv, scale, at);
                continuity(checks, k, 1, 0, mu, lv, scale, at);
            }
            // α = ½: the paper's variant and Nielsen's coincide (same geometric mean, same weights).
            checks.add(() -> assertEquals(v(DivergenceKind.JSG_NIELSEN, 0.5, mu, lv), v(DivergenceKind.JSG, 0.5, mu, lv),
                    1e-14 * Math.max(1, qp + pq), "jsg(0.5) vs nielsen" + at));
            checks.add(() -> assertEquals(v(DivergenceKind.JSG_NIELSEN_DUAL, 0.5, mu, lv), v(DivergenceKind.JSG_DUAL, 0.5, mu, lv),
                    1e-14 * Math.max(1, qp + pq), "jsg-dual(0.5) vs nielsen-dual" + at));
            // Non-negativity along α (all four are divergences).
            for (DivergenceKind k : new DivergenceKind[] {DivergenceKind.JSG, DivergenceKind.JSG_DUAL,
                    DivergenceKind.JSG_NIELSEN, DivergenceKind.JSG_NIELSEN_DUAL}) {
                for (double a = 0; a <= 1.0; a += 0.0625) {
                    double alpha = a;
                    checks.add(() -> assertEquals(true, v(k, alpha, mu, lv) >= -1e-12, k + "(" + alpha + ") >= 0" + at));
                }
            }
        }
        assertAll(checks);
    }

    /** |D(α) − limit| small at 1e-9 from the end point and shrinking linearly (×1e-3 at 1e-12). */
    private static void continuity(List<Executable> checks, DivergenceKind kind, double end, double limit,
            double mu, double lv, double scale, String at) {
        double near = Math.abs(v(kind, end == 0 ? 1e-9 : 1 - 1e-9, mu, lv) - limit);
        double nearer = Math.abs(v(kind, end == 0 ? 1e-12 : 1 - 1e-12, mu, lv) - limit);
        String what = kind.cliName() + " near alpha=" + end + at;
        checks.add(() -> assertTrue(near < 1e-6 * scale, what + ": |D - limit| = " + near));
        // 1 − 1e-12 is not exact in binary; allow for that and for rounding of the limit itself.
        checks.add(() -> assertTrue(nearer < 2e-3 * near + 1e-11 * Math.max(1, Math.abs(limit)),
                what + ": not linear, " + nearer + " at 1e-12 vs " + near + " at 1e-9"));
    }
}
