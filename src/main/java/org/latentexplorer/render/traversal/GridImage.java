package org.latentexplorer.render.traversal;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * A rendered tile grid (traversal or interpolation strip): packed RGB bytes laid out by {@link MakeGrid},
 * plus what each tile shows (the column values of every row, row labels). Immutable.
 * {@link #toBufferedImage()} is pixel-exact; {@link #toAnnotatedImage()} adds the row-label margin when
 * labels were requested.
 */
public final class GridImage {
    private final int width;
    private final int height;
    private final byte[] rgb;
    private final int rows;
    private final int columns;
    private final int tileHeight;
    private final int tileWidth;
    private final int padding;
    private final float padValue;
    private final float[][] columnValues;
    private final int[] rowDimensions;
    private final List<String> rowLabels;
    private final boolean[] inactive;
    private final LabelPosition labelPosition;

    /**
     * @param rgb           packed RGB, {@code width·height·3} bytes, row-major
     * @param columnValues  per row, the value shown in each column (traversal value or interpolation fraction)
     * @param rowDimensions per row, the latent dimension it traverses (−1 when not a traversal)
     * @param rowLabels     one label per row
     * @param inactive      per row, whether its dimension was flagged inactive
     */
    public GridImage(int width, int height, byte[] rgb, int rows, int columns, int tileHeight, int tileWidth, int padding,
                     float padValue, float[][] columnValues, int[] rowDimensions, List<String> rowLabels,
                     boolean[] inactive, LabelPosition labelPosition) {
        if (width != MakeGrid.width(rows * columns, columns, tileWidth, padding)
                || height != MakeGrid.height(rows * columns, columns, tileHeight, padding)) {
            throw new IllegalArgumentException("grid size " + width + "×" + height + " does not match " + rows + " rows of "
                    + columns + " tiles of " + tileWidth + "×" + tileHeight + " with padding " + padding);
        }
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + (width * height * 3) + " RGB bytes, got " + rgb.length);
        }
        if (columnValues.length != rows || rowDimensions.length != rows || rowLabels.size() != rows || inactive.length != rows) {
            throw new IllegalArgumentException("per-row data must have one entry per row (" + rows + ")");
        }
        for (float[] v : columnValues) {
            if (v.length != columns) {
                throw new IllegalArgumentException("each row needs " + columns + " column values, got " + v.length);
            }
        }
        this.width = width;
        this.height = height;
        this.rgb = rgb.clone();
        this.rows = rows;
        this.columns = columns;
        this.tileHeight = tileHeight;
        this.tileWidth = tileWidth;
        this.padding = padding;
        this.padValue = padValue;
        this.columnValues = new float[rows][];
        for (int r = 0; r < rows; r++) {
            this.columnValues[r] = columnValues[r].clone();
        }
        this.rowDimensions = rowDimensions.clone();
        this.rowLabels = List.copyOf(rowLabels);
        this.inactive = inactive.clone();
        this.labelPosition = Objects.requireNonNull(labelPosition, "labelPosition");
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A copy of the packed RGB bytes. */
    public byte[] rgb() {
        return rgb.clone();
    }

    /** The pixel at (x, y) as 0xRRGGBB. */
    public int pixel(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        int i = (y * width + x) * 3;
        return (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int tileHeight() {
        return tileHeight;
    }

    public int tileWidth() {
        return tileWidth;
    }

    public int padding() {
        return padding;
    }

    public float padValue() {
        return padValue;
    }

    /** The values shown in row r's columns, left to right. */
    public float[] columnValues(int row) {
        return columnValues[row].clone();
    }

    /** The latent dimension of row r (−1 for rows that are not traversals). */
    public int rowDimension(int row) {
        return rowDimensions[row];
    }

    public List<String> rowLabels() {
        return rowLabels;
    }

    public boolean inactive(int row) {
        return inactive[row];
    }

    public LabelPosition labelPosition() {
        return labelPosition;
    }

    /** Top edge (y) of the tile in row r. */
    public int tileTop(int row) {
        return row * (tileHeight + padding) + padding;
    }

    /** The exact grid as a TYPE_INT_RGB image. */
    public BufferedImage toBufferedImage() {
        return crop(0, width);
    }

    /**
     * Column j with its padding, as a one-column grid: exactly {@code make_grid(nrow=1)} of that column's
     * tiles, {@code (W + 2·padding)} wide and as high as the grid.
     */
    public BufferedImage columnStrip(int column) {
        Objects.checkIndex(column, columns);
        return crop(column * (tileWidth + padding), tileWidth + 2 * padding);
    }

    /** The grid with the row-label margin when labels were requested; otherwise {@link #toBufferedImage()}. */
    public BufferedImage toAnnotatedImage() {
        return labelPosition == LabelPosition.NONE ? toBufferedImage() : RowLabels.annotate(this);
    }

    private BufferedImage crop(int x0, int w) {
        BufferedImage image = new BufferedImage(w, height, BufferedImage.TYPE_INT_RGB);
        int[] line = new int[w];
        for (int y = 0; y < height; y++) {
            int i = (y * width + x0) * 3;
            for (int x = 0; x < w; x++, i += 3) {
                line[x] = (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
            }
            image.setRGB(0, y, w, 1, line, 0, w);
        }
        return image;
    }
}
