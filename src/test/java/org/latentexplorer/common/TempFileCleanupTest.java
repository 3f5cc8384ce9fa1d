package org.latentexplorer.common;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files of atomic writes never outlive their run: removed on SIGTERM/SIGINT, and stale ones at the next write. */
class TempFileCleanupTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Starts {@link SlowAtomicWrite} on {@code target} in a fresh JVM and waits until it is in the middle of the save. */
    private Process startSave(Path target) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), SlowAtomicWrite.class.getName(),
                target.toString()).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertEquals("writing", line, "the child reached the save");
        return p;
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void stoppingTheJvmDuringASaveLeavesNoTemporaryFileAndTheOldFile() throws Exception {
        Path target = dir.resolve("model.zip");
        Files.writeString(target, "good");
        for (String signal : new String[] {"TERM", "INT"}) {
            if (signal.equals("INT") && ignoresSigint()) {
                // started in the background of a non-interactive shell (nohup … &): SIGINT is ignored, the child
                // inherits that, and the JVM then leaves SIGINT alone; only SIGTERM can be checked here
                continue;
            }
            Process p = startSave(target);
            assertEquals(2, names().size(), "the temporary file exists mid-save: " + names());
            if (signal.equals("TERM")) {
                p.destroy(); // SIGTERM
            } else {
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            }
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the child stopped");
            assertEquals(List.of("model.zip"), names(), "after SIG" + signal);
            assertEquals("good", Files.readString(target));
        }
    }

    /** Whether this process ignores SIGINT (Linux: bit 2 of SigIgn in /proc/self/status); false where unknown. */
    private static boolean ignoresSigint() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    @Test
    void staleTemporariesOfTheSameTargetAreRemovedAtTheNextWrite() throws IOException {
        Path target = dir.resolve("model.zip");
        Files.writeString(dir.resolve(".model.zip.3kq9z0v1x2.tmp"), "left by kill -9");
        Files.writeString(dir.resolve(".model.zip.zz.tmp"), "left by kill -9");
        Files.writeString(dir.resolve(".other.zip.3kq9z0v1x2.tmp"), "another target's");
        Files.writeString(dir.resolve(".model.zip.not-ours.tmp"), "not our pattern");
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(".model.zip.not-ours.tmp", ".other.zip.3kq9z0v1x2.tmp", "model.zip"), names());
        assertEquals("new", Files.readString(target));
        assertTrue(new File(target.toString()).exists());
    }
}
