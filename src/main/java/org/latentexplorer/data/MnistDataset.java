package org.latentexplorer.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.latentexplorer.common.UserInputException;

/**
 * MNIST or Fashion-MNIST from a directory of IDX files (spec §d): 28×28 images zero-padded by 2 to
 * 32×32, grey values uint8/255 (no binarisation). Train: {@code train-images-idx3-ubyte[.gz]},
 * test: {@code t10k-images-idx3-ubyte[.gz]}, with the matching label files when present.
 * Held in memory as bytes (47 MB for the training split).
 */
public final class MnistDataset implements Dataset {
    public static final int SIZE = 32;
    private static final int PAD = 2;

    private final String description;
    private final Idx.Images images;
    private final byte[] labels;

    private MnistDataset(String description, Idx.Images images, byte[] labels) {
        this.description = description;
        this.images = images;
        this.labels = labels;
    }

    public static MnistDataset open(Path dir, Split split, String name) {
        if (!Files.isDirectory(dir)) {
            throw UserInputException.forFile(dir, "is not a directory holding " + name + " IDX files");
        }
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        Path imagesFile = find(dir, prefix + "-images-idx3-ubyte", name);
        Idx.Images images = Idx.readImages(imagesFile);
        if (images.rows() != 28 || images.columns() != 28) {
            throw UserInputException.forFile(imagesFile, "has " + images.rows() + "x" + images.columns() + " images; "
                    + name + " images are 28x28");
        }
        byte[] labels = null;
        Path labelsFile = findOptional(dir, prefix + "-labels-idx1-ubyte");
        if (labelsFile != null) {
            labels = Idx.readLabels(labelsFile);
            if (labels.length != images.count()) {
                throw UserInputException.forFile(labelsFile, "has " + labels.length + " labels for " + images.count() + " images");
            }
        }
        return new MnistDataset(name + " " + split.name().toLowerCase(java.util.Locale.ROOT) + " (" + dir + ")", images, labels);
    }

    private static Path find(Path dir, String base, String name) {
        Path p = findOptional(dir, base);
        if (p == null) {
            throw UserInputException.forFile(dir, "has no " + base + " or " + base + ".gz (" + name + " IDX files expected)");
        }
        return p;
    }

    private static Path findOptional(Path dir, String base) {
        for (String candidate : new String[] {base, base + ".gz", base.replace("-idx", ".idx"), base.replace("-idx", ".idx") + ".gz"}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int size() {
        return images.count();
    }

    @Override
    public int height() {
        return SIZE;
    }

    @Override
    public int width() {
        return SIZE;
    }

    /** The class label of an example, if the label file was present. */
    public OptionalInt label(int index) {
        return labels == null ? OptionalInt.empty() : OptionalInt.of(labels[index] & 0xff);
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        if (index < 0 || index >= images.count()) {
            throw new IndexOutOfBoundsException("index " + index + " is outside [0, " + images.count() + ")");
        }
        java.util.Arrays.fill(dst, offset, offset + SIZE * SIZE, 0f);
        byte[] px = images.pixels();
        int base = index * 28 * 28;
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                dst[offset + (r + PAD) * SIZE + c + PAD] = (px[base + r * 28 + c] & 0xff) / 255f;
            }
        }
    }
}
