package org.latentexplorer.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.latentexplorer.common.Versions;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * What the running process uses: application and ND4J versions, the backend that loaded, the
 * native build (classifier and libnd4j build flags), and the CPU's features. Loading ND4J happens
 * here if it has not yet; a failure to load is reported, not thrown.
 */
public record BackendReport(String appVersion, String nd4jVersion, String javaVersion, String os, String backend,
                            String nativeBuild, String nativeBuildReason, String buildFlags, int threads,
                            Set<String> cpuFeatures, String loadError) {

    /** Loads ND4J (after selecting the native build) and describes it. */
    public static BackendReport probe() {
        String extension = NativeBuild.select();
        String backend;
        String flags = "";
        int threads = 0;
        String error = null;
        try {
            backend = Nd4j.getBackend().getClass().getSimpleName() + " (" + Nd4j.getExecutioner().getClass().getSimpleName() + ")";
            threads = Nd4j.getEnvironment().maxThreads();
            String info = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
            List<String> have = new ArrayList<>();
            for (String line : info.split("\\R")) {
                String t = line.trim();
                if (t.startsWith("HAVE_") || t.startsWith("DEFAULT_ENGINE") || t.startsWith("GCC")) {
                    have.add(t);
                }
            }
            flags = String.join(", ", have);
        } catch (Throwable t) {
            backend = "none";
            error = t.toString();
        }
        return new BackendReport(Versions.app(), Versions.ND4J, System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), backend,
                extension.isEmpty() ? "default" : "nd4j-native" + extension, NativeBuild.reason(), flags, threads,
                NativeBuild.cpuFlags(), error);
    }

    /** The report as lines of {@code key: value}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Latent Explorer: " + appVersion);
        out.add("ND4J: " + nd4jVersion);
        out.add("Java: " + javaVersion);
        out.add("OS: " + os);
        out.add("ND4J backend: " + backend);
        out.add("native build: " + nativeBuild + " (" + nativeBuildReason + ")");
        out.add("libnd4j build: " + (buildFlags.isEmpty() ? "unknown" : buildFlags));
        out.add("threads: " + threads);
        out.add("CPU features: " + (cpuFeatures.isEmpty() ? "unknown" : String.join(" ", cpuFeatures)));
        if (loadError != null) {
            out.add("load error: " + loadError);
        }
        return out;
    }
}
