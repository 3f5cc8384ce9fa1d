package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The crisp scale: whole numbers when the image fits at 1× or more, the exact fit below that. */
class CrispFitTest {
    @Test
    void wholeNumberScalesWhenThereIsRoomAndTheExactFitBelow() {
        assertEquals(3, CrispFit.scale(200, 100, 650, 1000), 0.0, "650/200 = 3.25 → 3");
        assertEquals(2, CrispFit.scale(200, 100, 1000, 299), 0.0, "the height limits: 2.99 → 2");
        assertEquals(1, CrispFit.scale(200, 100, 200, 100), 0.0);
        assertEquals(0.5, CrispFit.scale(800, 400, 400, 1000), 1e-12, "too large: the fractional fit");
        assertEquals(0, CrispFit.scale(200, 100, 0, 100), 0.0);
        for (int avail = 50; avail < 2000; avail += 37) {
            double s = CrispFit.scale(123, 77, avail, avail * 0.7);
            double fit = Math.min(avail / 123.0, avail * 0.7 / 77);
            assertEquals(fit >= 1 ? (int) fit : fit, s, 1e-12, "room " + avail);
        }
    }
}
