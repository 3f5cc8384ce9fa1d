package org.latentexplorer.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the ND4J CPU native build (oneDNN AVX-512, oneDNN AVX2 or plain oneDNN) from the CPU's
 * features before ND4J loads, by setting JavaCPP's {@code org.bytedeco.javacpp.platform.extension}.
 * A value the user set explicitly (with {@code -D}) is kept. Call {@link #select()} before the first
 * use of any ND4J class; it is idempotent.
 *
 * <p>When an nd4j-cuda jar is on the class path and {@link GpuReadiness} finds the host ready for its
 * cuDNN build, {@code -cudnn} is added to the property as a second extension ({@code -onednn-avx2:-cudnn} on Linux):
 * JavaCPP tries each extension per library, so the CUDA backend finds its cuDNN build and the CPU
 * backend, should ND4J fall back to it, still finds its oneDNN build.
 */
public final class NativeBuild {
    /** The JavaCPP system property naming the native build's classifier suffix. */
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private static volatile String chosen;
    private static volatile String reason;
    private static volatile GpuReadiness gpu;

    private NativeBuild() {
    }

    /** Selects the native build once and returns the extension in use (e.g. {@code -onednn-avx512}). */
    public static synchronized String select() {
        if (chosen != null) {
            return chosen;
        }
        gpu = GpuReadiness.check(LiveHostProbe.INSTANCE);
        String explicit = System.getProperty(EXTENSION_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            chosen = explicit;
            reason = "set with -D" + EXTENSION_PROPERTY;
            return chosen;
        }
        Set<String> flags = cpuFlags();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            chosen = "";
            reason = "no oneDNN build shipped for " + os + "/" + arch + "; using ND4J's default";
        } else {
            chosen = extensionFor(flags);
            reason = flags.isEmpty() ? "CPU features unknown" : "CPU has " + describe(flags);
        }
        String property = propertyValue(chosen, gpu);
        if (!property.isEmpty()) {
            System.setProperty(EXTENSION_PROPERTY, property);
        }
        return chosen;
    }

    /** The extension {@link #select()} chose (e.g. {@code -onednn-avx2}, empty for ND4J's default), or null before it ran. */
    public static String selected() {
        return chosen;
    }

    /** The property's value: the CPU extension, followed by {@code -cudnn} when the GPU's cuDNN build should load. */
    static String propertyValue(String cpuExtension, GpuReadiness gpu) {
        if (gpu == null || !gpu.gpuMayLoad() || !gpu.useCudnnBuild()) {
            return cpuExtension;
        }
        // JavaCPP splits the property on the path separator (':' on Linux, ';' on Windows).
        return cpuExtension.isEmpty() ? GpuReadiness.CUDNN_EXTENSION
                : cpuExtension + java.io.File.pathSeparator + GpuReadiness.CUDNN_EXTENSION;
    }

    /** What {@link GpuReadiness} found when the build was selected (before ND4J loaded). */
    public static GpuReadiness gpuReadiness() {
        select();
        return gpu;
    }

    /** The extension for a set of CPU flags: AVX-512 (f, vl, bw, dq) > AVX2 > generic oneDNN. */
    static String extensionFor(Set<String> flags) {
        if (flags.containsAll(Set.of("avx512f", "avx512vl", "avx512bw", "avx512dq"))) {
            return "-onednn-avx512";
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            return "-onednn-avx2";
        }
        return "-onednn";
    }

    /** Why the current build was chosen, for {@code info} and the status bar. */
    public static String reason() {
        select();
        return reason;
    }

    /** The CPU feature flags relevant to the native builds, read from /proc/cpuinfo on Linux. */
    public static Set<String> cpuFlags() {
        Set<String> out = new TreeSet<>();
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("flags")) {
                    int colon = line.indexOf(':');
                    for (String f : line.substring(colon + 1).trim().split("\\s+")) {
                        if (f.startsWith("avx") || f.equals("fma") || f.startsWith("sse4")) {
                            out.add(f);
                        }
                    }
                    break;
                }
            }
        } catch (IOException e) {
            // unknown features: the generic oneDNN build runs everywhere
        }
        return out;
    }

    private static String describe(Set<String> flags) {
        return String.join(" ", flags);
    }
}
