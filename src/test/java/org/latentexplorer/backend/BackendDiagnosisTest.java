package org.latentexplorer.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The doctor's verdict: a CPU fallback always names its reasons; a GPU banner names the device. */
class BackendDiagnosisTest {
    private static final LoadedBackend CPU = new LoadedBackend("CpuBackend", List.of("CPU, 8 threads"), Optional.empty(),
            Optional.empty(), "nd4j-native-onednn-avx2 (CPU has avx2 fma)", Optional.empty());

    @Test
    void aCpuOnlyBuildFallsBackVisiblyWithItsReasons() {
        BackendDiagnosis d = BackendDiagnosis.of(GpuReadiness.check(FakeHost.linux()), CPU);
        assertFalse(d.onGpu());
        assertEquals("CPU", d.backend());
        assertTrue(d.banner().startsWith("Running on the CPU (nd4j-native-onednn-avx2"), d.banner());
        assertTrue(d.banner().contains("GPU not used: no nd4j-cuda-11.6 jar on the class path"), d.banner());
        assertTrue(d.lines().contains("CUDA: not in use"), d.lines().toString());
        assertEquals(2, d.lines().stream().filter(l -> l.startsWith("GPU not used: ")).count(), d.lines().toString());
    }

    @Test
    void aReadyHostOnWhichNd4jStillChoseTheCpuIsNotSilent() {
        BackendDiagnosis d = BackendDiagnosis.of(GpuReadiness.check(FakeHost.gpuReady()), CPU);
        assertFalse(d.onGpu());
        assertTrue(d.banner().contains("ND4J did not load its CUDA backend"), d.banner());
        assertEquals(Optional.of("535.104.05"), d.driver());
    }

    @Test
    void theGpuBannerNamesDeviceCudaCudnnAndDriver() {
        LoadedBackend gpu = new LoadedBackend("JCublasBackend", List.of("NVIDIA RTX A4000 (16.9 GB)"), Optional.of("11.6"),
                Optional.of("8"), "nd4j-cuda-11.6-cudnn", Optional.empty());
        BackendDiagnosis d = BackendDiagnosis.of(GpuReadiness.check(FakeHost.gpuReady()), gpu);
        assertTrue(d.onGpu());
        assertEquals("GPU: NVIDIA RTX A4000 (16.9 GB) (CUDA 11.6, cuDNN 8, driver 535.104.05)", d.banner());
    }

    @Test
    void aFailureToLoadNd4jIsReported() {
        LoadedBackend none = new LoadedBackend("none", List.of(), Optional.empty(), Optional.empty(), "default",
                Optional.of("java.lang.UnsatisfiedLinkError: no jnind4jcpu"));
        BackendDiagnosis d = BackendDiagnosis.of(GpuReadiness.check(FakeHost.linux()), none);
        assertEquals("none", d.backend());
        assertTrue(d.banner().startsWith("No ND4J backend loaded"), d.banner());
    }

    @Test
    void gpuDevicesAreReadFromNd4jsEnvironmentInformation() {
        Properties info = new Properties();
        info.put("cuda.devicesInformation", List.of(Map.of("cuda.deviceName", "NVIDIA H200", "cuda.totalMemory", 150e9)));
        assertEquals(List.of("NVIDIA H200 (150.0 GB)"), BackendDoctor.gpuDevices(info));
        Properties empty = new Properties();
        empty.put("cuda.availableDevices", 2);
        assertEquals(List.of("CUDA device(s): 2"), BackendDoctor.gpuDevices(empty));
    }
}
