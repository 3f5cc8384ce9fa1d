package org.latentexplorer.render.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurveTableTest {
    @TempDir
    Path dir;

    @Test
    void csvHasHeaderDotDecimalsAndFullPrecision() throws IOException {
        double third = 1.0 / 3;
        CurveTable t = CurveTable.ofColumns(List.of("alpha", "js, prime", "kl \"qp\""),
                List.of(new double[]{0, 0.5}, new double[]{third, 1e-12}, new double[]{Double.NaN, -2.5}));
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("alpha,\"js, prime\",\"kl \"\"qp\"\"\"\n0.0,0.3333333333333333,NaN\n0.5,1.0E-12,-2.5\n", t.toCsv());
        } finally {
            Locale.setDefault(before);
        }
        Path file = dir.resolve("curves.csv");
        t.writeCsv(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        assertEquals(third, Double.parseDouble(lines.get(1).split(",")[1]), 0.0);
    }

    @Test
    void columnsAndValues() {
        CurveTable t = CurveTable.ofColumns(List.of("a", "b"), List.of(new double[]{1, 2, 3}, new double[]{4, 5, 6}));
        assertArrayEquals(new double[]{4, 5, 6}, t.column("b"), 0.0);
        assertEquals(2.0, t.value(1, "a"), 0.0);
        assertEquals(3, t.rowCount());
        assertThrows(IllegalArgumentException.class, () -> t.column("c"));
    }

    @Test
    void rejectsRaggedOrDuplicateColumns() {
        assertThrows(IllegalArgumentException.class,
                () -> CurveTable.ofColumns(List.of("a", "b"), List.of(new double[]{1, 2}, new double[]{1})));
        assertThrows(IllegalArgumentException.class,
                () -> CurveTable.ofColumns(List.of("a", "a"), List.of(new double[]{1}, new double[]{1})));
        assertThrows(IllegalArgumentException.class, () -> new CurveTable(List.of("a"), List.of(new double[]{1, 2})));
    }
}
