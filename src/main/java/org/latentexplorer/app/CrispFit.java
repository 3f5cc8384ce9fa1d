package org.latentexplorer.app;

import javafx.beans.InvalidationListener;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * Sizes an image to the space it has so that its pixels stay crisp: the largest whole-number scale that fits
 * (each image pixel an n×n block, nearest neighbour), or, when even 1× does not fit, the largest fractional scale
 * that does, filtered (a shrunken grid's lines and row labels would break up under nearest neighbour).
 */
final class CrispFit {
    private CrispFit() {
    }

    /** The scale for an {@code w}×{@code h} image in {@code availW}×{@code availH}; 0 when either is empty. */
    static double scale(double w, double h, double availW, double availH) {
        if (w <= 0 || h <= 0 || availW <= 0 || availH <= 0) {
            return 0;
        }
        double fit = Math.min(availW / w, availH / h);
        return fit >= 1 ? Math.floor(fit) : fit;
    }

    /** Keeps {@code view}'s size the crisp fit of its image in {@code space} less {@code inset} on each side. */
    static void bind(ImageView view, Region space, double inset) {
        view.setPreserveRatio(true);
        InvalidationListener update = o -> {
            Image image = view.getImage();
            if (image == null) {
                return;
            }
            double s = scale(image.getWidth(), image.getHeight(), space.getWidth() - 2 * inset,
                    space.getHeight() - 2 * inset);
            view.setSmooth(s < 1);
            view.setFitWidth(Math.max(1, image.getWidth() * s));
            view.setFitHeight(Math.max(1, image.getHeight() * s));
        };
        view.imageProperty().addListener(update);
        space.widthProperty().addListener(update);
        space.heightProperty().addListener(update);
    }
}
