package org.latentexplorer.render.traversal;

/**
 * The layout of {@code torchvision.utils.make_grid(tensor, nrow, padding, normalize=False, pad_value)}
 * followed by {@code save_image}'s byte conversion, for single-channel images repeated to RGB and for
 * 3-channel (RGB, planar C×H×W) images.
 * <p>
 * With {@code xmaps = min(nrow, n)} and {@code ymaps = ceil(n / xmaps)} the grid is
 * {@code xmaps·(W+padding)+padding} wide and {@code ymaps·(H+padding)+padding} high, filled with
 * {@code pad_value}; image k goes to row {@code k / xmaps}, column {@code k % xmaps}, its top-left
 * corner at ({@code col·(W+padding)+padding}, {@code row·(H+padding)+padding}). Intensities become
 * bytes as {@code uint8(clamp(x·255 + 0.5, 0, 255))} in float32 (NaN becomes 0).
 * (make_grid returns a lone image unpadded; here n = 1 is padded like any other count.)
 */
public final class MakeGrid {
    private MakeGrid() {
    }

    /** {@code uint8(clamp(x·255 + 0.5, 0, 255))} in float32; NaN maps to 0. */
    public static int toByte(float x) {
        float v = x * 255f + 0.5f;
        if (!(v > 0f)) {
            return 0;
        }
        if (v >= 255f) {
            return 255;
        }
        return (int) v;
    }

    /** Grid width for {@code n} images of width {@code w} with {@code nrow} per row. */
    public static int width(int n, int nrow, int w, int padding) {
        return Math.min(nrow, n) * (w + padding) + padding;
    }

    /** Grid height for {@code n} images of height {@code h} with {@code nrow} per row. */
    public static int height(int n, int nrow, int h, int padding) {
        int xmaps = Math.min(nrow, n);
        int ymaps = (n + xmaps - 1) / xmaps;
        return ymaps * (h + padding) + padding;
    }

    /**
     * Lays out n images (n×H×W row-major) as packed RGB bytes (3 per pixel, row-major, grey repeated).
     *
     * @throws IllegalArgumentException if the image array does not hold n×H×W values
     */
    public static byte[] layout(float[] images, int n, int h, int w, int nrow, int padding, float padValue) {
        return layout(images, n, 1, h, w, nrow, padding, padValue);
    }

    /**
     * Lays out n images of {@code channels} planes (n×C×H×W row-major, C = 1 grey or 3 RGB) as packed
     * RGB bytes.
     *
     * @throws IllegalArgumentException if the image array does not hold n×C×H×W values
     */
    public static byte[] layout(float[] images, int n, int channels, int h, int w, int nrow, int padding, float padValue) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images must have 1 or 3 channels, got " + channels);
        }
        if (n < 1 || h < 1 || w < 1 || nrow < 1 || padding < 0) {
            throw new IllegalArgumentException("bad grid geometry n=" + n + " h=" + h + " w=" + w + " nrow=" + nrow
                    + " padding=" + padding);
        }
        if (images.length != (long) n * channels * h * w) {
            throw new IllegalArgumentException("expected " + ((long) n * channels * h * w) + " pixel values for " + n + " images of "
                    + channels + "×" + h + "×" + w + ", got " + images.length);
        }
        byte[] rgb = blank(n, h, w, nrow, padding, padValue);
        place(rgb, images, 0, n, n, channels, h, w, nrow, padding);
        return rgb;
    }

    /** The grid of n images, all padding: {@link #place} then fills in the images. */
    public static byte[] blank(int n, int h, int w, int nrow, int padding, float padValue) {
        if (n < 1 || h < 1 || w < 1 || nrow < 1 || padding < 0) {
            throw new IllegalArgumentException("bad grid geometry n=" + n + " h=" + h + " w=" + w + " nrow=" + nrow
                    + " padding=" + padding);
        }
        long bytes = (long) width(n, nrow, w, padding) * height(n, nrow, h, padding) * 3;
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a grid of " + n + " images of " + h + "×" + w + " is too large for one image");
        }
        byte[] rgb = new byte[(int) bytes];
        java.util.Arrays.fill(rgb, (byte) toByte(padValue));
        return rgb;
    }

    /**
     * Draws images {@code first .. first+count-1} of a grid of n into {@code rgb} (from {@link #blank}), so
     * that a grid can be filled chunk by chunk; {@code images} holds just those count images
     * (count×C×H×W, C = 1 grey or 3 RGB planes).
     */
    public static void place(byte[] rgb, float[] images, int first, int count, int n, int channels, int h, int w, int nrow,
                             int padding) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images must have 1 or 3 channels, got " + channels);
        }
        if (first < 0 || count < 0 || first + count > n || images.length < (long) count * channels * h * w) {
            throw new IllegalArgumentException("images " + first + ".." + (first + count - 1) + " are not within a grid of " + n);
        }
        int xmaps = Math.min(nrow, n);
        int gridW = width(n, nrow, w, padding);
        int plane = h * w;
        int green = channels == 3 ? plane : 0;
        int blue = channels == 3 ? 2 * plane : 0;
        for (int j = 0; j < count; j++) {
            int k = first + j;
            int top = (k / xmaps) * (h + padding) + padding;
            int left = (k % xmaps) * (w + padding) + padding;
            int src = j * channels * plane;
            for (int y = 0; y < h; y++) {
                int dst = ((top + y) * gridW + left) * 3;
                for (int x = 0; x < w; x++) {
                    int i = src + y * w + x;
                    rgb[dst++] = (byte) toByte(images[i]);
                    rgb[dst++] = (byte) toByte(images[i + green]);
                    rgb[dst++] = (byte) toByte(images[i + blue]);
                }
            }
        }
    }
}
