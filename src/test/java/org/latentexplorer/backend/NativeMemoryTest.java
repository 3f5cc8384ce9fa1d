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
}
