package org.latentexplorer.data;

import java.util.Optional;
import org.latentexplorer.common.UserInputException;

/** Views over data sets; a view reads through to its source and has the source's thread safety. */
public final class Datasets {
    private Datasets() {
    }

    /** Whether {@code data}'s images are {@code size}×{@code size}, the size a model takes. */
    public static boolean hasImageSize(Dataset data, int size) {
        return data.height() == size && data.width() == size;
    }

    /**
     * The one check that a data set fits a model: its images must be {@code size}×{@code size}.
     *
     * @throws UserInputException naming the data set, its image size and the model's
     */
    public static void requireImageSize(Dataset data, int size) {
        if (!hasImageSize(data, size)) {
            throw new UserInputException("the model takes " + size + "×" + size + " images but " + data.description()
                    + " has " + data.width() + "×" + data.height() + " images");
        }
    }

    /**
     * {@code n} examples spread evenly over {@code data}: example i of the view is example
     * ⌊i·size/n⌋ of the source (distinct, in source order; the data set itself when n equals its size).
     * Factors, where present, are the source's, read through the same mapping.
     *
     * @throws UserInputException naming n and the size if n is not in [1, size]
     */
    public static Dataset spread(Dataset data, int n) {
        checkLimit(data, n);
        if (n == data.size()) {
            return data;
        }
        long size = data.size();
        return new View(data, n, data.description() + ", " + n + " spread evenly") {
            @Override
            int source(int index) {
                return spreadSource(index, size, n);
            }
        };
    }

    /**
     * The source example behind example {@code index} of {@link #spread spread(data, n)} for a source of
     * {@code size} examples: ⌊index·size/n⌋ (distinct and in source order for n ≤ size).
     */
    public static int spreadSource(int index, long size, int n) {
        return (int) (index * size / n);
    }

    /** A view of n examples of a source, mapped by {@link #source}. */
    private abstract static class View implements Dataset {
        private final Dataset data;
        private final int n;
        private final String description;

        View(Dataset data, int n, String description) {
            this.data = data;
            this.n = n;
            this.description = description;
        }

        abstract int source(int index);

        @Override
        public String description() {
            return description;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public int height() {
            return data.height();
        }

        @Override
        public int width() {
            return data.width();
        }

        @Override
        public void read(int index, float[] dst, int offset) {
            if (index < 0 || index >= n) {
                throw new IndexOutOfBoundsException("index " + index + " is outside [0, " + n + ")");
            }
            data.read(source(index), dst, offset);
        }

        @Override
        public Optional<FactorLabels> factors() {
            return data.factors().map(f -> new FactorLabels() {
                @Override
                public java.util.List<String> names() {
                    return f.names();
                }

                @Override
                public int[] classes(int index) {
                    return f.classes(source(checked(index)));
                }

                @Override
                public double[] values(int index) {
                    return f.values(source(checked(index)));
                }
            });
        }

        private int checked(int index) {
            if (index < 0 || index >= n) {
                throw new IndexOutOfBoundsException("index " + index + " is outside [0, " + n + ")");
            }
            return index;
        }
    }

    /**
     * The first {@code n} examples of {@code data} (the data set itself when n equals its size).
     * Example i of the view is example i of the source; factors, where present, are the source's.
     *
     * @throws UserInputException naming n and the size if n is not in [1, size]
     */
    public static Dataset limit(Dataset data, int n) {
        checkLimit(data, n);
        if (n == data.size()) {
            return data;
        }
        return new View(data, n, data.description() + ", first " + n) {
            @Override
            int source(int index) {
                return index;
            }
        };
    }

    private static void checkLimit(Dataset data, int n) {
        if (n < 1 || n > data.size()) {
            throw new UserInputException("limit " + n + " is outside [1, " + data.size() + "] for " + data.description());
        }
    }
}
