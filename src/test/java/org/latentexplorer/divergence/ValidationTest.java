package org.latentexplorer.divergence;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentexplorer.common.UserInputException;

/** Input validation of {@link DivergenceSpec}, {@link Divergences} and {@link DivergenceKind}. */
class ValidationTest {
    private static final DivergenceSpec KL = DivergenceSpec.of(DivergenceKind.KL_QP);

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.1, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -1e-300})
    void alphaOutsideTheUnitIntervalIsRejectedNamingTheValue(double alpha) {
        for (DivergenceKind kind : DivergenceKind.values()) {
            UserInputException e = assertThrows(UserInputException.class, () -> new DivergenceSpec(kind, alpha, 4));
            assertTrue(e.getMessage().contains(Double.toString(alpha)), e.getMessage());
        }
        UserInputException e = assertThrows(UserInputException.class, () -> DivergenceSpec.of(DivergenceKind.JSG).withAlpha(alpha));
        assertTrue(e.getMessage().contains(Double.toString(alpha)), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void betaMustBeFiniteAndPositive(double beta) {
        UserInputException e = assertThrows(UserInputException.class, () -> new DivergenceSpec(DivergenceKind.BETA, 0.5, beta));
        assertTrue(e.getMessage().contains(Double.toString(beta)), e.getMessage());
    }

    @Test
    void boundaryValuesAreAccepted() {
        assertAll(
                () -> assertDoesNotThrow(() -> new DivergenceSpec(DivergenceKind.JSG, 0, Double.MIN_VALUE)),
                () -> assertDoesNotThrow(() -> new DivergenceSpec(DivergenceKind.JSG, 1, Double.MAX_VALUE)),
                () -> assertEquals(0.5, DivergenceSpec.of(DivergenceKind.JSG).alpha()),
                () -> assertEquals(4.0, DivergenceSpec.of(DivergenceKind.BETA).beta()),
                () -> assertThrows(UserInputException.class, () -> new DivergenceSpec(null, 0.5, 4)));
    }

    @Test
    void sigmaWhoseVarianceWouldOverflowIsRejectedNotNaN() {
        DivergenceSpec js = DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.5);
        UserInputException e = assertThrows(UserInputException.class,
                () -> Divergences.value(js, new double[] {0}, new double[] {1e-160}));
        assertTrue(e.getMessage().contains("1.0E-160"), e.getMessage());
        assertThrows(UserInputException.class, () -> Divergences.value(js, new double[] {0}, new double[] {1e160}));
        for (DivergenceKind k : DivergenceKind.values()) {
            if (k == DivergenceKind.MMD) {
                continue;
            }
            double v = Divergences.value(DivergenceSpec.of(k, 0.3), new double[] {0.5}, new double[] {Divergences.MIN_SIGMA});
            assertTrue(Double.isFinite(v), k + " at the smallest sigma gave " + v);
        }
    }

    @Test
    void perDimensionNeedsAtLeastOnePosterior() {
        assertThrows(IllegalArgumentException.class, () -> Divergences.perDimension(KL, new float[0], new float[0], 0, 3));
    }

    @Test
    void mismatchedOrEmptyArraysAreRejected() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> Divergences.value(KL, new double[] {0, 1}, new double[] {1}));
        assertTrue(e.getMessage().contains("2") && e.getMessage().contains("1"), e.getMessage());
        assertThrows(UserInputException.class, () -> Divergences.value(KL, new double[] {0}, new double[] {1, 2}));
        assertThrows(UserInputException.class, () -> Divergences.value(KL, new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> Divergences.perDimension(KL, new float[6], new float[6], 2, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Divergences.perDimension(KL, new float[4], new float[3], 2, 2));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void sigmaMustBeFiniteAndPositive(double sigma) {
        for (DivergenceKind kind : DivergenceKind.values()) {
            if (!kind.isPerDimension()) {
                continue;
            }
            UserInputException e = assertThrows(UserInputException.class,
                    () -> Divergences.value(DivergenceSpec.of(kind), new double[] {0.5, 0.1}, new double[] {1, sigma}));
            assertTrue(e.getMessage().contains(Double.toString(sigma)) && e.getMessage().contains("dimension 1"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void muMustBeFinite(double mu) {
        UserInputException e = assertThrows(UserInputException.class,
                () -> Divergences.value(KL, new double[] {mu}, new double[] {1}));
        assertTrue(e.getMessage().contains(Double.toString(mu)), e.getMessage());
    }

    @Test
    void unknownCliNamesListTheValidOnes() {
        for (String bad : new String[] {"gjs", "JSG", "", "kl"}) {
            UserInputException e = assertThrows(UserInputException.class, () -> DivergenceKind.fromCliName(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
            for (DivergenceKind k : DivergenceKind.values()) {
                assertTrue(e.getMessage().contains(k.cliName()), e.getMessage() + " should list " + k.cliName());
            }
        }
        for (DivergenceKind k : DivergenceKind.values()) {
            assertEquals(k, DivergenceKind.fromCliName(k.cliName()));
        }
    }

    @Test
    void kindProperties() {
        assertAll(
                () -> assertTrue(DivergenceKind.JSG.isSkewJs() && DivergenceKind.JSG_DUAL.isSkewJs()
                        && DivergenceKind.JSG_NIELSEN.isSkewJs() && DivergenceKind.JSG_NIELSEN_DUAL.isSkewJs()),
                () -> assertTrue(!DivergenceKind.KL_QP.isSkewJs() && !DivergenceKind.BETA.isSkewJs() && !DivergenceKind.MMD.isSkewJs()),
                () -> assertEquals(1.0, DivergenceKind.JSG.defaultLambda()),
                () -> assertEquals("jsg-dual(alpha=0.25)", DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.25).describe()),
                () -> assertEquals("beta(beta=0.25)", new DivergenceSpec(DivergenceKind.BETA, 0.5, 0.25).describe()),
                () -> assertEquals("kl-pq", DivergenceSpec.of(DivergenceKind.KL_PQ).describe()));
    }
}
