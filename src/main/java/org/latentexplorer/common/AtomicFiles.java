package org.latentexplorer.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files atomically: the content goes to a temporary sibling, is forced to disk, and is then
 * moved over the target. A failure at any point (a full disk, an exception in the writer) leaves
 * the previous file untouched and removes the temporary one.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Produces the content of a file on a stream it must not close. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Temporary files being written now, removed by a shutdown hook if the JVM stops (SIGTERM, SIGINT) mid-write. */
    private static final java.util.Set<Path> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static volatile boolean stopping;

    private static final class Cleanup {
        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping = true;
                for (Path tmp : LIVE) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // best effort while the JVM stops
                    }
                }
            }, "atomic-files-cleanup"));
        }

        static void register(Path tmp) {
            LIVE.add(tmp);
        }
    }

    /**
     * Writes {@code target} atomically. Temporary siblings that an earlier, killed run left behind
     * ({@code .NAME.<random>.tmp}) are removed first; this write's own temporary file is removed if
     * the JVM is stopped (SIGTERM, SIGINT) while it is written.
     *
     * @throws UserInputException if the file cannot be written (naming the file and the reason)
     */
    public static void write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
                removeStaleTemporaries(absolute);
            }
            // a fresh hidden sibling, created with the user's default permissions (createTempFile would make it 0600)
            tmp = temporarySibling(absolute);
            Cleanup.register(tmp);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
                 OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
                if (stopping) {
                    throw new IOException("the program is stopping");
                }
                writer.write(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            LIVE.remove(tmp);
            tmp = null;
        } catch (IOException e) {
            throw UserInputException.forFile(target, "could not be written (" + describe(e) + "); any previous file is unchanged", e);
        } finally {
            if (tmp != null) {
                LIVE.remove(tmp);
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and harmless
                }
            }
        }
    }

    private static Path temporarySibling(Path absolute) {
        return absolute.resolveSibling("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
    }

    /**
     * Removes {@code .NAME.<random>.tmp} siblings of {@code target} that no write in this JVM is
     * using: what a run killed during a save (kill -9, a power cut) left behind.
     *
     * @return how many were removed
     */
    static int removeStaleTemporaries(Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        String prefix = "." + absolute.getFileName() + ".";
        int removed = 0;
        try (java.nio.file.DirectoryStream<Path> siblings = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp")
                    && n.substring(prefix.length(), n.length() - 4).matches("[0-9a-z]{1,13}");
        })) {
            for (Path p : siblings) {
                if (!LIVE.contains(p) && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        } catch (IOException ignored) {
            // best effort: stale temporaries are hidden and harmless
        }
        return removed;
    }

    /**
     * Checks, before any long work, that {@link #write} will be able to write {@code target}: it is
     * not a directory, its nearest existing ancestor is a directory, and a file can be created
     * beside it (tried for real, so read-only file systems and permissions are caught). Creates
     * missing parent directories, as the write would.
     *
     * @throws UserInputException naming the path and the problem
     */
    public static void requireWritable(Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw UserInputException.forFile(target, "is a directory; give a file name to write");
        }
        Path dir = absolute.getParent();
        if (dir == null) {
            throw UserInputException.forFile(target, "has no parent directory to write into");
        }
        for (Path a = dir; a != null; a = a.getParent()) {
            if (Files.exists(a)) {
                if (!Files.isDirectory(a)) {
                    throw UserInputException.forFile(target, "cannot be written: " + a + " is a file, not a directory");
                }
                break;
            }
        }
        Path probe = null;
        try {
            Files.createDirectories(dir);
            probe = temporarySibling(absolute);
            Files.createFile(probe);
        } catch (IOException e) {
            throw UserInputException.forFile(target, "cannot be written (" + describe(e) + ")", e);
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** Writes bytes atomically. */
    public static void write(Path target, byte[] content) {
        write(target, out -> out.write(content));
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return m == null ? kind : kind + ": " + m;
    }
}
