package org.latentexplorer.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Turns a decoded image into the 8-bit greyscale square a folder data set serves.
 *
 * <ul>
 *   <li>Colour to grey with Pillow's {@code convert("L")} fixed-point formula
 *       {@code L = (19595·R + 38470·G + 7471·B + 0x8000) >> 16} (≈ 0.299R + 0.587G + 0.114B,
 *       rounded). Grey images are taken as stored (16-bit grey scaled by 255/65535 and rounded),
 *       without the gamma conversion that {@link BufferedImage#getRGB} would apply.</li>
 *   <li>Transparency is composited over white, {@code round((L·a + 255·(255 − a)) / 255)}, so a
 *       transparent background becomes the white background of Chairs-like data (PIL's
 *       {@code convert} would instead drop alpha and keep whatever colour lies underneath).</li>
 *   <li>Resizing by exact area averaging: each output pixel is the mean of the source region it
 *       covers, weighting partly covered source pixels by their covered fraction (as OpenCV's
 *       INTER_AREA does when shrinking), then rounded to the nearest uint8. This anti-aliases like
 *       PIL's Lanczos resize without its ringing. When enlarging, the same rule mixes the (at most
 *       two per axis) source pixels an output pixel overlaps. Same size: the identity.</li>
 * </ul>
 *
 * Invariant: the result is exactly {@code size·size} bytes (unsigned 0..255), row-major.
 */
final class GreyImages {
    private GreyImages() {
    }

    /** Grey (0..255), composited over white, then area-resized to size×size. */
    static byte[] toGreySquare(BufferedImage img, int size) {
        int w = img.getWidth();
        int h = img.getHeight();
        return resize(grey(img), w, h, size);
    }

    /** The 8-bit grey value of every pixel, row-major, transparency composited over white. */
    static int[] grey(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] out = new int[w * h];
        ColorModel cm = img.getColorModel();
        if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel)) {
            Raster raster = img.getRaster();
            int greyMax = (1 << cm.getComponentSize(0)) - 1;
            boolean alpha = cm.hasAlpha() && raster.getNumBands() > 1;
            int alphaMax = alpha ? (1 << cm.getComponentSize(1)) - 1 : 1;
            int[] g = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            int[] a = alpha ? raster.getSamples(0, 0, w, h, 1, (int[]) null) : null;
            for (int i = 0; i < out.length; i++) {
                int l = greyMax == 255 ? g[i] : (int) Math.round(g[i] * 255.0 / greyMax);
                int a8 = alpha ? (alphaMax == 255 ? a[i] : (int) Math.round(a[i] * 255.0 / alphaMax)) : 255;
                out[i] = overWhite(l, a8);
            }
            return out;
        }
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < out.length; i++) {
            int p = argb[i];
            int l = luminance((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
            out[i] = overWhite(l, p >>> 24);
        }
        return out;
    }

    /** Pillow's RGB → L. */
    static int luminance(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    /** Grey {@code l} with alpha {@code a} (0..255) over a white background, rounded. */
    static int overWhite(int l, int a) {
        if (a == 255) {
            return l;
        }
        return (l * a + 255 * (255 - a) + 127) / 255;
    }

    /** Exact area-average resize of a w×h grey plane to size×size, rounded to uint8. */
    static byte[] resize(int[] grey, int w, int h, int size) {
        byte[] out = new byte[size * size];
        if (w == size && h == size) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) grey[i];
            }
            return out;
        }
        double sx = (double) w / size;
        double sy = (double) h / size;
        for (int oy = 0; oy < size; oy++) {
            double y0 = oy * sy;
            double y1 = Math.min(h, y0 + sy);
            int yStart = Math.min(h - 1, (int) Math.floor(y0));
            int yEnd = Math.max(yStart + 1, Math.min(h, (int) Math.ceil(y1)));
            for (int ox = 0; ox < size; ox++) {
                double x0 = ox * sx;
                double x1 = Math.min(w, x0 + sx);
                int xStart = Math.min(w - 1, (int) Math.floor(x0));
                int xEnd = Math.max(xStart + 1, Math.min(w, (int) Math.ceil(x1)));
                double sum = 0;
                double area = 0;
                for (int y = yStart; y < yEnd; y++) {
                    double wy = Math.min(y + 1, y1) - Math.max(y, y0);
                    if (wy <= 0) {
                        continue;
                    }
                    for (int x = xStart; x < xEnd; x++) {
                        double wx = Math.min(x + 1, x1) - Math.max(x, x0);
                        if (wx > 0) {
                            sum += wx * wy * grey[y * w + x];
                            area += wx * wy;
                        }
                    }
                }
                long v = area > 0 ? Math.round(sum / area) : grey[yStart * w + xStart];
                out[oy * size + ox] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return out;
    }
}
