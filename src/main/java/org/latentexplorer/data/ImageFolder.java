package org.latentexplorer.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.latentexplorer.common.UserInputException;

/**
 * A directory tree of images (png, jpg, jpeg, bmp, gif; searched recursively, in sorted path
 * order) such as 3D Chairs or the user's own: each image is converted to greyscale with PIL's
 * weights (L = 0.299R + 0.587G + 0.114B; transparent pixels composited on white), resized to
 * 64×64 by exact area averaging (each output pixel is the mean of the source area it covers), and
 * rounded to uint8 before scaling to [0, 1], like PIL followed by ToTensor. Images are decoded
 * lazily and kept in a bounded cache of 64×64 bytes. One set: no train/test split.
 */
public final class ImageFolder implements Dataset {
    public static final int SIZE = 64;
    private static final int CACHE_IMAGES = 100_000;
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    private final Path root;
    private final List<Path> files;
    private final Map<Integer, byte[]> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
            return size() > CACHE_IMAGES;
        }
    };

    private ImageFolder(Path root, List<Path> files) {
        this.root = root;
        this.files = files;
    }

    public static ImageFolder open(Path root) {
        if (!Files.isDirectory(root)) {
            throw UserInputException.forFile(root, "is not a directory of images");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(ImageFolder::isImage).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw UserInputException.forFile(root, "could not be listed (" + e + ")", e);
        }
        if (files.isEmpty()) {
            throw UserInputException.forFile(root, "contains no images (" + String.join(", ", EXTENSIONS) + ")");
        }
        return new ImageFolder(root, List.copyOf(files));
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** The image file of an example. */
    public Path file(int index) {
        return files.get(index);
    }

    @Override
    public String description() {
        return "image folder " + root + " (" + files.size() + " images)";
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public int height() {
        return SIZE;
    }

    @Override
    public int width() {
        return SIZE;
    }

    @Override
    public synchronized void read(int index, float[] dst, int offset) {
        if (index < 0 || index >= files.size()) {
            throw new IndexOutOfBoundsException("index " + index + " is outside [0, " + files.size() + ")");
        }
        byte[] grey = cache.get(index);
        if (grey == null) {
            grey = load(files.get(index));
            cache.put(index, grey);
        }
        for (int i = 0; i < SIZE * SIZE; i++) {
            dst[offset + i] = (grey[i] & 0xff) / 255f;
        }
    }

    static byte[] load(Path file) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw UserInputException.forFile(file, "is not a readable image (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw UserInputException.forFile(file, "is not a readable image (unknown or corrupt format)");
        }
        return toGreyBytes(img, SIZE);
    }

    /** Greyscale (PIL weights, alpha over white) then exact area-average resize to size×size, rounded to uint8. */
    static byte[] toGreyBytes(BufferedImage img, int size) {
        int w = img.getWidth();
        int h = img.getHeight();
        double[] grey = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = img.getRGB(x, y);
                double a = ((argb >>> 24) & 0xff) / 255.0;
                double l = 0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff);
                grey[y * w + x] = a * l + (1 - a) * 255.0;
            }
        }
        byte[] out = new byte[size * size];
        double sx = (double) w / size;
        double sy = (double) h / size;
        for (int oy = 0; oy < size; oy++) {
            double y0 = oy * sy;
            double y1 = y0 + sy;
            for (int ox = 0; ox < size; ox++) {
                double x0 = ox * sx;
                double x1 = x0 + sx;
                double sum = 0;
                double area = 0;
                for (int y = (int) Math.floor(y0); y < Math.min(h, (int) Math.ceil(y1)); y++) {
                    double wy = Math.min(y + 1, y1) - Math.max(y, y0);
                    for (int x = (int) Math.floor(x0); x < Math.min(w, (int) Math.ceil(x1)); x++) {
                        double wx = Math.min(x + 1, x1) - Math.max(x, x0);
                        sum += wx * wy * grey[y * w + x];
                        area += wx * wy;
                    }
                }
                long v = Math.round(sum / area);
                out[oy * size + ox] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return out;
    }
}
