package org.latentexplorer.render.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.latentexplorer.common.AtomicFiles;

/**
 * A table of numbers behind a chart: named columns, rows of doubles. CSV output has a header row,
 * comma separators, '.' decimals and full precision ({@link Double#toString}: the shortest text that
 * reads back to the same double; NaN and ±Infinity as "NaN", "Infinity", "-Infinity").
 */
public record CurveTable(List<String> columns, List<double[]> rows) {
    public CurveTable {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a curve table needs at least one column");
        }
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("column names must be distinct, got " + columns);
        }
        List<double[]> copy = new ArrayList<>();
        for (double[] row : Objects.requireNonNull(rows, "rows")) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("each row needs " + columns.size() + " values, got " + row.length);
            }
            copy.add(row.clone());
        }
        rows = List.copyOf(copy);
    }

    /** A table from equally long columns. */
    public static CurveTable ofColumns(List<String> names, List<double[]> columns) {
        if (names.size() != columns.size()) {
            throw new IllegalArgumentException(names.size() + " column names for " + columns.size() + " columns");
        }
        int n = columns.isEmpty() ? 0 : columns.get(0).length;
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).length != n) {
                throw new IllegalArgumentException("column '" + names.get(c) + "' has " + columns.get(c).length
                        + " values, expected " + n);
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                row[c] = columns.get(c)[i];
            }
            rows.add(row);
        }
        return new CurveTable(names, rows);
    }

    /** The rows (copies). */
    @Override
    public List<double[]> rows() {
        List<double[]> out = new ArrayList<>();
        for (double[] r : rows) {
            out.add(r.clone());
        }
        return out;
    }

    public int rowCount() {
        return rows.size();
    }

    public double value(int row, String column) {
        return rows.get(row)[index(column)];
    }

    /** The values of one column, top to bottom. */
    public double[] column(String name) {
        int c = index(name);
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }

    private int index(String name) {
        int c = columns.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; columns are " + columns);
        }
        return c;
    }

    /** The CSV text, lines ending in '\n'. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                sb.append(',');
            }
            sb.append(quote(columns.get(c)));
        }
        sb.append('\n');
        for (double[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(Double.toString(row[c]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Writes {@link #toCsv()} as UTF-8, atomically. */
    public void writeCsv(Path file) {
        writeCsv(file, Map.of());
    }

    /**
     * Writes {@link #toCsv()} as UTF-8, atomically, after one {@code # key: value} line per metadata entry
     * (provenance; read with e.g. {@code pandas.read_csv(file, comment='#')}).
     */
    public void writeCsv(Path file, Map<String, String> metadata) {
        AtomicFiles.write(file, (ExportMetadata.lines(metadata, "# ") + toCsv()).getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
