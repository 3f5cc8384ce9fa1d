package org.latentexplorer.cli;

import java.nio.file.Path;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.model.VaeModel;

/** Rejects a model and data set that do not fit together, naming both. */
final class CompatibilityCheck {
    private CompatibilityCheck() {
    }

    static void requireImageSize(Path modelFile, VaeModel model, Dataset data) {
        int size = model.architecture().imageSize();
        if (data.height() != size || data.width() != size) {
            throw UserInputException.forFile(modelFile, "the model takes " + size + "x" + size + " images but "
                    + data.description() + " has " + data.width() + "x" + data.height() + " images");
        }
    }
}
