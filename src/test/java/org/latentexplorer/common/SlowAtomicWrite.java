package org.latentexplorer.common;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A program for {@link TempFileCleanupTest}: starts an atomic write of the file named by its
 * argument, writes part of the content, says "writing" on standard output and then waits, so
 * that the test can stop it (SIGTERM, SIGINT) in the middle of the save.
 */
public final class SlowAtomicWrite {
    private SlowAtomicWrite() {
    }

    public static void main(String[] args) {
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write("partial content".getBytes(StandardCharsets.UTF_8));
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
