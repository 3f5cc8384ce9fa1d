package org.latentexplorer.backend;

import java.util.List;
import java.util.Optional;

/**
 * What ND4J reported once it loaded: the backend class, the devices it computes on, the CUDA and
 * cuDNN versions when the backend is the GPU one, and the native build in use. A value, so that
 * {@link BackendDiagnosis} can be built and tested without loading ND4J.
 *
 * @param backendClass the simple name of ND4J's backend class ({@code CpuBackend}, {@code JCublasBackend}),
 *                     or {@code none} when no backend loaded
 * @param devices      the devices, e.g. "CPU, 8 threads" or "NVIDIA GeForce RTX 3060 (12 GB, compute 8.6)"
 * @param cudaVersion  the CUDA version of a GPU backend
 * @param cudnnVersion the cuDNN version of a GPU backend built with cuDNN
 * @param nativeBuild  the native build, e.g. "nd4j-native-onednn-avx2"
 * @param loadError    why ND4J failed to load at all
 */
public record LoadedBackend(String backendClass, List<String> devices, Optional<String> cudaVersion,
                            Optional<String> cudnnVersion, String nativeBuild, Optional<String> loadError) {
    public LoadedBackend {
        devices = List.copyOf(devices);
    }

    /** Whether the GPU (CUDA) backend loaded. */
    public boolean isGpu() {
        return backendClass.contains("JCublas") || backendClass.toLowerCase(java.util.Locale.ROOT).contains("cuda");
    }
}
