package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the app looks for its bundled demo models. */
class ModelLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theInstallersModelDirectoryIsSearchedFirst() throws IOException {
        Files.writeString(dir.resolve("b.zip"), "x");
        Files.writeString(dir.resolve("a.zip"), "x");
        Files.writeString(dir.resolve("notes.txt"), "x");
        String before = System.getProperty(ModelLoader.MODELS_PROPERTY);
        System.setProperty(ModelLoader.MODELS_PROPERTY, dir.toString());
        try {
            assertEquals(dir.toAbsolutePath().normalize(), ModelLoader.modelDirectories().get(0));
            assertEquals(dir.resolve("a.zip").toAbsolutePath().normalize(), ModelLoader.bundledModels().get(0));
            assertEquals(dir.resolve("b.zip").toAbsolutePath().normalize(), ModelLoader.bundledModels().get(1));
        } finally {
            if (before == null) {
                System.clearProperty(ModelLoader.MODELS_PROPERTY);
            } else {
                System.setProperty(ModelLoader.MODELS_PROPERTY, before);
            }
        }
    }

    @Test
    void aMissingConfiguredDirectoryIsSkipped() {
        System.setProperty(ModelLoader.MODELS_PROPERTY, dir.resolve("absent").toString());
        try {
            assertFalse(ModelLoader.modelDirectories().contains(dir.resolve("absent").toAbsolutePath().normalize()));
        } finally {
            System.clearProperty(ModelLoader.MODELS_PROPERTY);
        }
    }
}
