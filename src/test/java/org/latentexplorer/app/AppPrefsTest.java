package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPrefsTest {
    private final Preferences node = Preferences.userRoot().node("org/latentexplorer/prefs-test-" + System.nanoTime());

    @TempDir
    Path dir;

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void recentFilesAreNewestFirstWithoutDuplicatesAndBounded() {
        AppPrefs prefs = new AppPrefs(node);
        for (int i = 0; i < 10; i++) {
            prefs.addRecent(dir.resolve("m" + i + ".zip"));
        }
        List<Path> recent = prefs.addRecent(dir.resolve("m3.zip"));
        assertEquals(8, recent.size());
        assertEquals(dir.resolve("m3.zip").toAbsolutePath().normalize(), recent.get(0));
        assertEquals(dir.resolve("m9.zip").toAbsolutePath().normalize(), recent.get(1));
        assertEquals(1, recent.stream().filter(p -> p.getFileName().toString().equals("m3.zip")).count());
        assertEquals(recent, new AppPrefs(node).recent(), "remembered across instances");
    }

    @Test
    void windowSizeThemeAndLastFolderAreRemembered() {
        AppPrefs prefs = new AppPrefs(node);
        assertNull(prefs.lastFolder());
        prefs.size(1000, 700);
        prefs.dark(true);
        prefs.lastFolder(dir.resolve("model.zip"));
        AppPrefs again = new AppPrefs(node);
        assertEquals(1000, again.width());
        assertEquals(700, again.height());
        assertTrue(again.dark());
        assertEquals(dir.toAbsolutePath(), again.lastFolder());
    }

    @Test
    void theWindowOpensWhereItClosedKeptOnTheVisibleScreen() {
        java.util.List<javafx.geometry.Rectangle2D> fullHd = java.util.List.of(new javafx.geometry.Rectangle2D(0, 0, 1920, 1040));
        // fits: exactly as remembered
        assertEquals(new javafx.geometry.Rectangle2D(100, 30, 1600, 990), WindowPlacement.fit(100, 30, 1600, 990, fullHd));
        // a 1280×720 screen: no larger than the screen, and on it
        java.util.List<javafx.geometry.Rectangle2D> small = java.util.List.of(new javafx.geometry.Rectangle2D(0, 0, 1280, 720));
        assertEquals(new javafx.geometry.Rectangle2D(0, 0, 1280, 720), WindowPlacement.fit(100, 30, 1600, 990, small));
        // remembered on a monitor that is gone (right of the only one): moved back, size kept
        assertEquals(new javafx.geometry.Rectangle2D(920, 50, 1000, 700), WindowPlacement.fit(2500, 50, 1000, 700, fullHd));
        // partly off the top left: moved in
        assertEquals(new javafx.geometry.Rectangle2D(0, 0, 1000, 700), WindowPlacement.fit(-300, -40, 1000, 700, fullHd));
        // never placed: centred; too small a size grows to the views' minimum
        assertEquals(new javafx.geometry.Rectangle2D(510, 220, 900, 600), WindowPlacement.fit(Double.NaN, Double.NaN, 400, 300, fullHd));
        // two screens: the one the window overlaps most
        java.util.List<javafx.geometry.Rectangle2D> two = java.util.List.of(new javafx.geometry.Rectangle2D(0, 0, 1920, 1040),
                new javafx.geometry.Rectangle2D(1920, 0, 1280, 1000));
        assertEquals(new javafx.geometry.Rectangle2D(1920, 0, 1280, 990), WindowPlacement.fit(2000, 0, 1600, 990, two));
    }

    @Test
    void thePlaceAndSizeAreRemembered() {
        AppPrefs prefs = new AppPrefs(node);
        assertTrue(Double.isNaN(prefs.x()) && Double.isNaN(prefs.y()), "no place before the first close");
        prefs.placement(120, 80, 1600, 990, false);
        AppPrefs again = new AppPrefs(node);
        assertEquals(120, again.x());
        assertEquals(80, again.y());
        assertEquals(1600, again.width());
        assertEquals(990, again.height());
        assertEquals(false, again.maximized());
    }
}
