package org.latentexplorer.app;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the main window opens: the place and size it had when it last closed, kept on the screens there are now
 * (a window remembered on a larger or a since-removed monitor is shrunk and moved onto a visible one).
 */
final class WindowPlacement {
    /** The smallest window the views are laid out for. */
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;

    private WindowPlacement() {
    }

    /**
     * The window's bounds: {@code width}×{@code height} at ({@code x}, {@code y}) (NaN: centred on the first screen),
     * no larger than the visible area of the screen it overlaps most (the first one when it overlaps none), and moved
     * inside that area.
     */
    static Rectangle2D fit(double x, double y, double width, double height, List<Rectangle2D> screens) {
        Rectangle2D screen = screens.get(0);
        boolean placed = !Double.isNaN(x) && !Double.isNaN(y);
        if (placed) {
            double best = 0;
            for (Rectangle2D s : screens) {
                double overlap = overlap(s, x, y, width, height);
                if (overlap > best) {
                    best = overlap;
                    screen = s;
                }
            }
        }
        double w = Math.min(Math.max(width, Math.min(MIN_WIDTH, screen.getWidth())), screen.getWidth());
        double h = Math.min(Math.max(height, Math.min(MIN_HEIGHT, screen.getHeight())), screen.getHeight());
        double left = placed ? x : screen.getMinX() + (screen.getWidth() - w) / 2;
        double top = placed ? y : screen.getMinY() + (screen.getHeight() - h) / 2;
        left = Math.max(screen.getMinX(), Math.min(left, screen.getMaxX() - w));
        top = Math.max(screen.getMinY(), Math.min(top, screen.getMaxY() - h));
        return new Rectangle2D(left, top, w, h);
    }

    private static double overlap(Rectangle2D s, double x, double y, double w, double h) {
        double ow = Math.min(s.getMaxX(), x + w) - Math.max(s.getMinX(), x);
        double oh = Math.min(s.getMaxY(), y + h) - Math.max(s.getMinY(), y);
        return ow > 0 && oh > 0 ? ow * oh : 0;
    }

    /** Places {@code stage} where {@code prefs} remember it, on the screens' visible areas (call before showing it). */
    static void restore(Stage stage, AppPrefs prefs) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D b = fit(prefs.x(), prefs.y(), prefs.width(), prefs.height(), screens);
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
        stage.setMaximized(prefs.maximized());
    }

    /** Remembers {@code stage}'s place and size (a maximised window keeps its last normal bounds). */
    static void remember(Stage stage, AppPrefs prefs) {
        if (stage.isMaximized() || stage.isIconified()) {
            prefs.placement(prefs.x(), prefs.y(), prefs.width(), prefs.height(), stage.isMaximized());
        } else {
            prefs.placement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        }
        prefs.flush();
    }
}
