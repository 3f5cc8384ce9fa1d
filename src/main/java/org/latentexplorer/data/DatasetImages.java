package org.latentexplorer.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.UserInputException;

/**
 * Writes examples of a data set as 8-bit greyscale PNGs with grey value
 * {@code uint8(clamp(x·255 + 0.5, 0, 255))} (the grid conversion of spec §f). Files are written
 * atomically; every index is checked before anything is written.
 */
public final class DatasetImages {
    private DatasetImages() {
    }

    /**
     * The example as an 8-bit greyscale image.
     *
     * @throws UserInputException naming the index and the size if the index is out of range
     */
    public static BufferedImage image(Dataset data, int index) {
        checkIndex(data, index);
        int w = data.width();
        int h = data.height();
        float[] px = new float[w * h];
        data.read(index, px, 0);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] raster = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            raster[i] = (byte) Math.max(0, Math.min(255, (int) Math.floor(px[i] * 255 + 0.5)));
        }
        return img;
    }

    /**
     * Writes {@code dir/<index>.png} for each index, atomically; returns the files written, in order.
     *
     * @throws UserInputException naming the index and the size if any index is out of range (then
     *     no file is written), or naming a file that cannot be written
     */
    public static java.util.List<Path> export(Dataset data, int[] indices, Path dir) {
        for (int index : indices) {
            checkIndex(data, index);
        }
        java.util.List<Path> written = new java.util.ArrayList<>();
        for (int index : indices) {
            BufferedImage img = image(data, index);
            Path file = dir.resolve(index + ".png");
            AtomicFiles.write(file, out -> {
                if (!ImageIO.write(img, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            });
            written.add(file);
        }
        return written;
    }

    private static void checkIndex(Dataset data, int index) {
        if (index < 0 || index >= data.size()) {
            throw new UserInputException("index " + index + " is outside [0, " + data.size() + ") for " + data.description());
        }
    }
}
