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

    @Test
    void cpuTimeGrowsWithWorkOnThisThreadAndMatchesTheThreadsOwnClock() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long process = ProcessMemory.cpuTimeNanos().orElseThrow();
        long thread = threads.getCurrentThreadCpuTime();
        double x = 0;
        while (threads.getCurrentThreadCpuTime() - thread < 300_000_000L) {
            x += Math.sqrt(x + 1);
        }
        long used = ProcessMemory.cpuTimeNanos().orElseThrow() - process;
        // the process used at least this thread's 0.3 s, less the 10 ms resolution of /proc at each end
        assertTrue(used >= 280_000_000L, "process CPU time grew by " + used + " ns (" + x + ")");
    }
}
