package org.latentexplorer.cli;

import java.nio.file.Path;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.Datasets;
import org.latentexplorer.model.VaeModel;

/** Rejects a model and data set that do not fit together, naming the model file as well as the data set. */
final class CompatibilityCheck {
    private CompatibilityCheck() {
    }

    /** {@link Datasets#requireImageSize}, with the model file's path in front of the message. */
    static void requireImageSize(Path modelFile, VaeModel model, Dataset data) {
        try {
            Datasets.requireImageSize(data, model.architecture().imageSize());
        } catch (UserInputException e) {
            throw UserInputException.forFile(modelFile, e.getMessage(), e);
        }
    }
}
