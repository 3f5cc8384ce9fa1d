package org.latentexplorer.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
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
                throw new UserInputException(option + ": '" + excerpt(parts[i].trim()) + "' is not a number (in '" + excerpt(csv) + "')");
            }
            if (!Double.isFinite(out[i])) {
                throw new UserInputException(option + ": '" + excerpt(parts[i].trim()) + "' is not a finite number");
            }
        }
        return out;
    }

    /**
     * Parses a comma-separated list of non-negative integers; an empty list (e.g. {@code ","}) is
     * refused, like {@link #doubles}.
     */
    static int[] indices(String option, String csv) {
        int[] out = Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(s -> {
            try {
                int v = Integer.parseInt(s);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new UserInputException(option + ": '" + excerpt(s) + "' is not an index (a whole number >= 0)");
            }
        }).toArray();
        if (out.length == 0) {
            throw new UserInputException(option + " needs at least one index (a comma-separated list of whole numbers >= 0), got '"
                    + excerpt(csv) + "'");
        }
        return out;
    }

    /** The most characters of user input echoed in a message. */
    static final int EXCERPT = 120;

    /** User input for an error message: cut to {@value #EXCERPT} characters, saying how long it was. */
    static String excerpt(String input) {
        if (input == null || input.length() <= EXCERPT) {
            return input;
        }
        return input.substring(0, EXCERPT) + "… (" + input.length() + " characters in all)";
    }

    /** A number for printing: full precision, no exponent for ordinary magnitudes. */
    static String format(double v) {
        return Double.toString(v);
    }

    /**
     * Builds a validated settings value (a record whose compact constructor checks its arguments) from
     * command-line options: its {@link IllegalArgumentException} becomes a {@link UserInputException}
     * prefixed with {@code what}. Only the construction is wrapped, so failures elsewhere stay internal errors.
     */
    static <T> T checked(String what, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lower-case extension of an output file, which must be one of {@code accepted} (without dots).
     *
     * @throws UserInputException naming the file and the accepted extensions otherwise
     */
    static String extension(Path file, List<String> accepted) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (!accepted.contains(ext)) {
            throw UserInputException.forFile(file, "unsupported output format; accepted extensions are ."
                    + String.join(", .", accepted));
        }
        return ext;
    }

    /** One of {@code names} (case-insensitive), or a UserInputException naming the option and the choices. */
    static String choice(String option, String value, List<String> names) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!names.contains(v)) {
            throw new UserInputException(option + ": '" + value + "' is not one of " + String.join(", ", names));
        }
        return v;
    }

    /** A GIF frame delay option in milliseconds, 0..655350 (GIF stores hundredths of a second in 16 bits). */
    static int gifDelay(String option, int millis) {
        if (millis < 0 || millis > 655_350) {
            throw new UserInputException(option + " must be between 0 and 655350 ms, got " + millis);
        }
        return millis;
    }
}
