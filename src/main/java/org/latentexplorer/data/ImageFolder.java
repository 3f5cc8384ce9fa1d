package org.latentexplorer.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.latentexplorer.common.UserInputException;

/**
 * A directory tree of images, such as 3D Chairs or the user's own: files ending in .png, .jpg,
 * .jpeg, .bmp or .gif (any case), found recursively (symbolic links followed), in sorted path
 * order so that indices are the same on every run. Each image is made 64×64 greyscale by
 * {@link GreyImages} (Pillow's L weights, transparency over white, exact area-average resize,
 * rounded to uint8) and served as uint8/255, like PIL followed by ToTensor. Images are decoded
 * lazily and kept as bytes in a bounded LRU cache (by default 32,768 images = 128 MiB). One set:
 * there is no train/test split. Invariants: {@link #size()} ≥ 1; a file that cannot be decoded is
 * reported by {@link #read} as a {@link UserInputException} naming it. {@link #read} is
 * synchronized, so concurrent calls are safe but serialised.
 */
public final class ImageFolder implements Dataset {
    /** Side length of the served images. */
    public static final int SIZE = 64;
    /** Default number of decoded images kept (64·64 bytes each). */
    public static final int DEFAULT_CACHE_IMAGES = 32_768;
    /**
     * Default largest image accepted, in pixels (4096×4096), checked from the file's header before
     * it is decoded: a small PNG can declare 30000×30000 pixels and decode to gigabytes. The system
     * property {@value #MAX_PIXELS_PROPERTY} sets another limit.
     */
    public static final long DEFAULT_MAX_PIXELS = 4096L * 4096L;
    public static final String MAX_PIXELS_PROPERTY = "latentexplorer.image.maxPixels";
    /** The file name endings recognised as images. */
    public static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    private final Path root;
    private final List<Path> files;
    private final Map<Integer, byte[]> cache;
    private final long maxPixels;

    private ImageFolder(Path root, List<Path> files, int cacheImages, long maxPixels) {
        this.root = root;
        this.files = files;
        this.maxPixels = maxPixels;
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
                return size() > cacheImages;
            }
        };
    }

    /** Opens {@code root} with the default cache size. */
    public static ImageFolder open(Path root) {
        return open(root, DEFAULT_CACHE_IMAGES);
    }

    /**
     * Lists the images under {@code root} (nothing is decoded yet).
     *
     * @param cacheImages how many decoded images to keep (0 disables the cache)
     * @throws UserInputException if root is not a directory, cannot be listed, or holds no images
     */
    public static ImageFolder open(Path root, int cacheImages) {
        return open(root, cacheImages, maxPixelsSetting());
    }

    /** As {@link #open(Path, int)}, refusing images of more than {@code maxPixels} pixels. */
    public static ImageFolder open(Path root, int cacheImages, long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("pixel limit " + maxPixels + " < 1");
        }
        if (cacheImages < 0) {
            throw new IllegalArgumentException("cache size " + cacheImages + " < 0");
        }
        if (!Files.isDirectory(root)) {
            throw UserInputException.forFile(root, "is not a directory of images");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(ImageFolder::isImageName).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw UserInputException.forFile(root, "could not be listed (" + e.getMessage() + ")", e);
        }
        if (files.isEmpty()) {
            throw UserInputException.forFile(root, "contains no images (looked recursively for " + String.join(", ", EXTENSIONS) + ")");
        }
        return new ImageFolder(root, files, cacheImages, maxPixels);
    }

    /** The pixel limit: {@value #MAX_PIXELS_PROPERTY} if set (a positive whole number), else the default. */
    static long maxPixelsSetting() {
        String value = System.getProperty(MAX_PIXELS_PROPERTY);
        if (value == null) {
            return DEFAULT_MAX_PIXELS;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UserInputException("-D" + MAX_PIXELS_PROPERTY + " must be a whole number of pixels >= 1, got '" + value + "'");
    }

    static boolean isImageName(Path p) {
        Path name = p.getFileName();
        if (name == null) {
            return false;
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /**
     * The image file of an example.
     *
     * @throws IndexOutOfBoundsException if index is not in [0, size)
     */
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
            grey = load(files.get(index), maxPixels);
            cache.put(index, grey);
        }
        for (int i = 0; i < SIZE * SIZE; i++) {
            dst[offset + i] = (grey[i] & 0xff) / 255f;
        }
    }

    /** Number of decoded images currently cached. */
    synchronized int cached() {
        return cache.size();
    }

    /**
     * Decodes one file to 64×64 grey bytes, after checking from its header that it has at most
     * {@code maxPixels} pixels (only the header is read for that).
     *
     * @throws UserInputException naming the file if it cannot be read or decoded, or is too large
     */
    static byte[] load(Path file, long maxPixels) {
        BufferedImage img;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw UserInputException.forFile(file, "is not a readable image (unknown or corrupt format)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > maxPixels) {
                    throw UserInputException.forFile(file, "is " + width + "×" + height + " pixels, more than the " + maxPixels
                            + " this reads (decoding it would take " + (width * height * 4 >> 20) + " MiB); shrink it, or raise the limit with -D"
                            + MAX_PIXELS_PROPERTY + "=N");
                }
                img = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserInputException u) {
                throw u;
            }
            throw UserInputException.forFile(file, "is not a readable image (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw UserInputException.forFile(file, "is not a readable image (unknown or corrupt format)");
        }
        return GreyImages.toGreySquare(img, SIZE);
    }
}
