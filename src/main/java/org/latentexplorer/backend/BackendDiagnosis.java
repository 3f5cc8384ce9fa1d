package org.latentexplorer.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The backend doctor's finding: which ND4J backend computes, on which device(s), with which CUDA and
 * cuDNN versions, which native build, and, when the CPU computes, every reason the GPU backend did
 * not load. The {@link #banner()} says the same in one line; a CPU fallback is always spelled out,
 * never silent.
 *
 * @param backend       "GPU (CUDA)", "CPU" or "none"
 * @param backendClass  ND4J's backend class
 * @param devices       the devices in use
 * @param cudaVersion   CUDA's version, when the GPU backend loaded
 * @param cudnnVersion  cuDNN's version, when the GPU backend loaded with its cuDNN build
 * @param driver        the NVIDIA driver's version, when one is installed
 * @param nativeBuild   the native build in use
 * @param gpuNotUsedBecause why the GPU backend did not load; empty when it did
 * @param notes         other findings worth showing
 * @param loadError     why ND4J did not load at all
 */
public record BackendDiagnosis(String backend, String backendClass, List<String> devices, Optional<String> cudaVersion,
                               Optional<String> cudnnVersion, Optional<String> driver, String nativeBuild,
                               List<String> gpuNotUsedBecause, List<String> notes, Optional<String> loadError) {
    public BackendDiagnosis {
        devices = List.copyOf(devices);
        gpuNotUsedBecause = List.copyOf(gpuNotUsedBecause);
        notes = List.copyOf(notes);
    }

    /** Combines what the host offered before ND4J loaded with what ND4J then loaded. */
    public static BackendDiagnosis of(GpuReadiness readiness, LoadedBackend loaded) {
        List<String> reasons = new ArrayList<>();
        String backend;
        if (loaded.loadError().isPresent() && loaded.backendClass().equals("none")) {
            backend = "none";
        } else if (loaded.isGpu()) {
            backend = "GPU (CUDA)";
        } else {
            backend = "CPU";
        }
        if (!loaded.isGpu()) {
            reasons.addAll(readiness.obstacles());
            if (reasons.isEmpty()) {
                reasons.add("the host looked ready for CUDA " + GpuReadiness.CUDA_VERSION
                        + ", but ND4J did not load its CUDA backend (no usable GPU device? see ND4J's warning above)");
            }
        }
        return new BackendDiagnosis(backend, loaded.backendClass(), loaded.devices(), loaded.cudaVersion(),
                loaded.cudnnVersion(), readiness.driver().map(DriverVersion::text), loaded.nativeBuild(), reasons,
                readiness.notes(), loaded.loadError());
    }

    /** Whether the GPU computes. */
    public boolean onGpu() {
        return gpuNotUsedBecause.isEmpty();
    }

    /**
     * One line for a status bar or the top of {@code info}: the device in use and, on the CPU, why
     * not the GPU.
     */
    public String banner() {
        if (onGpu()) {
            return "GPU: " + String.join(", ", devices) + " (CUDA " + cudaVersion.orElse("?")
                    + cudnnVersion.map(v -> ", cuDNN " + v).orElse(", without cuDNN")
                    + driver.map(d -> ", driver " + d).orElse("") + ")";
        }
        String head = backend.equals("none") ? "No ND4J backend loaded" : "Running on the CPU (" + nativeBuild + ")";
        return head + "; GPU not used: " + String.join("; ", gpuNotUsedBecause);
    }

    /** The diagnosis as {@code key: value} lines, the banner first. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(banner());
        out.add("backend: " + backend + " (" + backendClass + ")");
        out.add("devices: " + (devices.isEmpty() ? "none" : String.join("; ", devices)));
        out.add("CUDA: " + cudaVersion.orElse("not in use"));
        out.add("cuDNN: " + cudnnVersion.orElse("not in use"));
        out.add("NVIDIA driver: " + driver.orElse("not found"));
        for (String reason : gpuNotUsedBecause) {
            out.add("GPU not used: " + reason);
        }
        for (String note : notes) {
            out.add("note: " + note);
        }
        return out;
    }
}
