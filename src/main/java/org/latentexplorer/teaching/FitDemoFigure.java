package org.latentexplorer.teaching;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.svg.SVGGraphics2D;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.IsotropicGaussian2d;
import org.latentexplorer.render.export.ChartExport;
import org.latentexplorer.render.export.ExportMetadata;
import org.latentexplorer.render.export.PngExport;

/**
 * Draws the Fig 2 teaching figure: one square panel per objective over the plot area, the data as a black
 * scatter (each point at opacity 0.05, as in the paper) and the fitted Gaussian as five contours at 0.5σ … 2.5σ
 * (an isotropic Gaussian's level sets are circles). The same painter serves the app (onto an image) and the
 * exports (PNG, or SVG with the scatter embedded as an image and the contours as vectors).
 * <p>
 * Stateless; {@link Scatter} rasters are immutable once made and can be reused while only the fits change.
 */
public final class FitDemoFigure {
    /** Panels per row. */
    public static final int COLUMNS = 3;
    private static final int TITLE = 30;
    private static final int FOOTER = 44;
    private static final int GAP = 12;
    private static final Color FIT = new Color(214, 39, 40);
    /** Points at or below which the scatter draws dots instead of a density raster (drawn data). */
    static final int FEW_POINTS = 2000;

    private FitDemoFigure() {
    }

    /**
     * Where the panels lie on a page: panel {@code i}'s plot is the square at ({@link #plotX}, {@link #plotY}) of side
     * {@link #plotSize}, showing [lo, hi]² with y up.
     */
    public record Layout(int width, int height, int panels, int plotSize, double lo, double hi) {
        public int columns() {
            return Math.min(COLUMNS, panels);
        }

        public int rows() {
            return (panels + columns() - 1) / columns();
        }

        public int plotX(int panel) {
            int used = columns() * plotSize + (columns() - 1) * GAP;
            return (width - used) / 2 + (panel % columns()) * (plotSize + GAP);
        }

        public int plotY(int panel) {
            return GAP + TITLE + (panel / columns()) * (plotSize + TITLE + GAP);
        }

        /** The panel under page pixel (px, py), or −1. */
        public int panelAt(double px, double py) {
            for (int i = 0; i < panels; i++) {
                if (px >= plotX(i) && px < plotX(i) + plotSize && py >= plotY(i) && py < plotY(i) + plotSize) {
                    return i;
                }
            }
            return -1;
        }

        /** Data coordinates {x, y} of page pixel (px, py) in panel {@code i}. */
        public double[] toData(int panel, double px, double py) {
            double s = (hi - lo) / plotSize;
            return new double[] {lo + (px - plotX(panel)) * s, hi - (py - plotY(panel)) * s};
        }

        double px(int panel, double x) {
            return plotX(panel) + (x - lo) / (hi - lo) * plotSize;
        }

        double py(int panel, double y) {
            return plotY(panel) + (hi - y) / (hi - lo) * plotSize;
        }
    }

    /** The layout of {@code panels} panels on a {@code width}×{@code height} page. */
    public static Layout layout(int width, int height, int panels, double lo, double hi) {
        int cols = Math.min(COLUMNS, panels);
        int rows = (panels + cols - 1) / cols;
        int byWidth = (width - (cols + 1) * GAP) / cols;
        int byHeight = (height - FOOTER - GAP - rows * (TITLE + GAP)) / rows;
        return new Layout(width, height, panels, Math.max(8, Math.min(byWidth, byHeight)), lo, hi);
    }

    /** The data drawn once for a plot size: a greyscale raster (or, for few points, the points themselves). */
    public static final class Scatter {
        private final BufferedImage raster;
        private final FitDemoData data;
        private final int size;

        private Scatter(BufferedImage raster, FitDemoData data, int size) {
            this.raster = raster;
            this.data = data;
            this.size = size;
        }

        public int size() {
            return size;
        }

        public FitDemoData data() {
            return data;
        }
    }

    /** Rasterises the data for plots of side {@code size} over [lo, hi]²: 1 − 0.95^(points in the pixel). */
    public static Scatter scatter(FitDemoData data, int size, double lo, double hi) {
        if (data.size() <= FEW_POINTS) {
            return new Scatter(null, data, size);
        }
        int[] counts = new int[size * size];
        double s = size / (hi - lo);
        for (int i = 0; i < data.size(); i++) {
            int px = (int) Math.floor((data.x(i) - lo) * s);
            int py = (int) Math.floor((hi - data.y(i)) * s);
            if (px >= 0 && px < size && py >= 0 && py < size) {
                counts[py * size + px]++;
            }
        }
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[size * size];
        for (int i = 0; i < rgb.length; i++) {
            int v = (int) Math.round(255 * Math.pow(0.95, counts[i]));
            rgb[i] = (v << 16) | (v << 8) | v;
        }
        img.setRGB(0, 0, size, size, rgb, 0, size);
        return new Scatter(img, data, size);
    }

    /** Paints the page: white background, one panel per fit, a footer line. */
    public static void paint(Graphics2D g, Layout l, Scatter scatter, GaussianFitter.Frame frame, String footer) {
        boolean notebook = frame.form() == org.latentexplorer.divergence.FitForm.NOTEBOOK;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, l.width(), l.height());
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, Math.min(22, l.plotSize() / 18)));
        for (int i = 0; i < frame.fits().size() && i < l.panels(); i++) {
            GaussianFitter.Fit fit = frame.fits().get(i);
            int x = l.plotX(i);
            int y = l.plotY(i);
            int size = l.plotSize();
            java.awt.Shape clip = g.getClip();
            g.clipRect(x, y, size, size);
            if (scatter.raster != null) {
                g.drawImage(scatter.raster, x, y, size, size, null);
            } else {
                g.setColor(new Color(0, 0, 0, 150));
                double r = Math.max(2, size / 120.0);
                FitDemoData d = scatter.data;
                for (int k = 0; k < d.size(); k++) {
                    g.fill(new Ellipse2D.Double(l.px(i, d.x(k)) - r, l.py(i, d.y(k)) - r, 2 * r, 2 * r));
                }
            }
            IsotropicGaussian2d q = fit.gaussian();
            g.setColor(FIT);
            g.setStroke(new BasicStroke(Math.max(1.2f, size / 250f)));
            double cx = l.px(i, q.meanX());
            double cy = l.py(i, q.meanY());
            for (int c = 1; c <= 5; c++) {
                double r = 0.5 * c * q.sigma() / (l.hi() - l.lo()) * size;
                g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
            }
            g.setClip(clip);
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(x, y, size, size);
            g.setColor(Color.BLACK);
            g.setFont(titleFont);
            String name = titleFont.canDisplayUpTo(fit.objective().symbol()) < 0 ? fit.objective().symbol() : fit.objective().label();
            String title = String.format(Locale.ROOT, "%s%s = %.4g", name, notebook && fit.objective().hasNotebookForm()
                    ? " (notebook)" : "", fit.value());
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, x + (size - fm.stringWidth(title)) / 2, y - 8);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, Math.min(16, l.plotSize() / 26))));
        g.setColor(Color.DARK_GRAY);
        String[] lines = footer.split("\n");
        int lineHeight = g.getFontMetrics().getHeight();
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], GAP, l.height() - 8 - (lines.length - 1 - i) * lineHeight);
        }
    }

    /** An empty page: the panels' frames and the footer, for data still to be drawn by clicking. */
    public static BufferedImage empty(Layout l, String footer) {
        BufferedImage img = new BufferedImage(l.width(), l.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, l.width(), l.height());
            g.setColor(Color.GRAY);
            for (int i = 0; i < l.panels(); i++) {
                g.drawRect(l.plotX(i), l.plotY(i), l.plotSize(), l.plotSize());
            }
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, Math.min(16, l.plotSize() / 26))));
            g.drawString(footer, GAP, l.height() - 8);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The page as an opaque image. */
    public static BufferedImage image(Layout l, Scatter scatter, GaussianFitter.Frame frame, String footer) {
        BufferedImage img = new BufferedImage(l.width(), l.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paint(g, l, scatter, frame, footer);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Writes the page to {@code file}: {@code .png} (the metadata in text chunks) or {@code .svg} (in an XML comment).
     *
     * @throws UserInputException for another extension or a page larger than {@link ChartExport#MAX_SIZE}
     */
    public static void write(Path file, Layout l, Scatter scatter, GaussianFitter.Frame frame, String footer,
                             Map<String, String> metadata) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw UserInputException.forFile(file, "unsupported figure format; accepted extensions are .png and .svg");
        }
        if (l.width() < 100 || l.height() < 100 || l.width() > ChartExport.MAX_SIZE || l.height() > ChartExport.MAX_SIZE) {
            throw UserInputException.forFile(file, "figure size " + l.width() + "×" + l.height() + " is outside 100.."
                    + ChartExport.MAX_SIZE + " pixels");
        }
        if (name.endsWith(".png")) {
            PngExport.write(image(l, scatter, frame, footer), file, metadata);
        } else {
            SVGGraphics2D g = new SVGGraphics2D(l.width(), l.height());
            paint(g, l, scatter, frame, footer);
            AtomicFiles.write(file, ExportMetadata.intoSvg(g.getSVGDocument(), metadata).getBytes(StandardCharsets.UTF_8));
        }
    }
}
