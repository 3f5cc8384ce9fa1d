package org.latentexplorer.render.traversal;

import java.util.Objects;

/**
 * An interpolation strip: {@code steps} images from anchor a to anchor b inclusive (t = i/(steps−1)),
 * laid out in one row like the traversal grid.
 *
 * @param background the data set's background intensity in [0, 1]; padding is drawn at 1 − background
 */
public record InterpolationSpec(InterpolationMethod method, int steps, int padding, double background) {
    public InterpolationSpec {
        Objects.requireNonNull(method, "method");
        if (steps < 2 || steps > TraversalSpec.MAX_STEPS) {
            throw new IllegalArgumentException("interpolation steps must be between 2 and " + TraversalSpec.MAX_STEPS
                    + " (both ends included), got " + steps);
        }
        if (padding < 0 || padding > 64) {
            throw new IllegalArgumentException("strip padding must be between 0 and 64 pixels, got " + padding);
        }
        if (!(background >= 0 && background <= 1)) {
            throw new IllegalArgumentException("background intensity must lie in [0, 1], got " + background);
        }
    }

    /** {@code steps} images, padding 2, black background. */
    public static InterpolationSpec of(InterpolationMethod method, int steps) {
        return new InterpolationSpec(method, steps, 2, 0.0);
    }

    public float padValue() {
        return (float) (1.0 - background);
    }
}
