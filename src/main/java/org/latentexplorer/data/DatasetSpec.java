package org.latentexplorer.data;

import java.nio.file.Path;
import org.latentexplorer.common.UserInputException;

/**
 * A data set named on the command line: {@code dsprites}, {@code dsprites-npz:FILE},
 * {@code mnist:DIR}, {@code fashion-mnist:DIR} or {@code folder:DIR}, with the paper's defaults
 * for each (docs/method.md §4). Parsing checks the form only; {@link #open} reads and validates the files.
 * Invariant: {@code parse(s.canonical())} equals {@code s}; {@code path} is null exactly for
 * {@code dsprites}.
 */
public record DatasetSpec(Kind kind, Path path) {
    /** The kinds of data set. */
    public enum Kind {
        DSPRITES("dsprites"),
        DSPRITES_NPZ("dsprites-npz"),
        MNIST("mnist"),
        FASHION_MNIST("fashion-mnist"),
        FOLDER("folder");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        /** Image side length: 64 for dSprites and folders, 32 for MNIST and Fashion-MNIST. */
        public int imageSize() {
            return this == MNIST || this == FASHION_MNIST ? 32 : 64;
        }

        /** Latent size of the paper: 32 for Chairs (folders), 10 otherwise. */
        public int defaultLatents() {
            return this == FOLDER ? 32 : 10;
        }

        /** Batch size of the paper: 64 for MNIST and Fashion, 256 for dSprites and Chairs. */
        public int defaultBatchSize() {
            return imageSize() == 32 ? 64 : 256;
        }

        /** Epochs of the paper: 30 for dSprites, 100 otherwise. */
        public int defaultEpochs() {
            return this == DSPRITES || this == DSPRITES_NPZ ? 30 : 100;
        }
    }

    public DatasetSpec {
        java.util.Objects.requireNonNull(kind, "kind");
        if ((path == null) != (kind == Kind.DSPRITES)) {
            throw new IllegalArgumentException(kind.prefix + (path == null ? " needs a path" : " takes no path"));
        }
    }

    /** The accepted forms, for messages and help. */
    public static final String FORMS = "dsprites | dsprites-npz:FILE | mnist:DIR | fashion-mnist:DIR | folder:DIR";

    /**
     * Parses a spec string.
     *
     * @throws UserInputException listing the accepted forms if the text is none of them
     */
    public static DatasetSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UserInputException("a data set is required; expected " + FORMS);
        }
        String t = text.trim();
        if (t.equals("dsprites")) {
            return new DatasetSpec(Kind.DSPRITES, null);
        }
        int colon = t.indexOf(':');
        if (colon > 0) {
            String prefix = t.substring(0, colon);
            String rest = t.substring(colon + 1);
            for (Kind k : Kind.values()) {
                if (k != Kind.DSPRITES && k.prefix.equals(prefix)) {
                    if (rest.isBlank()) {
                        throw new UserInputException("data set '" + t + "' needs a path after '" + prefix + ":'; expected " + FORMS);
                    }
                    try {
                        return new DatasetSpec(k, Path.of(rest.trim()));
                    } catch (java.nio.file.InvalidPathException e) {
                        throw new UserInputException("data set '" + t + "' has an invalid path: " + e.getMessage(), e);
                    }
                }
            }
        }
        throw new UserInputException("unknown data set '" + t + "'; expected " + FORMS);
    }

    /** The spec as text, as stored in model manifests. */
    public String canonical() {
        return kind == Kind.DSPRITES ? "dsprites" : kind.prefix + ":" + path;
    }

    /**
     * Opens a split: MNIST/Fashion-MNIST have train (60k) and test (10k, the t10k files); dSprites
     * and folders have no split, so both return the whole set (docs/method.md §5).
     *
     * @throws UserInputException if the files are missing or malformed
     */
    public Dataset open(Split split) {
        return switch (kind) {
            case DSPRITES -> new DSprites();
            case DSPRITES_NPZ -> DSpritesNpz.open(path);
            case MNIST -> MnistDataset.open(path, split, "MNIST");
            case FASHION_MNIST -> MnistDataset.open(path, split, "Fashion-MNIST");
            case FOLDER -> ImageFolder.open(path);
        };
    }

    /** Image side length: 64 for dSprites and folders, 32 for MNIST and Fashion-MNIST. */
    public int imageSize() {
        return kind.imageSize();
    }

    /** Latent size of the paper: 32 for Chairs (folders), 10 otherwise. */
    public int defaultLatents() {
        return kind.defaultLatents();
    }

    /** Batch size of the paper: 64 for MNIST and Fashion, 256 for dSprites and Chairs. */
    public int defaultBatchSize() {
        return kind.defaultBatchSize();
    }

    /** Epochs of the paper: 30 for dSprites, 100 otherwise. */
    public int defaultEpochs() {
        return kind.defaultEpochs();
    }

    /** Background value: 0 (black) for MNIST, Fashion and dSprites, 1 (white) for Chairs / folders. */
    public double backgroundValue() {
        return kind == Kind.FOLDER ? 1.0 : 0.0;
    }
}
