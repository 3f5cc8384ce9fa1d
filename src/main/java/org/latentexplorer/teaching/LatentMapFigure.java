package org.latentexplorer.teaching;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
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
import org.latentexplorer.render.export.ChartExport;
import org.latentexplorer.render.export.ExportMetadata;
import org.latentexplorer.render.chart.Jet;
import org.latentexplorer.render.export.PngExport;

/**
 * Draws a {@link LatentMap}: one dot per example at its first two principal coordinates, coloured by a factor's
 * class on the jet colormap (grey when no factor is chosen), with a colour key, axis titles giving the explained
 * variance, and an optional highlighted point. Writes PNG, SVG or CSV. Stateless.
 */
public final class LatentMapFigure {
    private static final int MARGIN = 50;
    private static final int KEY = 90;

    private LatentMapFigure() {
    }

    /** Where the map lies on a page: a square plot, the data range padded by 5%, y up. */
    public record Layout(int width, int height, int plotX, int plotY, int plotSize, double lo0, double hi0, double lo1, double hi1) {
        public double px(double x) {
            return plotX + (x - lo0) / (hi0 - lo0) * plotSize;
        }

        public double py(double y) {
            return plotY + (hi1 - y) / (hi1 - lo1) * plotSize;
        }

        /** Map coordinates {x, y} of page pixel (px, py). */
        public double[] toMap(double px, double py) {
            return new double[] {lo0 + (px - plotX) / plotSize * (hi0 - lo0), hi1 - (py - plotY) / plotSize * (hi1 - lo1)};
        }

        public boolean inside(double px, double py) {
            return px >= plotX && px <= plotX + plotSize && py >= plotY && py <= plotY + plotSize;
        }
    }

    public static Layout layout(LatentMap map, int width, int height) {
        double lo0 = Double.POSITIVE_INFINITY;
        double hi0 = Double.NEGATIVE_INFINITY;
        double lo1 = Double.POSITIVE_INFINITY;
        double hi1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < map.size(); i++) {
            lo0 = Math.min(lo0, map.x(i));
            hi0 = Math.max(hi0, map.x(i));
            lo1 = Math.min(lo1, map.y(i));
            hi1 = Math.max(hi1, map.y(i));
        }
        // one scale on both axes, so distances look like distances
        double half = Math.max(Math.max(hi0 - lo0, hi1 - lo1), 1e-9) * 0.55;
        double c0 = (lo0 + hi0) / 2;
        double c1 = (lo1 + hi1) / 2;
        int size = Math.max(50, Math.min(width - 2 * MARGIN - KEY, height - 2 * MARGIN));
        return new Layout(width, height, MARGIN, MARGIN, size, c0 - half, c0 + half, c1 - half, c1 + half);
    }

    /** The colour of point {@code i} for factor {@code factor} (−1: none). */
    public static Color color(LatentMap map, int i, int factor) {
        if (factor < 0 || factor >= map.factorNames().size()) {
            return new Color(70, 70, 70);
        }
        int n = map.classCount(factor);
        return Jet.color(n <= 1 ? 0.5 : (double) map.factorClass(i, factor) / (n - 1));
    }

    public static void paint(Graphics2D g, Layout l, LatentMap map, int factor, int highlight, String title) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, l.width(), l.height());
        double r = Math.max(2, l.plotSize() / 180.0);
        for (int i = 0; i < map.size(); i++) {
            Color c = color(map, i, factor);
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
            g.fill(new Ellipse2D.Double(l.px(map.x(i)) - r, l.py(map.y(i)) - r, 2 * r, 2 * r));
        }
        if (highlight >= 0 && highlight < map.size()) {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2.5f));
            double hr = 4 * r;
            g.draw(new Ellipse2D.Double(l.px(map.x(highlight)) - hr, l.py(map.y(highlight)) - hr, 2 * hr, 2 * hr));
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.GRAY);
        g.drawRect(l.plotX(), l.plotY(), l.plotSize(), l.plotSize());
        g.setColor(Color.BLACK);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        g.setFont(font.deriveFont(Font.BOLD, 16f));
        g.drawString(title, l.plotX(), l.plotY() - 18);
        g.setFont(font);
        g.drawString(String.format(Locale.ROOT, "PC 1 (%.0f%% of the variance of μ)", 100 * map.explained(0)), l.plotX(),
                l.plotY() + l.plotSize() + 22);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(String.format(Locale.ROOT, "PC 2 (%.0f%%)", 100 * map.explained(1)), -(l.plotY() + l.plotSize()),
                l.plotX() - 10);
        rotated.dispose();
        if (factor >= 0 && factor < map.factorNames().size()) {
            int kx = l.plotX() + l.plotSize() + 20;
            int ky = l.plotY();
            int n = map.classCount(factor);
            int h = Math.min(l.plotSize(), 300);
            g.drawString(map.factorNames().get(factor), kx, ky - 4);
            for (int y = 0; y < h; y++) {
                g.setColor(Jet.color(1 - (double) y / (h - 1)));
                g.fillRect(kx, ky + y, 18, 1);
            }
            g.setColor(Color.BLACK);
            g.drawString(Integer.toString(n - 1), kx + 24, ky + 12);
            g.drawString("0", kx + 24, ky + h);
        }
    }

    public static BufferedImage image(Layout l, LatentMap map, int factor, int highlight, String title) {
        BufferedImage img = new BufferedImage(l.width(), l.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paint(g, l, map, factor, highlight, title);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Writes {@code .png}, {@code .svg} or {@code .csv} (the map's numbers), each carrying {@code metadata} (PNG text
     * chunks, an SVG comment, leading {@code #} lines of the CSV). Atomic.
     */
    public static void write(Path file, LatentMap map, int factor, int width, int height, String title,
                             Map<String, String> metadata) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            AtomicFiles.write(file, (ExportMetadata.lines(metadata, "# ") + map.toCsv()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw UserInputException.forFile(file, "unsupported format; accepted extensions are .png, .svg and .csv");
        }
        Layout l = layout(map, width, height);
        if (name.endsWith(".png")) {
            PngExport.write(image(l, map, factor, -1, title), file, metadata);
        } else {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            paint(g, l, map, factor, -1, title);
            AtomicFiles.write(file, ExportMetadata.intoSvg(g.getSVGDocument(), metadata).getBytes(StandardCharsets.UTF_8));
        }
    }
}
