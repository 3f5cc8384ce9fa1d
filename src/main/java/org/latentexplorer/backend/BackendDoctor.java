package org.latentexplorer.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backend doctor: loads ND4J (after {@link NativeBuild} chose the native builds) and says which
 * backend computes, on which devices, and, when it is the CPU, why the GPU backend did not load.
 * The plain-Java entry point for {@code info} and the app's banner.
 */
public final class BackendDoctor {
    private BackendDoctor() {
    }

    /** Diagnoses this process's backend. Never throws; a failure to load ND4J is part of the diagnosis. */
    public static BackendDiagnosis diagnose() {
        return diagnose(BackendReport.probe());
    }

    /** Diagnoses the backend described by an already taken {@link BackendReport}. */
    public static BackendDiagnosis diagnose(BackendReport report) {
        return BackendDiagnosis.of(NativeBuild.gpuReadiness(), loaded(report));
    }

    private static LoadedBackend loaded(BackendReport report) {
        String nativeBuild = report.nativeBuild();
        if (report.loadError() != null) {
            return new LoadedBackend("none", List.of(), Optional.empty(), Optional.empty(), nativeBuild,
                    Optional.of(report.loadError()));
        }
        try {
            String backendClass = Nd4j.getBackend().getClass().getSimpleName();
            LoadedBackend cpu = new LoadedBackend(backendClass, List.of("CPU, " + report.threads() + " threads"),
                    Optional.empty(), Optional.empty(), nativeBuild, Optional.empty());
            if (!cpu.isGpu()) {
                return cpu;
            }
            boolean cudnn = report.buildFlags().contains("HAVE_CUDNN");
            return new LoadedBackend(backendClass, gpuDevices(Nd4j.getExecutioner().getEnvironmentInformation()),
                    Optional.of(GpuReadiness.CUDA_VERSION), cudnn ? Optional.of(GpuReadiness.CUDNN_VERSION) : Optional.empty(),
                    "nd4j-cuda-" + GpuReadiness.CUDA_VERSION + (cudnn ? GpuReadiness.CUDNN_EXTENSION : ""), Optional.empty());
        } catch (Throwable t) {
            return new LoadedBackend("none", List.of(), Optional.empty(), Optional.empty(), nativeBuild, Optional.of(t.toString()));
        }
    }

    /** The device names in ND4J's CUDA environment information (key {@code cuda.devicesInformation}). */
    static List<String> gpuDevices(Properties info) {
        List<String> out = new ArrayList<>();
        Object devices = info.get("cuda.devicesInformation");
        if (devices instanceof List<?> list) {
            for (Object d : list) {
                if (d instanceof Map<?, ?> m) {
                    Object name = m.get("cuda.deviceName");
                    Object total = m.get("cuda.totalMemory");
                    String memory = total instanceof Number n ? String.format(" (%.1f GB)", n.doubleValue() / 1e9) : "";
                    out.add((name == null ? "CUDA device" : name.toString()) + memory);
                }
            }
        }
        if (out.isEmpty()) {
            out.add("CUDA device(s): " + info.getOrDefault("cuda.availableDevices", "?"));
        }
        return out;
    }
}
