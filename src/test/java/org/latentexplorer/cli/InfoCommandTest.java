package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code info} in the test JVM: the backend doctor's banner comes first. In the default CPU build
 * it names the CPU fallback and the missing nd4j-cuda jar, and each reason has its own line; under
 * {@code -Pcuda} it is either the GPU banner or a CPU fallback with its reasons.
 */
class InfoCommandTest {
    private static boolean cudaJarPresent() {
        try {
            Class.forName("org.nd4j.linalg.jcublas.JCublasBackend", false, InfoCommandTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void theFirstLineSaysWhichBackendComputesAndWhyNotTheGpu() {
        Cli r = Cli.run("info");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        String banner = lines.get(0);
        if (banner.startsWith("GPU: ")) {
            assertTrue(cudaJarPresent(), banner);
            assertTrue(lines.contains("backend: GPU (CUDA) (JCublasBackend)"), r.out());
            return;
        }
        assertTrue(banner.startsWith("Running on the CPU (nd4j-native"), banner);
        assertTrue(banner.contains("; GPU not used: "), banner);
        assertTrue(lines.contains("backend: CPU (CpuBackend)"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ND4J backend: CpuBackend")), r.out());
        if (!cudaJarPresent()) {
            assertTrue(banner.contains("GPU not used: no nd4j-cuda-11.6 jar on the class path"), banner);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("GPU not used: no nd4j-cuda-11.6 jar")), r.out());
        }
    }
}
