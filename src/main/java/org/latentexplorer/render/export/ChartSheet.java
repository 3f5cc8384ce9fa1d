package org.latentexplorer.render.export;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.UserInputException;

/**
 * Several charts drawn side by side on one page (row-major, {@code columns} per row, every panel the same
 * size), written as PNG (with text metadata) or SVG like {@link ChartExport}. Used for multi-panel figures
 * such as Fig. 1. Files are written atomically.
 */
public final class ChartSheet {
    private ChartSheet() {
    }

    /**
     * Writes the charts to {@code file} ({@code .png} or {@code .svg}).
     *
     * @throws UserInputException for another extension or a page larger than {@link ChartExport#MAX_SIZE}
     */
    public static void write(List<JFreeChart> charts, int columns, int panelWidth, int panelHeight, Path file,
                             Map<String, String> pngText) {
        Objects.requireNonNull(file, "file");
        if (charts.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("a chart sheet needs at least one chart and one column");
        }
        int cols = Math.min(columns, charts.size());
        int rows = (charts.size() + cols - 1) / cols;
        int width = cols * panelWidth;
        int height = rows * panelHeight;
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw UserInputException.forFile(file, "unsupported chart format; accepted extensions are .png and .svg");
        }
        if (panelWidth < 1 || panelHeight < 1 || width > ChartExport.MAX_SIZE || height > ChartExport.MAX_SIZE) {
            throw UserInputException.forFile(file, "chart page " + width + "×" + height + " is outside 1.." + ChartExport.MAX_SIZE
                    + " pixels");
        }
        Map<String, String> text = new LinkedHashMap<>();
        text.put(PngExport.SOFTWARE, ChartExport.software());
        text.putAll(pngText);
        if (name.endsWith(".png")) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                draw(g, charts, cols, panelWidth, panelHeight, width, height);
            } finally {
                g.dispose();
            }
            PngExport.write(image, file, text);
        } else {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            draw(g, charts, cols, panelWidth, panelHeight, width, height);
            AtomicFiles.write(file, ExportMetadata.intoSvg(g.getSVGDocument(), text).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void draw(Graphics2D g, List<JFreeChart> charts, int cols, int pw, int ph, int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new Rectangle2D.Double((i % cols) * pw, (i / cols) * ph, pw, ph));
        }
    }
}
