package org.latentexplorer.render.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.UserInputException;
import org.w3c.dom.Node;

/**
 * Writes PNG files with text metadata, so every image says how it was made. Values that are pure
 * Latin-1 go into {@code tEXt} chunks, others into uncompressed UTF-8 {@code iTXt} chunks, through the
 * {@code javax_imageio_png_1.0} metadata tree. Files are written atomically.
 */
public final class PngExport {
    /** Standard PNG keyword for the producing software. */
    public static final String SOFTWARE = "Software";
    /** The settings (e.g. the traversal spec or chart data description). */
    public static final String SETTINGS = "latent-explorer:settings";
    /** The model the image was made from (file name, manifest digest, …). */
    public static final String MODEL = "latent-explorer:model";

    private static final String FORMAT = "javax_imageio_png_1.0";

    private PngExport() {
    }

    /** Writes {@code image} to {@code file} with the given text chunks (insertion order kept). */
    public static void write(BufferedImage image, Path file, Map<String, String> text) {
        byte[] bytes = encode(image, text);
        AtomicFiles.write(file, bytes);
    }

    /**
     * Encodes {@code image} as PNG bytes with the given text chunks.
     *
     * @throws IllegalArgumentException if a keyword is not a valid PNG keyword (1–79 printable Latin-1
     *                                  characters, no leading, trailing or double spaces)
     */
    public static byte[] encode(BufferedImage image, Map<String, String> text) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(text, "text");
        for (Map.Entry<String, String> e : text.entrySet()) {
            checkKeyword(e.getKey());
            Objects.requireNonNull(e.getValue(), "value of " + e.getKey());
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(image);
            IIOMetadata metadata = writer.getDefaultImageMetadata(type, writer.getDefaultWriteParam());
            if (!text.isEmpty()) {
                IIOMetadataNode root = new IIOMetadataNode(FORMAT);
                IIOMetadataNode tEXt = new IIOMetadataNode("tEXt");
                IIOMetadataNode iTXt = new IIOMetadataNode("iTXt");
                for (Map.Entry<String, String> e : text.entrySet()) {
                    if (isLatin1(e.getValue())) {
                        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                        entry.setAttribute("keyword", e.getKey());
                        entry.setAttribute("value", e.getValue());
                        tEXt.appendChild(entry);
                    } else {
                        IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                        entry.setAttribute("keyword", e.getKey());
                        entry.setAttribute("compressionFlag", "FALSE");
                        entry.setAttribute("compressionMethod", "0");
                        entry.setAttribute("languageTag", "");
                        entry.setAttribute("translatedKeyword", "");
                        entry.setAttribute("text", e.getValue());
                        iTXt.appendChild(entry);
                    }
                }
                if (tEXt.hasChildNodes()) {
                    root.appendChild(tEXt);
                }
                if (iTXt.hasChildNodes()) {
                    root.appendChild(iTXt);
                }
                metadata.mergeTree(FORMAT, root);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), writer.getDefaultWriteParam());
            }
            return bytes.toByteArray();
        } catch (IIOInvalidTreeException e) {
            throw new IllegalArgumentException("PNG text metadata was rejected: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed in memory", e);
        } finally {
            writer.dispose();
        }
    }

    /** Reads the text chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}) of a PNG file. */
    public static Map<String, String> readText(Path file) {
        try {
            return readText(Files.readAllBytes(file));
        } catch (IOException e) {
            throw UserInputException.forFile(file, "could not be read (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw UserInputException.forFile(file, e.getMessage(), e);
        }
    }

    /** Reads the text chunks of PNG bytes, keyword to text, in file order (a repeated keyword keeps the last). */
    public static Map<String, String> readText(byte[] png) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("is not an image ImageIO can read");
            }
            ImageReader reader = readers.next();
            try {
                if (!"png".equalsIgnoreCase(reader.getFormatName())) {
                    throw new IllegalArgumentException("is not a PNG image but " + reader.getFormatName());
                }
                reader.setInput(in);
                Node root = reader.getImageMetadata(0).getAsTree(FORMAT);
                Map<String, String> text = new LinkedHashMap<>();
                for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
                    String name = chunk.getNodeName();
                    for (Node e = chunk.getFirstChild(); e != null; e = e.getNextSibling()) {
                        IIOMetadataNode entry = (IIOMetadataNode) e;
                        switch (name) {
                            case "tEXt", "zTXt" -> text.put(entry.getAttribute("keyword"),
                                    entry.getAttribute(name.equals("tEXt") ? "value" : "text"));
                            case "iTXt" -> text.put(entry.getAttribute("keyword"), entry.getAttribute("text"));
                            default -> {
                            }
                        }
                    }
                }
                return text;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("is not a readable PNG image (" + e.getMessage() + ")", e);
        }
    }

    static void checkKeyword(String keyword) {
        Objects.requireNonNull(keyword, "keyword");
        boolean ok = !keyword.isEmpty() && keyword.length() <= 79 && !keyword.startsWith(" ") && !keyword.endsWith(" ")
                && !keyword.contains("  ");
        for (int i = 0; ok && i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            ok = (c >= 32 && c <= 126) || (c >= 161 && c <= 255);
        }
        if (!ok) {
            throw new IllegalArgumentException("'" + keyword + "' is not a valid PNG text keyword"
                    + " (1-79 printable Latin-1 characters, no leading, trailing or double spaces)");
        }
    }

    private static boolean isLatin1(String s) {
        return StandardCharsets.ISO_8859_1.newEncoder().canEncode(s) && s.indexOf('\0') < 0;
    }
}
