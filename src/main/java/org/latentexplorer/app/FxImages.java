package org.latentexplorer.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.latentexplorer.render.traversal.GridImage;

/** Conversions between the library's images and JavaFX images (pixel copies, no scaling). */
public final class FxImages {
    private FxImages() {
    }

    /** The exact grid (no label margin). */
    public static WritableImage of(GridImage grid) {
        WritableImage image = new WritableImage(grid.width(), grid.height());
        image.getPixelWriter().setPixels(0, 0, grid.width(), grid.height(), PixelFormat.getByteRgbInstance(), grid.rgb(), 0,
                grid.width() * 3);
        return image;
    }

    /** An AWT image (e.g. a grid with its labels). */
    public static WritableImage of(BufferedImage awt) {
        int w = awt.getWidth();
        int h = awt.getHeight();
        int[] argb = awt.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            argb[i] |= 0xff000000;
        }
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return image;
    }

    /** An image from C×H×W values in [0, 1]: grey for C = 1, RGB planes for C = 3. */
    public static WritableImage image(float[] pixels, int channels, int height, int width) {
        if (channels == 1) {
            return grey(pixels, 0, height, width);
        }
        int plane = height * width;
        byte[] rgb = new byte[plane * 3];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                rgb[3 * i + c] = (byte) Math.round(Math.max(0f, Math.min(1f, pixels[c * plane + i])) * 255f);
            }
        }
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getByteRgbInstance(), rgb, 0, width * 3);
        return image;
    }

    /** A greyscale image from H×W values in [0, 1], starting at {@code offset}. */
    public static WritableImage grey(float[] pixels, int offset, int height, int width) {
        byte[] rgb = new byte[height * width * 3];
        for (int i = 0; i < height * width; i++) {
            int v = Math.round(Math.max(0f, Math.min(1f, pixels[offset + i])) * 255f);
            rgb[3 * i] = (byte) v;
            rgb[3 * i + 1] = (byte) v;
            rgb[3 * i + 2] = (byte) v;
        }
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getByteRgbInstance(), rgb, 0, width * 3);
        return image;
    }

    /** Copies an FX image to an AWT one. */
    public static BufferedImage toAwt(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /** Snapshots a node (FX thread) and writes it as PNG. */
    public static void snapshot(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        ImageIO.write(toAwt(image), "png", file.toFile());
    }
}
