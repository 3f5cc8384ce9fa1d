package org.latentexplorer.cli;

import java.util.Arrays;
import org.latentexplorer.common.UserInputException;

/** Parsing helpers for option values, with messages naming the option and value. */
final class Values {
    private Values() {
    }

    /** Parses a comma-separated list of doubles, e.g. {@code 0.5,-1,2e-3}. */
    static double[] doubles(String option, String csv) {
        if (csv == null || csv.isBlank()) {
            throw new UserInputException(option + " needs a comma-separated list of numbers");
        }
        String[] parts = csv.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UserInputException(option + ": '" + parts[i].trim() + "' is not a number (in '" + csv + "')");
            }
            if (!Double.isFinite(out[i])) {
                throw new UserInputException(option + ": '" + parts[i].trim() + "' is not a finite number");
            }
        }
        return out;
    }

    /** Parses a comma-separated list of non-negative integers. */
    static int[] indices(String option, String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(s -> {
            try {
                int v = Integer.parseInt(s);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new UserInputException(option + ": '" + s + "' is not an index (a whole number >= 0)");
            }
        }).toArray();
    }

    /** A number for printing: full precision, no exponent for ordinary magnitudes. */
    static String format(double v) {
        return Double.toString(v);
    }
}
