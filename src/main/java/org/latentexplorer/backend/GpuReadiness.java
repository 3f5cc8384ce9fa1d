package org.latentexplorer.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the ND4J CUDA backend can load on this host, judged before ND4J loads from what is on the
 * class path and the file system: the nd4j-cuda-11.6 jar and its native builds, the NVIDIA kernel
 * driver and its version, the user-space driver {@code libcuda.so.1}, the CUDA 11 runtime libraries
 * and cuDNN 8. Every fact that rules the GPU out is one sentence in {@link #obstacles()}; an empty
 * list means the GPU backend may be tried (ND4J still has the last word when it loads).
 *
 * @param cudaBackendPresent the nd4j-cuda backend classes are on the class path
 * @param cudnnBuildPresent  the nd4j-cuda build with cuDNN ({@code -cudnn} classifier) is on the class path
 * @param driver             the NVIDIA kernel driver's version, when {@code /proc/driver/nvidia/version} tells it
 * @param libcuda            where {@code libcuda.so.1} was found
 * @param cudnnLibrary       where {@code libcudnn.so.8} was found (or the class path resource holding it)
 * @param useCudnnBuild      the cuDNN build should be selected: it is present and cuDNN 8 was found
 * @param obstacles          why the GPU backend cannot load, each a complete sentence; empty when it may
 * @param notes              facts worth showing that do not rule the GPU out (e.g. cuDNN missing, so the
 *                           build without cuDNN is used)
 */
public record GpuReadiness(boolean cudaBackendPresent, boolean cudnnBuildPresent, Optional<DriverVersion> driver,
                           Optional<String> libcuda, Optional<String> cudnnLibrary, boolean useCudnnBuild,
                           List<String> obstacles, List<String> notes) {
    /** The ND4J CUDA backend's class, present only when an nd4j-cuda jar is on the class path. */
    public static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
    /** The CUDA release that nd4j-cuda-11.6 was built against. */
    public static final String CUDA_VERSION = "11.6";
    /** The cuDNN major version that the {@code -cudnn} build links against. */
    public static final String CUDNN_VERSION = "8";
    /** The JavaCPP platform extension of the nd4j-cuda build with cuDNN. */
    public static final String CUDNN_EXTENSION = "-cudnn";

    static final String PROC_DRIVER_VERSION = "/proc/driver/nvidia/version";
    static final String LIBCUDA = "libcuda.so.1";
    static final String LIBCUDNN = "libcudnn.so.8";
    /** The CUDA 11 runtime libraries that libnd4jcuda and JavaCPP's CUDA bindings link against. */
    static final List<String> CUDA_RUNTIME = List.of("libcudart.so.11.0", "libcublas.so.11", "libcusolver.so.11");

    public GpuReadiness {
        obstacles = List.copyOf(obstacles);
        notes = List.copyOf(notes);
    }

    /** Whether nothing rules the GPU backend out. */
    public boolean gpuMayLoad() {
        return obstacles.isEmpty();
    }

    /** Reads the host behind {@code probe}. Never throws. */
    public static GpuReadiness check(HostProbe probe) {
        List<String> obstacles = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String platform = javacppPlatform(probe);
        boolean backend = probe.hasClass(CUDA_BACKEND_CLASS);
        boolean plainBuild = probe.hasResource(bindings(platform, ""));
        boolean cudnnBuild = probe.hasResource(bindings(platform, CUDNN_EXTENSION));
        if (!backend) {
            obstacles.add("no nd4j-cuda-" + CUDA_VERSION + " jar on the class path: this is a CPU-only build"
                    + " (build with -Pcuda for the GPU backend)");
        } else if (!plainBuild && !cudnnBuild) {
            obstacles.add("nd4j-cuda-" + CUDA_VERSION + " is on the class path but has no native build for " + platform);
        }

        if (!platform.equals("linux-x86_64")) {
            if (backend) {
                notes.add("driver and library checks are implemented for linux-x86_64 only; ND4J decides on " + platform);
            }
            return new GpuReadiness(backend, cudnnBuild, Optional.empty(), Optional.empty(), Optional.empty(),
                    cudnnBuild, obstacles, notes);
        }

        LibrarySearchPath path = LibrarySearchPath.of(probe);
        Optional<DriverVersion> driver = probe.readFile(PROC_DRIVER_VERSION).flatMap(DriverVersion::fromProcText);
        boolean kernelModule = probe.readFile(PROC_DRIVER_VERSION).isPresent();
        Optional<String> libcuda = path.find(LIBCUDA);
        if (!kernelModule && libcuda.isEmpty()) {
            obstacles.add("no NVIDIA driver: " + PROC_DRIVER_VERSION + " is missing and " + LIBCUDA
                    + " is not in " + describe(path));
        } else if (libcuda.isEmpty()) {
            obstacles.add("the NVIDIA kernel driver " + driver.map(DriverVersion::text).orElse("(version unknown)")
                    + " is loaded but its user-space library " + LIBCUDA + " is not in " + describe(path));
        } else if (!kernelModule) {
            notes.add(PROC_DRIVER_VERSION + " is missing (normal under WSL2); driver version unknown, "
                    + LIBCUDA + " found at " + libcuda.get());
        }
        driver.filter(d -> d.compareTo(DriverVersion.MINIMUM_FOR_CUDA_11) < 0).ifPresent(d ->
                obstacles.add("NVIDIA driver " + d + " is too old for CUDA " + CUDA_VERSION + " (needs "
                        + DriverVersion.MINIMUM_FOR_CUDA_11 + " or newer)"));

        if (!backend) {
            return new GpuReadiness(false, false, driver, libcuda, Optional.empty(), false, obstacles, notes);
        }
        List<String> missingRuntime = new ArrayList<>();
        for (String lib : CUDA_RUNTIME) {
            if (locate(probe, path, lib).isEmpty()) {
                missingRuntime.add(lib);
            }
        }
        if (!missingRuntime.isEmpty()) {
            obstacles.add("the CUDA " + CUDA_VERSION + " runtime is missing (" + String.join(", ", missingRuntime)
                    + " not in " + describe(path) + " nor on the class path): install CUDA " + CUDA_VERSION
                    + " or add JavaCPP's cuda redist jar");
        }

        Optional<String> cudnn = locate(probe, path, LIBCUDNN);
        boolean useCudnn = cudnnBuild && cudnn.isPresent();
        if (cudnnBuild && cudnn.isEmpty()) {
            if (plainBuild) {
                notes.add("cuDNN " + CUDNN_VERSION + " missing (" + LIBCUDNN + " not found): using the nd4j-cuda build without cuDNN");
            } else {
                obstacles.add("cuDNN " + CUDNN_VERSION + " missing: the nd4j-cuda build with cuDNN needs " + LIBCUDNN
                        + ", which is not in " + describe(path));
            }
        }
        return new GpuReadiness(backend, cudnnBuild, driver, libcuda, cudnn, useCudnn, obstacles, notes);
    }

    /** The JavaCPP platform name of the host, e.g. {@code linux-x86_64}. */
    static String javacppPlatform(HostProbe probe) {
        String os = probe.osName().toLowerCase(Locale.ROOT);
        String arch = probe.osArch().toLowerCase(Locale.ROOT);
        String o = os.startsWith("linux") ? "linux" : os.startsWith("windows") ? "windows"
                : os.startsWith("mac") ? "macosx" : os;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "arm64" : arch;
        return o + "-" + a;
    }

    private static String bindings(String platform, String extension) {
        return "org/nd4j/linalg/jcublas/bindings/" + platform + extension + "/libjnind4jcuda.so";
    }

    /** A library in the search path, or in JavaCPP's CUDA redist jar on the class path. */
    private static Optional<String> locate(HostProbe probe, LibrarySearchPath path, String lib) {
        Optional<String> found = path.find(lib);
        if (found.isPresent()) {
            return found;
        }
        String resource = "org/bytedeco/cuda/linux-x86_64/" + lib;
        return probe.hasResource(resource) ? Optional.of("classpath:" + resource) : Optional.empty();
    }

    private static String describe(LibrarySearchPath path) {
        return "the library path (LD_LIBRARY_PATH, /etc/ld.so.conf, " + path.directories().size() + " directories)";
    }
}
