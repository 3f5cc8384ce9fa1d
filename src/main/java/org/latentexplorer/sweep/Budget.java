package org.latentexplorer.sweep;

import org.latentexplorer.common.UserInputException;

/**
 * How long each run of a sweep trains: a number of epochs, or a number of images seen. Exactly one of the two is
 * set. An image budget N maps to epochs as {@link RunPlan} says (docs/method.md §9.2): each run trains
 * {@code ceil(N / L)} epochs on L examples, L being the sweep's limit or, without one, min(N, size of the set).
 *
 * @param epochs epochs per run, or 0 when the budget is in images
 * @param images images per run, or 0 when the budget is in epochs
 */
public record Budget(int epochs, long images) {
    public Budget {
        if ((epochs > 0) == (images > 0)) {
            throw new UserInputException("a sweep's budget is either epochs or images, both > 0; got epochs=" + epochs
                    + ", images=" + images);
        }
    }

    /** {@code n} epochs per run. */
    public static Budget epochs(int n) {
        if (n < 1) {
            throw new UserInputException("--epochs must be >= 1, got " + n);
        }
        return new Budget(n, 0);
    }

    /** {@code n} images seen per run. */
    public static Budget images(long n) {
        if (n < 1) {
            throw new UserInputException("--images must be >= 1, got " + n);
        }
        return new Budget(0, n);
    }

    /** Whether the budget is in images. */
    public boolean inImages() {
        return images > 0;
    }

    /** "30 epochs" or "4096 images". */
    public String describe() {
        return inImages() ? images + " images" : epochs + (epochs == 1 ? " epoch" : " epochs");
    }
}
