package org.latentexplorer.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's own memory figures from Linux's {@code /proc/self}: resident set size (which,
 * unlike the Java heap, includes ND4J's off-heap arrays and native libraries), its peak, and the
 * count of minor page faults. Plain file reads, no ND4J, so the app's status bar can call it on any
 * thread. Elsewhere (macOS, Windows) every figure is empty.
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path STAT = Path.of("/proc/self/stat");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {
    }

    /** The resident set size in bytes ({@code VmRSS}). */
    public static OptionalLong residentBytes() {
        return statusKb("VmRSS:");
    }

    /** The peak resident set size in bytes ({@code VmHWM}) since start or the last {@link #resetPeak()}. */
    public static OptionalLong peakResidentBytes() {
        return statusKb("VmHWM:");
    }

    /** Minor page faults of the process so far (field 10 of {@code /proc/self/stat}). */
    public static OptionalLong minorFaults() {
        try {
            String stat = Files.readString(STAT, StandardCharsets.US_ASCII);
            // the command name (field 2) is in parentheses and may contain spaces: count after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return OptionalLong.of(Long.parseLong(f[7]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The CPU time this process has used so far, user plus system, all threads, in nanoseconds (Linux:
     * {@code /proc/self/stat}, in clock ticks of 1/100 s), or empty where it cannot be read.
     */
    public static OptionalLong cpuTimeNanos() {
        try {
            String stat = Files.readString(STAT, StandardCharsets.US_ASCII);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // fields 14 (utime) and 15 (stime) of proc(5), counted from field 3 here
            return OptionalLong.of((Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Resets the peak resident set size to the current one (writing 5 to {@code /proc/self/clear_refs},
     * Linux 4.0 and later), so that a later {@link #peakResidentBytes()} measures one phase.
     *
     * @return whether the kernel accepted the reset
     */
    public static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** "1,234 MB" for a byte count, "?" when unknown. */
    public static String megabytes(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(java.util.Locale.ROOT, "%,d MB", bytes.getAsLong() >> 20) : "?";
    }

    static OptionalLong parseKb(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong statusKb(String key) {
        try {
            return parseKb(Files.readString(STATUS, StandardCharsets.US_ASCII), key);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
