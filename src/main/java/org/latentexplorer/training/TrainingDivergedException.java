package org.latentexplorer.training;

import org.latentexplorer.common.UserInputException;

/**
 * A step produced NaN or infinite values. The message says which quantity, where, what was kept,
 * and what to try; nothing already saved is touched.
 */
public class TrainingDivergedException extends UserInputException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
