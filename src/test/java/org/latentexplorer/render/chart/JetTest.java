package org.latentexplorer.render.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class JetTest {

    @Test
    void matchesMatplotlibJet() {
        assertArrayEquals(new double[]{0, 0, 0.5}, Jet.rgb(0), 1e-12);
        assertArrayEquals(new double[]{0.5, 0, 0}, Jet.rgb(1), 1e-12);
        assertArrayEquals(new double[]{0.4901960784313725, 1.0, 0.4775458570524984}, Jet.rgb(0.5), 1e-12);
        assertArrayEquals(new double[]{0.0, 0.5039215686274511, 1.0}, Jet.rgb(0.25), 1e-12);
        assertArrayEquals(new double[]{1.0, 0.5816993464052289, 0.0}, Jet.rgb(0.75), 1e-12);
    }

    @Test
    void clipsOutsideTheUnitInterval() {
        assertArrayEquals(Jet.rgb(0), Jet.rgb(-3), 0.0);
        assertArrayEquals(Jet.rgb(1), Jet.rgb(7), 0.0);
        assertEquals(new Color(0, 0, 128), Jet.color(0));
        assertEquals(new Color(128, 0, 0), Jet.color(1));
    }
}
