package org.latentexplorer.render.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.render.traversal.BarDecoder;
import org.latentexplorer.render.traversal.GridImage;
import org.latentexplorer.render.traversal.TraversalGrid;
import org.latentexplorer.render.traversal.TraversalSpec;

class GifExportTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path dir;

    @Test
    void oneFramePerTraversalColumnLosslessAndLooping() throws IOException {
        GridImage g = TraversalGrid.render(TraversalSpec.paper(), new BarDecoder(4, 12, 10));
        Path file = dir.resolve("traversal.gif");
        java.util.Map<String, String> provenance = new java.util.LinkedHashMap<>();
        provenance.put(PngExport.SETTINGS, "traverse; steps=10");
        provenance.put(PngExport.MODEL, "file=m.zip; sha256=ab12");
        GifExport.writeTraversalColumns(file, g, 120, provenance);
        assertEquals(List.of(PngExport.SETTINGS + ": traverse; steps=10\n" + PngExport.MODEL + ": file=m.zip; sha256=ab12\n"),
                GifExport.readComments(Files.readAllBytes(file)), "the provenance is the first frame's comment");
        GifExport.GifSummary s = GifExport.inspect(file);
        assertEquals(10, s.frames());
        assertEquals(10 + 4, s.width());
        assertEquals(g.height(), s.height());
        assertEquals(Collections.nCopies(10, 12), s.delaysCentiseconds());
        assertTrue(s.loopsForever());
        List<BufferedImage> frames = GifExport.readFrames(Files.readAllBytes(file));
        for (int j = 0; j < 10; j++) {
            BufferedImage expected = g.columnStrip(j);
            BufferedImage got = frames.get(j);
            for (int y = 0; y < expected.getHeight(); y++) {
                for (int x = 0; x < expected.getWidth(); x++) {
                    assertEquals(expected.getRGB(x, y) & 0xFFFFFF, got.getRGB(x, y) & 0xFFFFFF, "frame " + j + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void colourFramesAreQuantisedButWritten() {
        BufferedImage a = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
        a.setRGB(1, 1, 0xFF0000);
        b.setRGB(2, 2, 0x00FF00);
        GifExport.GifSummary s = GifExport.inspect(GifExport.encode(List.of(a, b), 40));
        assertEquals(2, s.frames());
        assertEquals(5, s.width());
        assertEquals(List.of(4, 4), s.delaysCentiseconds());
        BufferedImage first = GifExport.readFrames(GifExport.encode(List.of(a, b), 40)).get(0);
        assertEquals(0xFF0000, first.getRGB(1, 1) & 0xFFFFFF);
    }

    @Test
    void framesWithMoreThan256ColoursAreQuantisedTo332() {
        BufferedImage rainbow = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                rainbow.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | ((x + y) * 3));
            }
        }
        BufferedImage back = GifExport.readFrames(GifExport.encode(List.of(rainbow), 0)).get(0);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                int a = rainbow.getRGB(x, y);
                int b = back.getRGB(x, y);
                assertTrue(Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) <= 19, "red at " + x + "," + y);
                assertTrue(Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)) <= 19, "green at " + x + "," + y);
                assertTrue(Math.abs((a & 0xff) - (b & 0xff)) <= 43, "blue at " + x + "," + y);
            }
        }
    }

    @Test
    void rejectsEmptyMixedSizesAndBadDelays() {
        BufferedImage a = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        assertThrows(IllegalArgumentException.class, () -> GifExport.encode(List.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> GifExport.encode(List.of(a, b), 10));
        assertThrows(IllegalArgumentException.class, () -> GifExport.encode(List.of(a), -1));
    }
}
