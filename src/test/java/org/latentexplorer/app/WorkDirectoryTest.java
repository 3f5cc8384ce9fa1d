package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's temporary checkpoint folders: owned, swept, deleted, and recognised when an app crashed. */
class WorkDirectoryTest {
    @TempDir
    Path root;

    @Test
    void onlyFoldersOfAppsThatAreNoLongerRunningAreStale() throws Exception {
        Path mine = WorkDirectory.create(root);
        Path other = WorkDirectory.create(root); // owned by this (running) process too: another live app
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path crashed = Files.createDirectories(root.resolve(WorkDirectory.PREFIX + "crashed"));
        Files.writeString(crashed.resolve(WorkDirectory.OWNER), Long.toString(gone.pid()));
        Path older = Files.createDirectories(root.resolve(WorkDirectory.PREFIX + "no-owner"));
        Files.createDirectories(root.resolve("unrelated"));
        List<Path> stale = WorkDirectory.stale(root, mine);
        assertTrue(stale.contains(crashed), stale.toString());
        assertTrue(stale.contains(older), stale.toString());
        assertFalse(stale.contains(mine));
        assertFalse(stale.contains(other), "a folder of a running app is not offered");
        assertEquals(2, stale.size(), stale.toString());
    }

    @Test
    void sweepKeepsWhatIsStillReferredToAndDeleteRemovesTheFolder() throws Exception {
        Path dir = WorkDirectory.create(root);
        Path a = Files.writeString(dir.resolve("training-a.zip"), "a");
        Path b = Files.writeString(dir.resolve("training-b.zip"), "b");
        Path empty = Files.createFile(dir.resolve("training-c.zip"));
        Files.writeString(dir.resolve("notes.txt"), "not a checkpoint");
        assertEquals(List.of(a, b).size(), WorkDirectory.checkpoints(dir).size(), "empty files are not checkpoints");
        assertEquals(1, WorkDirectory.sweep(dir, java.util.Arrays.asList(b, null)));
        assertFalse(Files.exists(a));
        assertTrue(Files.exists(b));
        assertTrue(Files.exists(empty));
        WorkDirectory.delete(dir);
        assertFalse(Files.exists(dir));
    }
}
