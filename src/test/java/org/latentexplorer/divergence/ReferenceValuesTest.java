package org.latentexplorer.divergence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The reference table of docs/method.md §1.12 (μ = 0.5, σ = 0.8, 1-D), every row and column, to 1e-9 absolute. */
class ReferenceValuesTest {
    private static final double MU = 0.5;
    private static final double SIGMA = 0.8;
    private static final double KL_QP = 0.1681435513;
    private static final double KL_PQ = 0.2534189487;

    /** Columns: α, gjs_nielsen (a.4), gjs_prime (a.5), dgjs_nielsen (a.6), dgjs_prime (a.7). */
    private static final double[][] TABLE = {
        {0, 0, KL_QP, 0, KL_PQ},
        {0.001, 0.0002531098, 0.1675546509, 0.0001680311, 0.2523987304},
        {0.5, 0.0549345626, 0.0549345626, 0.0504560624, 0.0504560624},
        {0.999, 0.0001681061, 0.2527445012, 0.0002530349, 0.1677508354},
        {1, 0, KL_PQ, 0, KL_QP},
    };
    private static final DivergenceKind[] COLUMNS = {
        DivergenceKind.JSG_NIELSEN, DivergenceKind.JSG, DivergenceKind.JSG_NIELSEN_DUAL, DivergenceKind.JSG_DUAL};

    @Test
    void closedFormsReproduceTheTable() {
        List<Executable> checks = new ArrayList<>();
        double lv = 2 * Math.log(SIGMA);
        for (double[] row : TABLE) {
            for (int k = 0; k < COLUMNS.length; k++) {
                DivergenceSpec spec = DivergenceSpec.of(COLUMNS[k], row[0]);
                double expected = row[k + 1];
                checks.add(() -> assertEquals(expected, Divergences.terms(spec, MU, lv).value(), 1e-9, spec.describe()));
                checks.add(() -> assertEquals(expected, Divergences.value(spec, new double[] {MU}, new double[] {SIGMA}), 1e-9,
                        "value() " + spec.describe()));
            }
        }
        checks.add(() -> assertEquals(KL_QP, Divergences.terms(DivergenceSpec.of(DivergenceKind.KL_QP), MU, lv).value(), 1e-9));
        checks.add(() -> assertEquals(KL_PQ, Divergences.terms(DivergenceSpec.of(DivergenceKind.KL_PQ), MU, lv).value(), 1e-9));
        assertAll(checks);
    }

    /** The table itself, recomputed from the definitions by quadrature (checks the numbers of docs/method.md §1.12). */
    @Test
    void quadratureReproducesTheTable() {
        List<Executable> checks = new ArrayList<>();
        GaussianPair pair = new GaussianPair(MU, SIGMA);
        for (double[] row : TABLE) {
            for (int k = 0; k < COLUMNS.length; k++) {
                double expected = row[k + 1];
                double actual = pair.definition(COLUMNS[k], row[0], 1)[0];
                String what = COLUMNS[k] + " alpha=" + row[0];
                checks.add(() -> assertEquals(expected, actual, 1e-9, what));
            }
        }
        assertAll(checks);
    }
}
