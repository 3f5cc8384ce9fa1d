package org.latentexplorer.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The GPU diagnosis on fake hosts: each missing piece yields its own reason, and a ready host none. */
class GpuReadinessTest {
    private static boolean anyContains(List<String> lines, String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    @Test
    void aCpuOnlyBuildOnAHostWithoutDriverGivesBothReasons() {
        GpuReadiness r = GpuReadiness.check(FakeHost.linux());
        assertFalse(r.gpuMayLoad());
        assertFalse(r.cudaBackendPresent());
        assertTrue(anyContains(r.obstacles(), "no nd4j-cuda-11.6 jar on the class path"), r.obstacles().toString());
        assertTrue(anyContains(r.obstacles(), "no NVIDIA driver"), r.obstacles().toString());
        assertTrue(anyContains(r.obstacles(), "-Pcuda"), r.obstacles().toString());
    }

    @Test
    void aReadyHostHasNoObstacleAndSelectsTheCudnnBuild() {
        GpuReadiness r = GpuReadiness.check(FakeHost.gpuReady());
        assertTrue(r.gpuMayLoad(), r.obstacles().toString());
        assertTrue(r.useCudnnBuild());
        assertEquals(Optional.of(new DriverVersion("535.104.05")), r.driver());
        assertEquals(Optional.of("/usr/lib/x86_64-linux-gnu/libcuda.so.535.104.05"), r.libcuda());
        assertEquals(Optional.of("/usr/local/cuda/lib64/libcudnn.so.8"), r.cudnnLibrary());
        assertEquals("-onednn-avx2" + java.io.File.pathSeparator + "-cudnn", NativeBuild.propertyValue("-onednn-avx2", r));
        assertEquals("-cudnn", NativeBuild.propertyValue("", r));
    }

    @Test
    void theCudaJarAloneIsNotEnough() {
        GpuReadiness r = GpuReadiness.check(FakeHost.linuxWithCudaJar());
        assertTrue(r.cudaBackendPresent());
        assertFalse(anyContains(r.obstacles(), "jar on the class path"), r.obstacles().toString());
        assertTrue(anyContains(r.obstacles(), "no NVIDIA driver"), r.obstacles().toString());
        assertTrue(anyContains(r.obstacles(), "libcudart.so.11.0, libcublas.so.11, libcusolver.so.11"), r.obstacles().toString());
        assertEquals("-onednn-avx2", NativeBuild.propertyValue("-onednn-avx2", r));
    }

    @Test
    void anOldDriverIsReportedWithTheMinimum() {
        GpuReadiness r = GpuReadiness.check(FakeHost.gpuReady().withFile("/proc/driver/nvidia/version",
                "NVRM version: NVIDIA UNIX x86_64 Kernel Module  418.67  Sat Apr  6 03:07:24 CDT 2019\n"));
        assertEquals(1, r.obstacles().size(), r.obstacles().toString());
        assertTrue(r.obstacles().get(0).contains("418.67 is too old"), r.obstacles().toString());
        assertTrue(r.obstacles().get(0).contains("450.80.02"), r.obstacles().toString());
    }

    @Test
    void aKernelModuleWithoutItsUserSpaceLibraryIsReported() {
        GpuReadiness r = GpuReadiness.check(FakeHost.gpuReady().withoutFile("/usr/lib/x86_64-linux-gnu/libcuda.so.1"));
        assertEquals(1, r.obstacles().size(), r.obstacles().toString());
        assertTrue(r.obstacles().get(0).contains("535.104.05 is loaded but its user-space library libcuda.so.1"),
                r.obstacles().toString());
    }

    @Test
    void withoutCudnnTheBuildWithoutCudnnIsUsedAndSaidSo() {
        GpuReadiness r = GpuReadiness.check(FakeHost.gpuReady().withoutFile("/usr/local/cuda/lib64/libcudnn.so.8"));
        assertTrue(r.gpuMayLoad(), r.obstacles().toString());
        assertFalse(r.useCudnnBuild());
        assertTrue(anyContains(r.notes(), "cuDNN 8 missing"), r.notes().toString());
        assertEquals("-onednn", NativeBuild.propertyValue("-onednn", r));
    }

    @Test
    void onlyTheCudnnBuildAndNoCudnnIsAnObstacle() {
        FakeHost host = FakeHost.linux().withClass(GpuReadiness.CUDA_BACKEND_CLASS)
                .withResource("org/nd4j/linalg/jcublas/bindings/linux-x86_64-cudnn/libjnind4jcuda.so");
        GpuReadiness r = GpuReadiness.check(host);
        assertTrue(anyContains(r.obstacles(), "cuDNN 8 missing: the nd4j-cuda build with cuDNN needs libcudnn.so.8"),
                r.obstacles().toString());
    }

    @Test
    void theRuntimeMayComeFromTheRedistJarOnTheClassPath() {
        FakeHost host = FakeHost.gpuReady()
                .withoutFile("/usr/local/cuda/lib64/libcudart.so.11.0")
                .withoutFile("/usr/local/cuda/lib64/libcublas.so.11")
                .withResource("org/bytedeco/cuda/linux-x86_64/libcudart.so.11.0");
        GpuReadiness r = GpuReadiness.check(host);
        assertEquals(1, r.obstacles().size(), r.obstacles().toString());
        assertTrue(r.obstacles().get(0).contains("(libcublas.so.11 not in"), r.obstacles().toString());
    }

    @Test
    void librariesAreFoundThroughLdSoConfIncludesAndLdLibraryPath() {
        FakeHost host = FakeHost.gpuReady()
                .withoutFile("/usr/lib/x86_64-linux-gnu/libcuda.so.1")
                .withFile("/etc/ld.so.conf", "include /etc/ld.so.conf.d/*.conf\n")
                .withFile("/etc/ld.so.conf.d/nvidia.conf", "# driver\n/opt/nvidia/lib64/\n")
                .withFile("/etc/ld.so.conf.d/README", "/not/a/conf/file\n")
                .withFile("/opt/nvidia/lib64/libcuda.so.1", "")
                .withFile("/home/me/cudnn/libcudnn.so.8", "")
                .withEnv("LD_LIBRARY_PATH", "/home/me/cudnn:");
        GpuReadiness r = GpuReadiness.check(host);
        assertTrue(r.gpuMayLoad(), r.obstacles().toString());
        assertEquals(Optional.of("/opt/nvidia/lib64/libcuda.so.1"), r.libcuda());
        assertEquals(Optional.of("/home/me/cudnn/libcudnn.so.8"), r.cudnnLibrary(), "LD_LIBRARY_PATH comes first");
        List<String> dirs = LibrarySearchPath.of(host).directories();
        assertEquals(List.of("/home/me/cudnn", "/opt/nvidia/lib64"), dirs.subList(0, 2));
        assertFalse(dirs.contains("/not/a/conf/file"));
    }

    @Test
    void underWsl2TheMissingProcFileIsOnlyANote() {
        FakeHost host = FakeHost.gpuReady()
                .withoutFile("/proc/driver/nvidia/version")
                .withoutFile("/usr/lib/x86_64-linux-gnu/libcuda.so.1")
                .withFile("/usr/lib/wsl/lib/libcuda.so.1", "");
        GpuReadiness r = GpuReadiness.check(host);
        assertTrue(r.gpuMayLoad(), r.obstacles().toString());
        assertTrue(r.driver().isEmpty());
        assertTrue(anyContains(r.notes(), "WSL2"), r.notes().toString());
    }

    @Test
    void otherPlatformsSkipTheLinuxFileChecks() {
        GpuReadiness r = GpuReadiness.check(FakeHost.linux().withPlatform("Windows 11", "amd64")
                .withClass(GpuReadiness.CUDA_BACKEND_CLASS)
                .withResource("org/nd4j/linalg/jcublas/bindings/windows-x86_64/libjnind4jcuda.so"));
        assertTrue(r.gpuMayLoad(), r.obstacles().toString());
        assertTrue(anyContains(r.notes(), "windows-x86_64"), r.notes().toString());
        assertEquals("windows-x86_64", GpuReadiness.javacppPlatform(FakeHost.linux().withPlatform("Windows 11", "amd64")));
        assertEquals("macosx-arm64", GpuReadiness.javacppPlatform(FakeHost.linux().withPlatform("Mac OS X", "aarch64")));
    }
}
