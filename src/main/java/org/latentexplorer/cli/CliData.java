package org.latentexplorer.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Datasets;
import org.latentexplorer.data.Split;
import org.latentexplorer.model.VaeModel;

/** Opens a data set split for a command, applying {@code --limit}. */
final class CliData {
    private CliData() {
    }

    /** Opens a split and keeps {@code limit} examples (0 = all) chosen by {@code subset}. */
    static Dataset open(DatasetSpec spec, Split split, int limit, org.latentexplorer.data.Subset subset) {
        return subset.apply(spec.open(split), limit);
    }

    /**
     * Opens a data set for a model and checks that its images fit the model (the message names the model
     * file and the data set). {@code limit} 0 means all examples; a limit above the size uses them all;
     * otherwise the sample is spread evenly over the set ({@link org.latentexplorer.data.Subset#SPREAD}), so that
     * statistics of factor-ordered data such as dSprites see every factor.
     */
    static Dataset openFor(Path modelFile, VaeModel model, DatasetSpec spec, Split split, int limit) {
        Dataset data = spec.open(split);
        CompatibilityCheck.requireImageSize(modelFile, model, data);
        return limit > 0 && limit < data.size() ? Datasets.spread(data, limit) : data;
    }

    /**
     * Opens the data set a model file records (its manifest's provenance): a failure names the model
     * too, since the user did not name this data set.
     */
    static <T> T recorded(Path modelFile, String spec, java.util.function.Supplier<T> open) {
        try {
            return open.get();
        } catch (UserInputException e) {
            throw new UserInputException("the model " + modelFile + " was trained on '" + spec
                    + "', which cannot be opened here: " + e.getMessage()
                    + (e.getMessage().endsWith(".") ? "" : ".") + " Name another with --dataset (eval, curve, interpolate)"
                    + " or put the data back where it was.", e);
        }
    }

    /** {@code test} or {@code train}. */
    static Split split(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "test" -> Split.TEST;
            case "train" -> Split.TRAIN;
            default -> throw new UserInputException("--split must be test or train, got '" + text + "'");
        };
    }

    /**
     * The background intensity of a data set named by a spec (0 = black for MNIST, Fashion, dSprites; 1 = white
     * for image folders such as Chairs); 0 when the text is not a data set spec (e.g. a model trained in a test).
     */
    static double background(String datasetSpec) {
        try {
            return DatasetSpec.parse(datasetSpec).backgroundValue();
        } catch (UserInputException e) {
            return 0.0;
        }
    }

    /** {@code --background}: black, white or an intensity in [0, 1]; null keeps {@code fallback}. */
    static double background(String option, double fallback) {
        if (option == null) {
            return fallback;
        }
        String t = option.trim().toLowerCase(Locale.ROOT);
        if (t.equals("black")) {
            return 0.0;
        }
        if (t.equals("white")) {
            return 1.0;
        }
        try {
            double v = Double.parseDouble(t);
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new UserInputException("--background: '" + option + "' is not black, white or an intensity in [0, 1]");
    }
}
