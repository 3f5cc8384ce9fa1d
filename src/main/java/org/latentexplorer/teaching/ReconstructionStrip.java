package org.latentexplorer.teaching;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.latentexplorer.model.Reconstruction;

/**
 * Originals above their reconstructions, with each image's reconstruction error in the model's own term
 * (docs/method.md §2: per-image sum over pixels; MSE without ½, or Bernoulli cross-entropy with each log clamped
 * at −100). Immutable.
 *
 * @param originals       n×H×W values in [0, 1]
 * @param reconstructions n×H×W decoder means at z = μ
 */
public record ReconstructionStrip(float[] originals, float[] reconstructions, int n, int height, int width, int[] indices,
                                  double[] errors, Reconstruction kind) {
    private static final int PAD = 4;
    private static final int LABEL = 18;

    public ReconstructionStrip {
        if (n < 1 || originals.length != n * height * width || reconstructions.length != originals.length
                || errors.length != n || indices.length != n) {
            throw new IllegalArgumentException("a reconstruction strip needs n×H×W originals and reconstructions and n errors, got "
                    + originals.length + " and " + reconstructions.length + " values, " + errors.length + " errors for n=" + n);
        }
    }

    /** The strip of {@code originals} and {@code reconstructions}, computing each image's error. */
    public static ReconstructionStrip of(float[] originals, float[] reconstructions, int n, int height, int width, int[] indices,
                                         Reconstruction kind) {
        double[] e = new double[n];
        int pixels = height * width;
        for (int i = 0; i < n; i++) {
            e[i] = error(originals, reconstructions, i * pixels, pixels, kind);
        }
        return new ReconstructionStrip(originals, reconstructions, n, height, width, indices, e, kind);
    }

    /** One image's error: Σ(x̂ − x)² or −Σ[x ln x̂ + (1 − x) ln(1 − x̂)] with logs clamped at −100. */
    public static double error(float[] x, float[] xHat, int offset, int pixels, Reconstruction kind) {
        double s = 0;
        for (int p = offset; p < offset + pixels; p++) {
            double a = x[p];
            double b = xHat[p];
            if (kind == Reconstruction.MSE) {
                s += (b - a) * (b - a);
            } else {
                s -= a * Math.max(Math.log(b), -100) + (1 - a) * Math.max(Math.log(1 - b), -100);
            }
        }
        return s;
    }

    public double meanError() {
        double s = 0;
        for (double e : errors) {
            s += e;
        }
        return s / n;
    }

    /** The strip drawn at {@code scale} pixels per image pixel: originals, reconstructions, error labels. */
    public BufferedImage image(int scale, String title) {
        int tile = width * scale;
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 13);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        int titleWidth = pg.getFontMetrics(titleFont).stringWidth(title);
        pg.dispose();
        int w = Math.max(n * (tile + PAD) + PAD + 110, titleWidth + 2 * PAD);
        int h = LABEL + 2 * (height * scale + PAD) + PAD + LABEL + 6;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            g.setFont(titleFont);
            g.drawString(title, PAD, 14);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int y0 = LABEL;
            int y1 = y0 + height * scale + PAD;
            g.drawString("original", n * (tile + PAD) + PAD + 6, y0 + tile / 2);
            g.drawString("reconstruction", n * (tile + PAD) + PAD + 6, y1 + tile / 2);
            g.drawString("(z = μ)", n * (tile + PAD) + PAD + 6, y1 + tile / 2 + 14);
            for (int i = 0; i < n; i++) {
                int x = PAD + i * (tile + PAD);
                draw(img, originals, i, x, y0, scale);
                draw(img, reconstructions, i, x, y1, scale);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%.1f", errors[i]), x, y1 + tile + LABEL);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private void draw(BufferedImage img, float[] values, int i, int x0, int y0, int scale) {
        int off = i * height * width;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int v = Math.round(Math.max(0f, Math.min(1f, values[off + r * width + c])) * 255f);
                int rgb = (v << 16) | (v << 8) | v;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        img.setRGB(x0 + c * scale + dx, y0 + r * scale + dy, rgb);
                    }
                }
            }
        }
    }
}
