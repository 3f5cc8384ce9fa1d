package org.latentexplorer.app;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * One JavaFX image that decoded tiles are written into in place: a slider drag shows tens of frames a second
 * without allocating an image (and its texture) per frame. A tile of another size gets a new image.
 */
final class LiveImage {
    private WritableImage image;
    private byte[] rgb = new byte[0];

    /** Writes {@code t} (C×H×W in [0, 1], C = 1 grey or 3 RGB) into the image and returns the image. */
    WritableImage show(TraverseViewModel.Tile t) {
        int w = t.width();
        int h = t.height();
        int plane = w * h;
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            rgb = new byte[plane * 3];
        }
        float[] p = t.pixels();
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                float v = p[(t.channels() == 1 ? 0 : c) * plane + i];
                rgb[3 * i + c] = (byte) Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
            }
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteRgbInstance(), rgb, 0, w * 3);
        return image;
    }
}
