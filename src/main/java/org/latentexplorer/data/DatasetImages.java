package org.latentexplorer.data;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.common.UserInputException;

/**
 * Examples of a data set as 8-bit greyscale images with grey value
 * {@code uint8(clamp(x·255 + 0.5, 0, 255))} (the grid conversion of docs/method.md §6); every index is checked
 * before any example is read.
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
     * The examples at {@code indices} as 8-bit greyscale images, in order (the CLI writes them as PNGs with their
     * provenance).
     *
     * @throws UserInputException naming the index and the size if any index is out of range (checked before any
     *     example is read)
     */
    public static List<BufferedImage> images(Dataset data, int[] indices) {
        for (int index : indices) {
            checkIndex(data, index);
        }
        List<BufferedImage> images = new ArrayList<>();
        for (int index : indices) {
            images.add(image(data, index));
        }
        return images;
    }

    private static void checkIndex(Dataset data, int index) {
        if (index < 0 || index >= data.size()) {
            throw new UserInputException("index " + index + " is outside [0, " + data.size() + ") for " + data.description());
        }
    }
}
