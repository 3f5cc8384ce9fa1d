import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Draws the application icon procedurally: a 3x3 latent traversal in which a Gaussian blob moves
 * right along the rows and grows down the columns, on a dark rounded square. Run as a single-file
 * program: {@code java packaging/MakeIcon.java assets/icon.png}. The output is the same on every
 * run (no randomness) and is written to a temporary sibling, then moved into place.
 */
public final class MakeIcon {
    private static final int SIZE = 256;
    private static final int CELLS = 3;

    private MakeIcon() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/icon.png").toAbsolutePath();
        Files.createDirectories(out.getParent());
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        double margin = 18;
        double cell = (SIZE - 2 * margin) / CELLS;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double alpha = roundedSquare(x + 0.5, y + 0.5);
                if (alpha <= 0) {
                    continue;
                }
                double[] rgb = {0.09, 0.11, 0.16};
                int col = (int) Math.floor((x - margin) / cell);
                int row = (int) Math.floor((y - margin) / cell);
                if (col >= 0 && col < CELLS && row >= 0 && row < CELLS) {
                    double cx = margin + cell * (col + 0.25 + 0.25 * col);
                    double cy = margin + cell * (row + 0.5);
                    double sigma = cell * (0.10 + 0.05 * row);
                    double dx = x + 0.5 - cx;
                    double dy = y + 0.5 - cy;
                    double v = Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                    double t = (col + row) / (2.0 * (CELLS - 1));
                    double[] hot = {0.10 + 0.85 * t, 0.75 - 0.25 * t, 0.80 - 0.60 * t};
                    for (int i = 0; i < 3; i++) {
                        rgb[i] = rgb[i] * (1 - v) + hot[i] * v;
                    }
                    double inX = (x - margin) - col * cell;
                    double inY = (y - margin) - row * cell;
                    if (inX < 1.5 || inY < 1.5) {
                        for (int i = 0; i < 3; i++) {
                            rgb[i] = rgb[i] * 0.6 + 0.04;
                        }
                    }
                }
                img.setRGB(x, y, argb(alpha, rgb));
            }
        }
        Path tmp = Files.createTempFile(out.getParent(), "." + out.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        System.out.println("wrote " + out);
    }

    /** Coverage (0..1) of a square with rounded corners filling the icon, anti-aliased over one pixel. */
    private static double roundedSquare(double x, double y) {
        double r = 40;
        double half = SIZE / 2.0 - 2;
        double qx = Math.abs(x - SIZE / 2.0) - (half - r);
        double qy = Math.abs(y - SIZE / 2.0) - (half - r);
        double outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
        return Math.max(0, Math.min(1, 0.5 - outside));
    }

    private static int argb(double alpha, double[] rgb) {
        int a = (int) Math.round(alpha * 255);
        int r = (int) Math.round(Math.max(0, Math.min(1, rgb[0])) * 255);
        int g = (int) Math.round(Math.max(0, Math.min(1, rgb[1])) * 255);
        int b = (int) Math.round(Math.max(0, Math.min(1, rgb[2])) * 255);
        return a << 24 | r << 16 | g << 8 | b;
    }
}
