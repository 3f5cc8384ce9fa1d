package org.latentexplorer.render.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.render.traversal.BarDecoder;
import org.latentexplorer.render.traversal.GridImage;
import org.latentexplorer.render.traversal.TraversalGrid;
import org.latentexplorer.render.traversal.TraversalSpec;

class PngExportTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path dir;

    @Test
    void gridAndTextRoundTripThroughAFile() throws IOException {
        GridImage g = TraversalGrid.render(TraversalSpec.paper(), new BarDecoder(3, 8, 8));
        Map<String, String> text = new LinkedHashMap<>();
        text.put(PngExport.SOFTWARE, "Latent Explorer test");
        text.put(PngExport.SETTINGS, "{\"preset\":\"paper\",\"steps\":10}");
        text.put(PngExport.MODEL, "dsprites-α0.5.zip ‖ JS*");
        Path file = dir.resolve("sub/grid.png");
        PngExport.write(g.toBufferedImage(), file, text);

        assertEquals(text, PngExport.readText(file));
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(g.width(), back.getWidth());
        assertEquals(g.height(), back.getHeight());
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                assertEquals(g.pixel(x, y), back.getRGB(x, y) & 0xFFFFFF);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("tEXtSoftware\0Latent Explorer test"), "Latin-1 value stored as tEXt");
        assertTrue(raw.contains("iTXt" + PngExport.MODEL), "non-Latin-1 value stored as iTXt");
        try (var files = Files.list(dir.resolve("sub"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void emptyTextWritesAPlainPng() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x123456);
        byte[] png = PngExport.encode(img, Map.of());
        assertTrue(PngExport.readText(png).isEmpty());
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
    }

    @Test
    void rejectsInvalidKeywordsAndNonPngInput() throws IOException {
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        assertThrows(IllegalArgumentException.class, () -> PngExport.encode(img, Map.of("", "x")));
        assertThrows(IllegalArgumentException.class, () -> PngExport.encode(img, Map.of(" lead", "x")));
        assertThrows(IllegalArgumentException.class, () -> PngExport.encode(img, Map.of("k".repeat(80), "x")));
        assertThrows(IllegalArgumentException.class, () -> PngExport.encode(img, Map.of("α", "x")));
        Path notPng = dir.resolve("x.png");
        Files.writeString(notPng, "hello");
        UserInputException e = assertThrows(UserInputException.class, () -> PngExport.readText(notPng));
        assertTrue(e.getMessage().startsWith(notPng.toString()), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
