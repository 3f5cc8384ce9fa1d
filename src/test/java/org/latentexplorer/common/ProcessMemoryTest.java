package org.latentexplorer.common;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    @Test
    void parsesKilobyteLinesOfProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  2048 kB\nVmRSS:\t  1024 kB\nThreads:\t30\n";
        assertEquals(OptionalLong.of(1024L * 1024), ProcessMemory.parseKb(status, "VmRSS:"));
        assertEquals(OptionalLong.of(2048L * 1024), ProcessMemory.parseKb(status, "VmHWM:"));
        assertTrue(ProcessMemory.parseKb(status, "VmSwap:").isEmpty());
    }

    @Test
    void residentSetGrowsWhenFreshMemoryIsTouchedAndFaultsAreCounted() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux only");
        long rss = ProcessMemory.residentBytes().orElseThrow();
        long faults = ProcessMemory.minorFaults().orElseThrow();
        assertTrue(rss > 10L << 20, "a JVM holds more than 10 MB: " + rss);
        // touch 64 MB of fresh off-heap memory, page by page
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(64 << 20);
        for (int i = 0; i < b.capacity(); i += 4096) {
            b.put(i, (byte) 1);
        }
        long faultsAfter = ProcessMemory.minorFaults().orElseThrow();
        assertTrue(faultsAfter - faults >= 1000, "touching 16,384 fresh pages faults: " + (faultsAfter - faults));
        assertTrue(ProcessMemory.peakResidentBytes().orElseThrow() >= ProcessMemory.residentBytes().orElseThrow() - (1 << 20));
        assertEquals("1,024 MB", ProcessMemory.megabytes(OptionalLong.of(1L << 30)));
        assertEquals("?", ProcessMemory.megabytes(OptionalLong.empty()));
    }
}
