package org.latentexplorer.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.latentexplorer.render.traversal.NormalQuantile;

class LinspaceTest {

    @Test
    void paperTraversalValues() {
        double c = NormalQuantile.inverseCdf(0.975);
        float[] v = Linspace.float32(c, -c, 10);
        double[] expected = {1.959964, 1.524416, 1.088869, 0.653321, 0.217774, -0.217774, -0.653321, -1.088869, -1.524416, -1.959964};
        assertEquals(10, v.length);
        for (int i = 0; i < 10; i++) {
            assertEquals(expected[i], v[i], 1e-6, "column " + i);
        }
        assertEquals((float) c, v[0], 0f);
        assertEquals(-(float) c, v[9], 0f);
    }

    @Test
    void float32ArithmeticIsStartPlusStepTimesIndex() {
        float[] v = Linspace.float32(-3, 3, 10);
        float step = 6f / 9f;
        for (int i = 0; i < 10; i++) {
            assertEquals(-3f + step * i, v[i], 0f);
        }
        assertEquals(-2.3333333f, v[1], 0f);
    }

    @Test
    void numpyStyleDoubleLinspaceEndsExactly() {
        double[] x = Linspace.float64(-5, 5, 500);
        assertEquals(500, x.length);
        assertEquals(-5.0, x[0], 0.0);
        assertEquals(5.0, x[499], 0.0);
        assertEquals(-5 + 10.0 / 499, x[1], 1e-15);
        assertArrayEquals(new double[]{0, 0.5, 1}, Linspace.float64(0, 1, 3), 0.0);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Linspace.float32(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Linspace.float64(0, Double.NaN, 3));
    }
}
