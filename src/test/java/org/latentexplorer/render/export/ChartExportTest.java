package org.latentexplorer.render.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.evaluation.DivergenceCurves;
import org.latentexplorer.render.chart.AlphaCurves;
import org.latentexplorer.render.chart.AlphaCurvesTest;
import org.latentexplorer.render.chart.GaussianTeaching;
import org.latentexplorer.render.chart.GaussianTeachingTest;
import org.latentexplorer.render.chart.TeachingChart;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class ChartExportTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path dir;

    @Test
    void pngHasTheRequestedSizeAndMetadata() throws IOException {
        JFreeChart chart = AlphaCurves.divergenceChart("test", AlphaCurvesTest.sampleCurves());
        Path file = dir.resolve("div.PNG");
        ChartExport.write(chart, file, 640, 480, Map.of(PngExport.SETTINGS, "alpha grid 101"));
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        Map<String, String> text = PngExport.readText(file);
        assertEquals(ChartExport.software(), text.get(PngExport.SOFTWARE));
        assertEquals("alpha grid 101", text.get(PngExport.SETTINGS));
        // something blue (the JS^{Gα'} series) was drawn
        boolean blue = false;
        for (int y = 0; y < 480 && !blue; y++) {
            for (int x = 0; x < 640 && !blue; x++) {
                blue = (img.getRGB(x, y) & 0xFFFFFF) == (Color.BLUE.getRGB() & 0xFFFFFF);
            }
        }
        assertTrue(blue, "the blue series is visible");
    }

    @Test
    void svgIsWellFormedAndNamesTheSeries() throws Exception {
        JFreeChart chart = AlphaCurves.divergenceChart("divergence vs alpha", AlphaCurvesTest.sampleCurves());
        Path file = dir.resolve("div.svg");
        ChartExport.write(chart, file, 800, 600);
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(svg.contains("<!--\n" + PngExport.SOFTWARE + ": " + ChartExport.software()), "provenance comment");
        String text = doc.getDocumentElement().getTextContent();
        for (String name : new String[]{DivergenceCurves.JS_PRIME, DivergenceCurves.DUAL_PRIME, DivergenceCurves.JS_NIELSEN,
                DivergenceCurves.DUAL_NIELSEN, DivergenceCurves.KL_QP, "divergence vs alpha"}) {
            assertTrue(text.contains(name), "SVG text contains " + name);
        }
    }

    @Test
    void otherExtensionsAreRejectedByName() {
        JFreeChart chart = AlphaCurves.divergenceChart("x", AlphaCurvesTest.sampleCurves());
        Path bad = dir.resolve("chart.jpg");
        UserInputException e = assertThrows(UserInputException.class, () -> ChartExport.write(chart, bad, 100, 100));
        assertTrue(e.getMessage().contains("chart.jpg"), e.getMessage());
        assertTrue(e.getMessage().contains(".png") && e.getMessage().contains(".svg"), e.getMessage());
        assertFalse(Files.exists(bad));
        assertThrows(UserInputException.class, () -> ChartExport.write(chart, dir.resolve("noext"), 100, 100));
        assertThrows(UserInputException.class, () -> ChartExport.write(chart, dir.resolve("c.png"), 0, 100));
    }

    @Test
    void teachingPanelsExport() throws IOException {
        GaussianTeaching.Result r = GaussianTeachingTest.figureOne();
        for (TeachingChart.Panel p : TeachingChart.Panel.values()) {
            Path file = dir.resolve(p.name().toLowerCase() + ".svg");
            ChartExport.write(TeachingChart.chart(r, p), file, 400, 300);
            assertTrue(Files.readString(file).contains("<svg"), p.toString());
        }
    }
}
