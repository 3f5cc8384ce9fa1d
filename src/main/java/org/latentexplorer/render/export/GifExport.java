package org.latentexplorer.render.export;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.render.traversal.GridImage;
import org.w3c.dom.Node;

/**
 * Writes animated GIFs that loop forever (NETSCAPE2.0 application extension, loop count 0), with one
 * Graphic Control Extension per frame carrying the delay. Each frame gets its own local palette: a frame
 * with at most 256 distinct colours (every greyscale grid) is stored losslessly; one with more is
 * quantised to the fixed 3-3-2-bit RGB palette (nearest level per channel). Frames are not interlaced
 * (the JDK reader mis-decodes interlaced frames only a few pixels high). Provenance ({@link ExportMetadata}) goes
 * into a comment extension of the first frame, one {@code key: value} line per entry. Files are written atomically.
 */
public final class GifExport {
    private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";

    private GifExport() {
    }

    /** What a GIF file holds, as read back. */
    public record GifSummary(int frames, int width, int height, List<Integer> delaysCentiseconds, boolean loopsForever) {
    }

    /**
     * One frame per traversal column: frame j shows every row's image at column j (a one-column grid).
     *
     * @param metadata provenance for the comment extension (may be empty)
     */
    public static void writeTraversalColumns(Path file, GridImage grid, int delayMillis, Map<String, String> metadata) {
        List<BufferedImage> frames = new ArrayList<>();
        for (int j = 0; j < grid.columns(); j++) {
            frames.add(grid.columnStrip(j));
        }
        write(file, frames, delayMillis, metadata);
    }

    /** Writes the frames as a looping GIF, with the metadata (may be empty) as a comment. */
    public static void write(Path file, List<BufferedImage> frames, int delayMillis, Map<String, String> metadata) {
        byte[] bytes = encode(frames, delayMillis, metadata);
        AtomicFiles.write(file, bytes);
    }

    /** As {@link #encode(List, int, Map)} without a comment. */
    public static byte[] encode(List<BufferedImage> frames, int delayMillis) {
        return encode(frames, delayMillis, Map.of());
    }

    /**
     * Encodes the frames as a looping GIF; the delay is rounded to hundredths of a second (GIF's unit).
     *
     * @throws IllegalArgumentException if there are no frames, their sizes differ, or the delay is outside 0–655350 ms
     */
    public static byte[] encode(List<BufferedImage> frames, int delayMillis, Map<String, String> comment) {
        Objects.requireNonNull(frames, "frames");
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animated GIF needs at least one frame");
        }
        if (delayMillis < 0 || delayMillis > 655_350) {
            throw new IllegalArgumentException("frame delay must be between 0 and 655350 ms, got " + delayMillis);
        }
        int width = frames.get(0).getWidth();
        int height = frames.get(0).getHeight();
        for (BufferedImage f : frames) {
            if (f.getWidth() != width || f.getHeight() != height) {
                throw new IllegalArgumentException("all GIF frames must be " + width + "×" + height + ", got "
                        + f.getWidth() + "×" + f.getHeight());
            }
        }
        int centis = Math.round(delayMillis / 10f);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            ImageWriteParam param = writer.getDefaultWriteParam();
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = toIndexed(frames.get(i));
                IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(frame), param);
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(IMAGE_FORMAT);
                child(root, "ImageDescriptor").setAttribute("interlaceFlag", "FALSE");
                IIOMetadataNode gce = child(root, "GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("delayTime", Integer.toString(centis));
                gce.setAttribute("transparentColorIndex", "0");
                if (i == 0) {
                    IIOMetadataNode extensions = child(root, "ApplicationExtensions");
                    IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
                    netscape.setAttribute("applicationID", "NETSCAPE");
                    netscape.setAttribute("authenticationCode", "2.0");
                    netscape.setUserObject(new byte[]{1, 0, 0});
                    extensions.appendChild(netscape);
                    if (!comment.isEmpty()) {
                        IIOMetadataNode node = new IIOMetadataNode("CommentExtension");
                        node.setAttribute("value", ExportMetadata.lines(comment, ""));
                        child(root, "CommentExtensions").appendChild(node);
                    }
                }
                metadata.setFromTree(IMAGE_FORMAT, root);
                writer.writeToSequence(new IIOImage(frame, null, metadata), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException("GIF encoding failed in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Reads back frame count, logical screen size, per-frame delays and the loop setting. */
    public static GifSummary inspect(Path file) {
        try {
            return inspect(Files.readAllBytes(file));
        } catch (IOException e) {
            throw UserInputException.forFile(file, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    /** As {@link #inspect(Path)}, from bytes. */
    public static GifSummary inspect(byte[] gif) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in, false);
            int n = reader.getNumImages(true);
            List<Integer> delays = new ArrayList<>();
            boolean loops = false;
            for (int i = 0; i < n; i++) {
                Node root = reader.getImageMetadata(i).getAsTree(IMAGE_FORMAT);
                for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeName().equals("GraphicControlExtension")) {
                        delays.add(Integer.parseInt(((IIOMetadataNode) c).getAttribute("delayTime")));
                    } else if (c.getNodeName().equals("ApplicationExtensions")) {
                        for (Node a = c.getFirstChild(); a != null; a = a.getNextSibling()) {
                            IIOMetadataNode app = (IIOMetadataNode) a;
                            Object data = app.getUserObject();
                            if ("NETSCAPE".equals(app.getAttribute("applicationID")) && data instanceof byte[] b
                                    && b.length >= 3 && b[0] == 1 && b[1] == 0 && b[2] == 0) {
                                loops = true;
                            }
                        }
                    }
                }
            }
            IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
            int width = 0;
            int height = 0;
            for (Node c = stream.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c.getNodeName().equals("LogicalScreenDescriptor")) {
                    width = Integer.parseInt(((IIOMetadataNode) c).getAttribute("logicalScreenWidth"));
                    height = Integer.parseInt(((IIOMetadataNode) c).getAttribute("logicalScreenHeight"));
                }
            }
            return new GifSummary(n, width, height, List.copyOf(delays), loops);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable GIF (" + e.getMessage() + ")", e);
        } finally {
            reader.dispose();
        }
    }

    /** The comment extensions of a GIF's frames, in order (where {@link #write} keeps provenance). */
    public static List<String> readComments(byte[] gif) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in, false);
            List<String> comments = new ArrayList<>();
            for (int i = 0; i < reader.getNumImages(true); i++) {
                Node root = reader.getImageMetadata(i).getAsTree(IMAGE_FORMAT);
                for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeName().equals("CommentExtensions")) {
                        for (Node e = c.getFirstChild(); e != null; e = e.getNextSibling()) {
                            comments.add(((IIOMetadataNode) e).getAttribute("value"));
                        }
                    }
                }
            }
            return comments;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable GIF (" + e.getMessage() + ")", e);
        } finally {
            reader.dispose();
        }
    }

    /** Reads every frame of a GIF (frames here are full-size, so no compositing is needed). */
    public static List<BufferedImage> readFrames(byte[] gif) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in, false);
            int n = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                frames.add(reader.read(i));
            }
            return frames;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable GIF (" + e.getMessage() + ")", e);
        } finally {
            reader.dispose();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeName().equals(name)) {
                return (IIOMetadataNode) c;
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /**
     * The image as 8-bit indexed with a 256-entry palette: exact when it has at most 256 distinct colours
     * (palette in order of first appearance, unused entries black), otherwise 3-3-2-bit RGB.
     */
    static BufferedImage toIndexed(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] index = new byte[rgb.length];
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        java.util.Map<Integer, Integer> palette = new java.util.HashMap<>();
        boolean exact = true;
        for (int i = 0; i < rgb.length && exact; i++) {
            int c = rgb[i] & 0xFFFFFF;
            Integer k = palette.get(c);
            if (k == null) {
                if (palette.size() == 256) {
                    exact = false;
                    break;
                }
                k = palette.size();
                palette.put(c, k);
                r[k] = (byte) (c >> 16);
                g[k] = (byte) (c >> 8);
                b[k] = (byte) c;
            }
            index[i] = (byte) (int) k;
        }
        if (!exact) {
            for (int k = 0; k < 256; k++) {
                r[k] = (byte) Math.round(((k >> 5) & 7) * 255 / 7.0);
                g[k] = (byte) Math.round(((k >> 2) & 7) * 255 / 7.0);
                b[k] = (byte) Math.round((k & 3) * 255 / 3.0);
            }
            for (int i = 0; i < rgb.length; i++) {
                int c = rgb[i];
                int ri = (int) Math.round(((c >> 16) & 0xff) * 7 / 255.0);
                int gi = (int) Math.round(((c >> 8) & 0xff) * 7 / 255.0);
                int bi = (int) Math.round((c & 0xff) * 3 / 255.0);
                index[i] = (byte) (ri << 5 | gi << 2 | bi);
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, r, g, b));
        out.getRaster().setDataElements(0, 0, w, h, index);
        return out;
    }
}
