package org.latentexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** What the app remembers between runs (java.util.prefs): window place and size, last folder, recent files, theme, first-run hint. */
public final class AppPrefs {
    /** The node used by the real app. */
    public static final String NODE = "org/latentexplorer/app";
    private static final int MAX_RECENT = 8;
    private final Preferences prefs;

    public AppPrefs(Preferences prefs) {
        this.prefs = prefs;
    }

    public static AppPrefs user() {
        return new AppPrefs(Preferences.userRoot().node(NODE));
    }

    public double width() {
        return prefs.getDouble("width", 1280);
    }

    public double height() {
        return prefs.getDouble("height", 820);
    }

    public void size(double width, double height) {
        prefs.putDouble("width", width);
        prefs.putDouble("height", height);
    }

    /** The window's last left edge on the screen, NaN when none was remembered. */
    public double x() {
        return prefs.getDouble("x", Double.NaN);
    }

    /** The window's last top edge on the screen, NaN when none was remembered. */
    public double y() {
        return prefs.getDouble("y", Double.NaN);
    }

    /** Whether the window was maximised when it closed. */
    public boolean maximized() {
        return prefs.getBoolean("maximized", false);
    }

    /** Remembers the window's place and size (the stage's, decorations included) and whether it was maximised. */
    public void placement(double x, double y, double width, double height, boolean maximized) {
        prefs.putDouble("x", x);
        prefs.putDouble("y", y);
        size(width, height);
        prefs.putBoolean("maximized", maximized);
    }

    public boolean dark() {
        return prefs.getBoolean("dark", false);
    }

    public void dark(boolean dark) {
        prefs.putBoolean("dark", dark);
    }

    /** Whether the first-run hint has been shown (it is shown once). */
    public boolean firstRunHintShown() {
        return prefs.getBoolean("firstRunHintShown", false);
    }

    public void firstRunHintShown(boolean shown) {
        prefs.putBoolean("firstRunHintShown", shown);
    }

    /** The last folder a file was opened from or saved to, if it still exists. */
    public Path lastFolder() {
        String s = prefs.get("lastFolder", null);
        if (s == null) {
            return null;
        }
        Path p = Path.of(s);
        return Files.isDirectory(p) ? p : null;
    }

    public void lastFolder(Path file) {
        Path dir = Files.isDirectory(file) ? file : file.toAbsolutePath().getParent();
        if (dir != null) {
            prefs.put("lastFolder", dir.toString());
        }
    }

    public List<Path> recent() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String s = prefs.get("recent" + i, null);
            if (s != null) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    /** Moves {@code file} to the top of the recent files. */
    public List<Path> addRecent(Path file) {
        List<Path> list = recent();
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX_RECENT) {
            list.remove(list.size() - 1);
        }
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                prefs.put("recent" + i, list.get(i).toString());
            } else {
                prefs.remove("recent" + i);
            }
        }
        return list;
    }

    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // preferences are a convenience; losing them is harmless
        }
    }
}
