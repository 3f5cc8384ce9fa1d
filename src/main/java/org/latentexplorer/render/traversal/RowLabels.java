package org.latentexplorer.render.traversal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws a grid's row labels in a margin to its left or right. The margin has the padding colour (or a given one); labels
 * are in the contrasting colour, inactive rows in mid grey; each label is centred on its row's tiles.
 * The grid's own pixels are copied unchanged.
 */
public final class RowLabels {
    /** Blank pixels on each side of the longest label. */
    public static final int MARGIN_GAP = 6;

    private RowLabels() {
    }

    /** The grid with a label margin on the side given by {@link GridImage#labelPosition()} (RIGHT if NONE). */
    public static BufferedImage annotate(GridImage grid) {
        int pad = MakeGrid.toByte(grid.padValue());
        return annotate(grid, new Color(pad, pad, pad));
    }

    /**
     * The same with the margin in {@code background} (the app's dark theme: a dark strip instead of the white
     * padding colour) and the labels in black or white, whichever contrasts with it.
     */
    public static BufferedImage annotate(GridImage grid, Color background) {
        boolean left = grid.labelPosition() == LabelPosition.LEFT;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(14, (int) Math.round(grid.tileHeight() * 0.4))));
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics metrics = pg.getFontMetrics(font);
        int textWidth = 0;
        for (String label : grid.rowLabels()) {
            textWidth = Math.max(textWidth, metrics.stringWidth(label));
        }
        pg.dispose();
        int margin = textWidth + 2 * MARGIN_GAP;
        BufferedImage out = new BufferedImage(grid.width() + margin, grid.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(background);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(grid.toBufferedImage(), left ? margin : 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            double brightness = (0.299 * background.getRed() + 0.587 * background.getGreen()
                    + 0.114 * background.getBlue()) / 255.0;
            Color text = brightness >= 0.5 ? Color.BLACK : Color.WHITE;
            int x0 = left ? MARGIN_GAP : grid.width() + MARGIN_GAP;
            for (int r = 0; r < grid.rows(); r++) {
                g.setColor(grid.inactive(r) ? Color.GRAY : text);
                int centre = grid.tileTop(r) + grid.tileHeight() / 2;
                int baseline = centre + (metrics.getAscent() - metrics.getDescent()) / 2;
                String label = grid.rowLabels().get(r);
                int x = left ? x0 + textWidth - metrics.stringWidth(label) : x0;
                g.drawString(label, x, baseline);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
