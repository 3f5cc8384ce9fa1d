package org.latentexplorer.backend;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class NativeMemoryTest {
    private static final long GIB = 1L << 30;

    @Test
    void capsFollowPhysicalMemory() {
        NativeMemory.Caps desktop = NativeMemory.plan(16 * GIB);
        assertEquals(8 * GIB, desktop.maxPhysicalBytes(), "half of a 16 GB desktop");
        assertEquals(4 * GIB, desktop.maxBytes());
        NativeMemory.Caps small = NativeMemory.plan(2 * GIB);
        assertEquals(GIB, small.maxPhysicalBytes(), "at least 1 GB below physical memory, never under 1 GB");
        NativeMemory.Caps tiny = NativeMemory.plan(GIB);
        assertEquals(GIB, tiny.maxPhysicalBytes());
        assertTrue(tiny.maxBytes() <= tiny.maxPhysicalBytes());
        NativeMemory.Caps server = NativeMemory.plan(256 * GIB);
        assertEquals(128 * GIB, server.maxPhysicalBytes());
    }

    @Test
    void physicalMemoryIsKnownHere() {
        assertTrue(NativeMemory.physicalMemory() > GIB, "the build machine has more than 1 GB");
    }

    @Test
    void relaunchesOnceOnLinuxOnlyAndNotOverTheUsersSettings() {
        assertTrue(NativeMemory.shouldRelaunch(java.util.Map.of("PATH", "/usr/bin"), "Linux", null));
        assertFalse(NativeMemory.shouldRelaunch(java.util.Map.of(NativeMemory.RELAUNCHED_ENV, "1"), "Linux", null),
                "the relaunched process never relaunches");
        assertFalse(NativeMemory.shouldRelaunch(java.util.Map.of("MALLOC_ARENA_MAX", "4"), "Linux", null),
                "the user's own malloc settings are kept");
        assertFalse(NativeMemory.shouldRelaunch(java.util.Map.of(), "Linux", "default"));
        assertFalse(NativeMemory.shouldRelaunch(java.util.Map.of(), "Mac OS X", null));
        assertFalse(NativeMemory.shouldRelaunch(java.util.Map.of(), "Windows 11", null));
    }

    @Test
    void commandLineComesFromProcSelfCmdline() {
        byte[] cmdline = "java\0-Dx=a b\0-jar\0le.jar\0\0bench\0".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(java.util.List.of("/usr/lib/jvm/bin/java", "-Dx=a b", "-jar", "le.jar", "", "bench"),
                NativeMemory.commandLine(cmdline, "/usr/lib/jvm/bin/java"), "an empty argument is kept");
        assertEquals(java.util.List.of(), NativeMemory.commandLine(new byte[0], "/x"));
    }
}
