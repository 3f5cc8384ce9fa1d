package org.latentexplorer.backend;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bounds and steadies the native (off-heap) memory of ND4J, at start-up, before ND4J loads.
 *
 * <p><b>JavaCPP caps.</b> ND4J's arrays live outside the Java heap and are otherwise freed when the
 * garbage collector finds them, so the resident set can float far above what a step needs. JavaCPP
 * forces a collection when the process's resident set passes {@code org.bytedeco.javacpp.maxphysicalbytes}
 * (and its own tracked allocations pass {@code maxbytes}). Unless set with {@code -D}, both are set
 * from the machine's physical memory (see {@link #plan}) so that a desktop does not swap.
 *
 * <p><b>glibc malloc.</b> Each training step allocates and frees the same large native buffers
 * (activations, their gradients, libnd4j's and oneDNN's temporaries). By default glibc serves blocks
 * above its mmap threshold (at most 32 MB) with fresh mmaps and returns freed memory to the kernel,
 * so every step page-faults and zeroes them again. On Linux/glibc this class asks malloc (via
 * {@code mallopt}) to serve large blocks from its heap, keep up to {@link #TRIM_THRESHOLD} of free
 * memory for reuse, and use one arena; freed buffers are then reused by the next step. Set
 * {@code -Dlatentexplorer.malloc=default} to leave malloc as it is.
 */
public final class NativeMemory {
    public static final String MAX_BYTES = "org.bytedeco.javacpp.maxbytes";
    public static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxphysicalbytes";
    public static final String MALLOC_PROPERTY = "latentexplorer.malloc";
    /** Free memory malloc keeps at the top of its heap instead of returning it (bytes). */
    public static final long TRIM_THRESHOLD = 512L << 20;

    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_MAX = -4;
    private static final int M_ARENA_MAX = -8;

    private static volatile String summary = "not configured";

    private NativeMemory() {
    }

    /** JavaCPP's two caps for a machine with {@code physical} bytes of memory. */
    public record Caps(long maxBytes, long maxPhysicalBytes) {
    }

    /**
     * The caps for a machine: the resident set is capped at half the physical memory (at least
     * 1 GiB below it on small machines, never under 1 GiB), JavaCPP's tracked allocations at a
     * quarter. On a 16 GB desktop: 8 GB resident, far above what training needs (about 1-2 GB at
     * 64×64, batch 256) but below the point where the desktop would swap.
     */
    public static Caps plan(long physical) {
        long gib = 1L << 30;
        long resident = Math.max(gib, Math.min(physical / 2, physical - gib));
        long tracked = Math.max(gib / 2, physical / 4);
        return new Caps(tracked, Math.max(resident, tracked));
    }

    /** Sets the caps (unless given with -D) and malloc's behaviour; call first thing in main. Idempotent. */
    public static synchronized void configure() {
        if (!"not configured".equals(summary)) {
            return;
        }
        List<String> parts = new ArrayList<>();
        long physical = physicalMemory();
        if (physical > 0) {
            Caps caps = plan(physical);
            setIfAbsent(MAX_BYTES, caps.maxBytes(), parts);
            setIfAbsent(MAX_PHYSICAL_BYTES, caps.maxPhysicalBytes(), parts);
        }
        parts.add(configureMalloc());
        summary = String.join(", ", parts);
    }

    /** What {@link #configure()} did, for {@code info}. */
    public static String summary() {
        return summary;
    }

    private static void setIfAbsent(String property, long bytes, List<String> parts) {
        String given = System.getProperty(property);
        if (given == null || given.isBlank()) {
            System.setProperty(property, Long.toString(bytes));
            parts.add(property.substring(property.lastIndexOf('.') + 1) + "=" + (bytes >> 20) + "M");
        } else {
            parts.add(property.substring(property.lastIndexOf('.') + 1) + "=" + given + " (-D)");
        }
    }

    private static String configureMalloc() {
        if ("default".equals(System.getProperty(MALLOC_PROPERTY))) {
            return "malloc as default (-D" + MALLOC_PROPERTY + "=default)";
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return "malloc as default (not Linux)";
        }
        try {
            CLibrary c = (CLibrary) Native.loadLibrary("c", CLibrary.class);
            // mallopt returns 1 on success; musl and other libcs do not have it (UnsatisfiedLinkError)
            boolean ok = c.mallopt(M_MMAP_MAX, 0) == 1
                    & c.mallopt(M_TRIM_THRESHOLD, (int) TRIM_THRESHOLD) == 1
                    & c.mallopt(M_ARENA_MAX, 1) == 1;
            return ok ? "malloc reuses freed memory (no mmap, trim above " + (TRIM_THRESHOLD >> 20) + "M, 1 arena)"
                    : "malloc as default (mallopt refused)";
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return "malloc as default (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Physical memory in bytes, or 0 when unknown. */
    static long physicalMemory() {
        try {
            java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                return sun.getTotalMemorySize();
            }
        } catch (RuntimeException | LinkageError e) {
            // unknown: leave JavaCPP's defaults
        }
        return 0;
    }

    /** The one libc function used. */
    public interface CLibrary extends Library {
        int mallopt(int param, int value);
    }
}
