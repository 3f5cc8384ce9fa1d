package org.latentexplorer.backend;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Bounds and steadies the native (off-heap) memory of ND4J, at start-up, before ND4J loads.
 *
 * <p><b>JavaCPP caps.</b> ND4J's arrays live outside the Java heap and are otherwise freed when the
 * garbage collector finds them, so the resident set can float far above what a step needs. JavaCPP
 * forces a collection when the process's resident set passes {@code org.bytedeco.javacpp.maxphysicalbytes}
 * (and its own tracked allocations pass {@code maxbytes}). Unless set with {@code -D}, both are set
 * from the machine's physical memory (see {@link #plan}) so that a desktop does not swap.
 *
 * <p><b>glibc malloc.</b> The training step reuses its own arrays ({@code training.StepMemory}),
 * but libnd4j and oneDNN allocate and free their temporaries (reordered copies of activations and
 * weights, scratchpads: hundreds of MB per step at 64×64, batch 256) inside every op call. By
 * default glibc serves large blocks with fresh mmaps (always above 32 MB, and above 64 MB in any
 * thread's arena but the main one) and returns freed memory to the kernel, so every step
 * page-faults and zeroes them again. Only settings made before the process starts reach all of
 * glibc's arenas, so on Linux {@link #relaunch} starts the same command again with
 * {@link #MALLOC_ENV} in its environment (one arena, no mmap for large blocks, keep up to
 * {@link #TRIM_THRESHOLD} of free memory): freed buffers are then reused by the next op and step.
 * Where the relaunch does not happen (the variables are already set, or it is turned off with
 * {@code -Dlatentexplorer.malloc=default}) {@link #configure} applies what {@code mallopt} can still
 * change at run time.
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

    /** The environment that {@link #relaunch} adds (glibc's malloc tunables). */
    public static final Map<String, String> MALLOC_ENV = Map.of(
            "MALLOC_ARENA_MAX", "1",
            "MALLOC_MMAP_MAX_", "0",
            "MALLOC_TRIM_THRESHOLD_", Long.toString(TRIM_THRESHOLD));
    /** Set in the relaunched process's environment, so that it never relaunches again. */
    public static final String RELAUNCHED_ENV = "LATENTEXPLORER_RELAUNCHED";

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

    /**
     * Whether this process should start itself again with {@link #MALLOC_ENV}: on Linux, unless it is
     * the relaunched process, the user set any of those variables, or {@code -Dlatentexplorer.malloc=default}.
     */
    public static boolean shouldRelaunch(Map<String, String> env, String osName, String mallocProperty) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux") || "default".equals(mallocProperty)) {
            return false;
        }
        if (env.containsKey(RELAUNCHED_ENV)) {
            return false;
        }
        for (String k : MALLOC_ENV.keySet()) {
            if (env.containsKey(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * On Linux, runs this same command line again (from {@code /proc/self/cmdline}, the executable
     * from {@code /proc/self/exe}) with {@link #MALLOC_ENV} added to the environment, waits for it
     * and returns its exit status; empty when no relaunch is wanted or possible (then the caller
     * simply continues). Standard input, output and error are shared with the new process.
     */
    public static OptionalInt relaunch() {
        if (!shouldRelaunch(System.getenv(), System.getProperty("os.name", ""), System.getProperty(MALLOC_PROPERTY))) {
            return OptionalInt.empty();
        }
        List<String> command;
        try {
            command = commandLine(Files.readAllBytes(Path.of("/proc/self/cmdline")),
                    Path.of("/proc/self/exe").toRealPath().toString());
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        // jpackage's Linux launcher sets this for its own second pass; inherited, the new launcher
        // would take the app's arguments as the JVM's ("could not find or load main class info")
        pb.environment().remove("_JPACKAGE_LAUNCHER");
        pb.environment().putAll(MALLOC_ENV);
        pb.environment().put(RELAUNCHED_ENV, "1");
        Process child;
        try {
            child = pb.start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Thread stopChild = new Thread(child::destroy, "stop relaunched process");
        Runtime.getRuntime().addShutdownHook(stopChild);
        while (true) {
            try {
                int status = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(stopChild);
                return OptionalInt.of(status);
            } catch (InterruptedException e) {
                // keep waiting: this process only forwards the child's exit status
            } catch (IllegalStateException e) {
                return OptionalInt.of(child.exitValue());
            }
        }
    }

    /** The arguments of a NUL-separated command line, with the first replaced by the executable's path. */
    static List<String> commandLine(byte[] cmdline, String executable) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                out.add(new String(cmdline, start, i - start, java.nio.charset.StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            out.add(new String(cmdline, start, cmdline.length - start, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!out.isEmpty()) {
            out.set(0, executable);
        }
        return out;
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
        Map<String, String> env = System.getenv();
        if (MALLOC_ENV.keySet().stream().anyMatch(env::containsKey)) {
            StringBuilder b = new StringBuilder("malloc from the environment (");
            MALLOC_ENV.keySet().stream().sorted().filter(env::containsKey)
                    .forEach(k -> b.append(b.charAt(b.length() - 1) == '(' ? "" : " ").append(k).append('=').append(env.get(k)));
            return b.append(')').toString();
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
