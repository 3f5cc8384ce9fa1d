package org.latentexplorer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The app's folder for training checkpoints that have not been saved yet: one per running app, under the
 * system temp directory, named {@code latent-explorer-…} and marked with the owning process's id. It is
 * deleted at quit; the folder of an app that ended without quitting (a crash, a killed process) is
 * recognised at the next start by its dead owner, so its checkpoints can be offered for recovery.
 */
final class WorkDirectory {
    static final String PREFIX = "latent-explorer-";
    static final String OWNER = "owner.pid";
    static final String CHECKPOINT_PREFIX = "training-";

    private WorkDirectory() {
    }

    /** Creates a new work folder under {@code root}, owned by this process. */
    static Path create(Path root) throws IOException {
        Files.createDirectories(root);
        Path dir = Files.createTempDirectory(root, PREFIX);
        claim(dir);
        return dir;
    }

    /** Marks {@code dir} as owned by this process (creating it if needed). */
    static void claim(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(OWNER), Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the app's work folder " + dir, e);
        }
    }

    /** The checkpoint files in {@code dir}, newest first (none when it does not exist). */
    static List<Path> checkpoints(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, CHECKPOINT_PREFIX + "*.zip")) {
            for (Path p : s) {
                if (Files.isRegularFile(p) && Files.size(p) > 0) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(WorkDirectory::modified).reversed());
        return out;
    }

    /**
     * Work folders under {@code root} left by app processes that are no longer running, other than
     * {@code own}: those of a crashed or killed app.
     */
    static List<Path> stale(Path root, Path own) {
        List<Path> out = new ArrayList<>();
        if (root == null || !Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path dir : s) {
                if (Files.isDirectory(dir) && (own == null || !sameFile(dir, own)) && !ownerAlive(dir)) {
                    out.add(dir);
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(WorkDirectory::modified).reversed());
        return out;
    }

    private static boolean ownerAlive(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(OWNER), StandardCharsets.US_ASCII).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false; // no owner recorded: an older app's folder, or a half-written one
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /** Deletes the checkpoints in {@code dir} other than {@code keep}; returns how many went. */
    static int sweep(Path dir, Collection<Path> keep) {
        int n = 0;
        for (Path p : checkpoints(dir)) {
            boolean kept = keep.stream().anyMatch(k -> k != null && sameFile(k, p));
            if (!kept) {
                try {
                    Files.deleteIfExists(p);
                    n++;
                } catch (IOException e) {
                    // left for the next sweep or the quit
                }
            }
        }
        return n;
    }

    /** Deletes {@code dir} and everything in it; quietly leaves what cannot be deleted. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // e.g. a file still open on Windows; the folder stays and is offered again later
                }
            });
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
