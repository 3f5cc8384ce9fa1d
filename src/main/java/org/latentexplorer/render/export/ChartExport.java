package org.latentexplorer.render.export;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.BuildInfo;
import org.latentexplorer.common.UserInputException;

/** Writes charts as PNG (with text metadata) or SVG, chosen by the file extension. Files are written atomically. */
public final class ChartExport {
    /** Largest accepted width or height in pixels. */
    public static final int MAX_SIZE = 20_000;

    private ChartExport() {
    }

    /** As {@link #write(JFreeChart, Path, int, int, Map)} with only the Software text chunk. */
    public static void write(JFreeChart chart, Path file, int width, int height) {
        write(chart, file, width, height, Map.of());
    }

    /**
     * Writes {@code chart} to {@code file}: {@code .png} (text chunks: Software plus {@code pngText}) or
     * {@code .svg} (the same text in an XML comment), case-insensitive.
     *
     * @throws UserInputException for another extension (naming the file and the accepted ones) or a bad size
     */
    public static void write(JFreeChart chart, Path file, int width, int height, Map<String, String> pngText) {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(file, "file");
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        boolean svg = name.endsWith(".svg");
        if (!png && !svg) {
            throw UserInputException.forFile(file, "unsupported chart format; accepted extensions are .png and .svg");
        }
        if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
            throw UserInputException.forFile(file, "chart size " + width + "×" + height + " is outside 1.." + MAX_SIZE
                    + " pixels");
        }
        Map<String, String> text = new LinkedHashMap<>();
        text.put(PngExport.SOFTWARE, software());
        text.putAll(pngText);
        if (png) {
            PngExport.write(toImage(chart, width, height), file, text);
        } else {
            AtomicFiles.write(file, ExportMetadata.intoSvg(toSvg(chart, width, height), text).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The chart drawn on an opaque RGB image. */
    public static BufferedImage toImage(JFreeChart chart, int width, int height) {
        return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    }

    /** The chart as an SVG document (text kept as text elements). */
    public static String toSvg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }

    /** The Software text chunk's value: "Latent Explorer", the application version and the git commit. */
    public static String software() {
        return BuildInfo.software();
    }
}
