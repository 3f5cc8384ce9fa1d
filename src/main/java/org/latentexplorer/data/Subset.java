package org.latentexplorer.data;

import java.util.Locale;
import org.latentexplorer.common.UserInputException;

/**
 * Which N examples a limit keeps. {@link #FIRST} is the first N (the brief's {@code --limit}); for
 * procedural dSprites, which is ordered by its factors, that is squares of the smallest scale in a
 * few orientations only. {@link #SPREAD} keeps N examples evenly spaced over the whole set
 * (example i of the view is example ⌊i·size/N⌋), so every factor varies; it is deterministic.
 */
public enum Subset {
    FIRST("first"),
    SPREAD("spread");

    private final String cliName;

    Subset(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The view of {@code data} with {@code n} examples; the data set itself when n is 0. */
    public Dataset apply(Dataset data, int n) {
        if (n == 0) {
            return data;
        }
        return this == FIRST ? Datasets.limit(data, n) : Datasets.spread(data, n);
    }

    /**
     * Parses {@code first} or {@code spread}.
     *
     * @throws UserInputException naming the text otherwise
     */
    public static Subset fromCliName(String text) {
        for (Subset s : values()) {
            if (s.cliName.equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new UserInputException("unknown subset '" + text + "'; expected first or spread");
    }
}
