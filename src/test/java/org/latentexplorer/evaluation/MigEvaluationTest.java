package org.latentexplorer.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.DSprites;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.latent.LatentEncoder;

/** The MIG of procedural dSprites under an analytic encoder that reads the sprite's centre of mass. */
class MigEvaluationTest {
    /** Means: [column centre of mass, row centre of mass, ink]; log-variances 0. */
    private static final LatentEncoder CENTRE_OF_MASS = (images, n) -> {
        int side = 64;
        float[] out = new float[n * 6];
        for (int k = 0; k < n; k++) {
            double ink = 0;
            double cx = 0;
            double cy = 0;
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    double p = images[k * side * side + r * side + c];
                    ink += p;
                    cx += p * c;
                    cy += p * r;
                }
            }
            out[k * 6] = (float) (cx / ink);
            out[k * 6 + 1] = (float) (cy / ink);
            out[k * 6 + 2] = (float) ink;
        }
        return out;
    };

    @Test
    void positionFactorsAreFoundInTheCentreOfMassLatents() {
        Mig.Result r = MigEvaluation.evaluate(CENTRE_OF_MASS, new DSprites(), 3000, 3);
        assertEquals(List.of("shape", "scale", "orientation", "posX", "posY"), r.factors());
        assertEquals(3000, r.examples());
        int posX = r.factors().indexOf("posX");
        int posY = r.factors().indexOf("posY");
        // dSprites' posX moves the sprite along the image's columns (x), posY along its rows
        assertEquals(0, r.bestLatent()[posX]);
        assertEquals(1, r.bestLatent()[posY]);
        assertTrue(r.gaps()[posX] > 0.5 && r.gaps()[posY] > 0.5, Arrays.toString(r.gaps()));
        // ink grows with scale: the scale factor's best latent is the ink
        assertEquals(2, r.bestLatent()[r.factors().indexOf("scale")]);
        assertTrue(r.mig() > 0.2 && r.mig() < 1, "MIG " + r.mig());
    }

    @Test
    void aDataSetWithoutFactorsIsRefused() {
        Dataset blank = new Dataset() {
            @Override
            public String description() {
                return "blank test images";
            }

            @Override
            public int size() {
                return 10;
            }

            @Override
            public int height() {
                return 64;
            }

            @Override
            public int width() {
                return 64;
            }

            @Override
            public void read(int index, float[] dst, int offset) {
                Arrays.fill(dst, offset, offset + 64 * 64, 0f);
            }
        };
        UserInputException e = assertThrows(UserInputException.class, () -> MigEvaluation.evaluate(CENTRE_OF_MASS, blank, 10, 1));
        assertTrue(e.getMessage().contains("blank test images"), e.getMessage());
    }

    @Test
    void drawnExamplesAreDistinctSortedAndSeeded() {
        int[] a = MigEvaluation.draw(1000, 100, 7);
        assertEquals(100, a.length);
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i] > a[i - 1]);
        }
        assertTrue(a[0] >= 0 && a[99] < 1000);
        assertArrayEquals(a, MigEvaluation.draw(1000, 100, 7));
        assertTrue(!Arrays.equals(a, MigEvaluation.draw(1000, 100, 8)));
        assertEquals(5, MigEvaluation.draw(5, 10, 1).length);
    }
}
