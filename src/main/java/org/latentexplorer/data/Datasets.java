package org.latentexplorer.data;

import java.util.Optional;
import org.latentexplorer.common.UserInputException;

/** Views over data sets; a view reads through to its source and has the source's thread safety. */
public final class Datasets {
    private Datasets() {
    }

    /**
     * The first {@code n} examples of {@code data} (the data set itself when n equals its size).
     * Example i of the view is example i of the source; factors, where present, are the source's.
     *
     * @throws UserInputException naming n and the size if n is not in [1, size]
     */
    public static Dataset limit(Dataset data, int n) {
        if (n < 1 || n > data.size()) {
            throw new UserInputException("limit " + n + " is outside [1, " + data.size() + "] for " + data.description());
        }
        if (n == data.size()) {
            return data;
        }
        return new Dataset() {
            @Override
            public String description() {
                return data.description() + ", first " + n;
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
                data.read(index, dst, offset);
            }

            @Override
            public Optional<FactorLabels> factors() {
                return data.factors();
            }
        };
    }
}
