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
}
