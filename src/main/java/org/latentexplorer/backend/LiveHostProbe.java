package org.latentexplorer.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The real host: this process's class path, file system and environment. */
public final class LiveHostProbe implements HostProbe {
    /** The one instance; it holds no state. */
    public static final LiveHostProbe INSTANCE = new LiveHostProbe();

    private LiveHostProbe() {
    }

    @Override
    public boolean hasClass(String className) {
        try {
            Class.forName(className, false, LiveHostProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public boolean hasResource(String resource) {
        return LiveHostProbe.class.getClassLoader().getResource(resource) != null;
    }

    @Override
    public Optional<String> readFile(String path) {
        try {
            return Optional.of(Files.readString(Path.of(path), StandardCharsets.ISO_8859_1));
        } catch (IOException | InvalidPathException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> realPath(String path) {
        try {
            return Optional.of(Path.of(path).toRealPath().toString());
        } catch (IOException | InvalidPathException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> list(String directory) {
        try (Stream<Path> entries = Files.list(Path.of(directory))) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException | InvalidPathException | SecurityException e) {
            return List.of();
        }
    }

    @Override
    public Optional<String> env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public String osName() {
        return System.getProperty("os.name", "");
    }

    @Override
    public String osArch() {
        return System.getProperty("os.arch", "");
    }
}
