package org.latentexplorer.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.latentexplorer.common.UserInputException;

/**
 * MNIST or Fashion-MNIST (same file layout) from a directory of IDX files (docs/method.md §4): each 28×28
 * image zero-padded by 2 on every side to 32×32 ({@code Pad(2)}), grey values uint8/255 (ToTensor;
 * no binarisation, no normalisation). Train split: {@code train-images-idx3-ubyte[.gz]} and
 * {@code train-labels-idx1-ubyte[.gz]}; test split: the same with {@code t10k}. The Kaggle
 * spelling {@code train-images.idx3-ubyte} is accepted too. The label file is optional; when
 * present its count must match. Held in memory as bytes (47 MB for the training split).
 * Invariant: {@link #read} gives values in [0, 1] with a zero border of 2 pixels. Immutable and
 * thread-safe.
 */
public final class MnistDataset implements Dataset {
    /** Side length after padding. */
    public static final int SIZE = 32;
    /** Side length of the stored images. */
    public static final int SOURCE_SIZE = 28;
    private static final int PAD = (SIZE - SOURCE_SIZE) / 2;

    private final String description;
    private final Idx.Images images;
    private final byte[] labels;
    /** The label's name as a factor: "digit" for MNIST, "class" for Fashion-MNIST. */
    private final String labelName;

    private MnistDataset(String description, Idx.Images images, byte[] labels, String labelName) {
        this.description = description;
        this.images = images;
        this.labels = labels;
        this.labelName = labelName;
    }

    /**
     * Opens one split of the IDX files in {@code dir}.
     *
     * @param name the data set's name for messages, e.g. "MNIST" or "Fashion-MNIST"
     * @throws UserInputException if the directory or the image file is missing (listing the names
     *     looked for), or a file is malformed (naming it)
     */
    public static MnistDataset open(Path dir, Split split, String name) {
        if (!Files.isDirectory(dir)) {
            throw UserInputException.forFile(dir, "is not a directory holding " + name + " IDX files");
        }
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        List<String> imageNames = candidates(prefix + "-images-idx3-ubyte");
        Path imagesFile = find(dir, imageNames);
        if (imagesFile == null) {
            throw UserInputException.forFile(dir, "has no " + name + " " + split.name().toLowerCase(Locale.ROOT)
                    + " images; looked for " + String.join(", ", imageNames));
        }
        Idx.Images images = Idx.readImages(imagesFile);
        if (images.rows() != SOURCE_SIZE || images.columns() != SOURCE_SIZE) {
            throw UserInputException.forFile(imagesFile, "has " + images.rows() + "x" + images.columns() + " images; "
                    + name + " images are 28x28");
        }
        if (images.count() == 0) {
            throw UserInputException.forFile(imagesFile, "holds no images");
        }
        byte[] labels = null;
        Path labelsFile = find(dir, candidates(prefix + "-labels-idx1-ubyte"));
        if (labelsFile != null) {
            labels = Idx.readLabels(labelsFile);
            if (labels.length != images.count()) {
                throw UserInputException.forFile(labelsFile, "has " + labels.length + " labels for the " + images.count()
                        + " images of " + imagesFile.getFileName());
            }
        }
        return new MnistDataset(name + " " + split.name().toLowerCase(Locale.ROOT) + " (" + dir + ", " + images.count() + " images)",
                images, labels, name.toLowerCase(Locale.ROOT).contains("fashion") ? "class" : "digit");
    }

    /** The file names tried for a base name, in order of preference. */
    static List<String> candidates(String base) {
        String kaggle = base.replace("-idx", ".idx");
        List<String> names = new ArrayList<>(List.of(base + ".gz", base));
        names.add(kaggle + ".gz");
        names.add(kaggle);
        return names;
    }

    private static Path find(Path dir, List<String> names) {
        for (String candidate : names) {
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

    /** Whether the label file was present. */
    public boolean hasLabels() {
        return labels != null;
    }

    /**
     * The class label (0..9) of an example, or empty if the label file was absent.
     *
     * @throws IndexOutOfBoundsException if index is not in [0, size)
     */
    public OptionalInt label(int index) {
        check(index);
        return labels == null ? OptionalInt.empty() : OptionalInt.of(labels[index] & 0xff);
    }

    /**
     * The labels as a one-factor {@link FactorLabels} ("digit" for MNIST, "class" for Fashion-MNIST: class index
     * and value both the label 0..9), so that views colouring by a factor (the latent map) colour by the label;
     * empty when the label file was absent.
     */
    @Override
    public java.util.Optional<FactorLabels> factors() {
        if (labels == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FactorLabels() {
            @Override
            public List<String> names() {
                return List.of(labelName);
            }

            @Override
            public int[] classes(int index) {
                return new int[] {label(index).getAsInt()};
            }

            @Override
            public double[] values(int index) {
                return new double[] {label(index).getAsInt()};
            }
        });
    }

    @Override
    public void read(int index, float[] dst, int offset) {
        check(index);
        java.util.Arrays.fill(dst, offset, offset + SIZE * SIZE, 0f);
        byte[] px = images.pixels();
        int base = index * SOURCE_SIZE * SOURCE_SIZE;
        for (int r = 0; r < SOURCE_SIZE; r++) {
            int row = offset + (r + PAD) * SIZE + PAD;
            int src = base + r * SOURCE_SIZE;
            for (int c = 0; c < SOURCE_SIZE; c++) {
                dst[row + c] = (px[src + c] & 0xff) / 255f;
            }
        }
    }

    private void check(int index) {
        if (index < 0 || index >= images.count()) {
            throw new IndexOutOfBoundsException("index " + index + " is outside [0, " + images.count() + ")");
        }
    }
}
