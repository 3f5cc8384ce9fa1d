package org.latentexplorer.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A host made of maps: classes, resources, files (with their text), symbolic links and environment. */
final class FakeHost implements HostProbe {
    private final Set<String> classes = new HashSet<>();
    private final Set<String> resources = new HashSet<>();
    private final Map<String, String> files = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private String os = "Linux";
    private String arch = "amd64";

    /** A Linux x86-64 host with nothing on it. */
    static FakeHost linux() {
        return new FakeHost();
    }

    /** A host with the nd4j-cuda jar and both its native builds on the class path. */
    static FakeHost linuxWithCudaJar() {
        return linux().withClass(GpuReadiness.CUDA_BACKEND_CLASS)
                .withResource("org/nd4j/linalg/jcublas/bindings/linux-x86_64/libjnind4jcuda.so")
                .withResource("org/nd4j/linalg/jcublas/bindings/linux-x86_64-cudnn/libjnind4jcuda.so");
    }

    /** The CUDA jar plus a working driver 535, CUDA 11.6 under /usr/local/cuda and cuDNN 8. */
    static FakeHost gpuReady() {
        return linuxWithCudaJar()
                .withFile("/proc/driver/nvidia/version",
                        "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 01:15:15 UTC 2023\n"
                                + "GCC version:  gcc version 12.2.0 (Debian 12.2.0-14)\n")
                .withFile("/usr/lib/x86_64-linux-gnu/libcuda.so.535.104.05", "")
                .withLink("/usr/lib/x86_64-linux-gnu/libcuda.so.1", "/usr/lib/x86_64-linux-gnu/libcuda.so.535.104.05")
                .withFile("/usr/local/cuda/lib64/libcudart.so.11.0", "")
                .withFile("/usr/local/cuda/lib64/libcublas.so.11", "")
                .withFile("/usr/local/cuda/lib64/libcusolver.so.11", "")
                .withFile("/usr/local/cuda/lib64/libcudnn.so.8", "");
    }

    FakeHost withClass(String name) {
        classes.add(name);
        return this;
    }

    FakeHost withResource(String name) {
        resources.add(name);
        return this;
    }

    FakeHost withFile(String path, String text) {
        files.put(path, text);
        return this;
    }

    FakeHost withoutFile(String path) {
        files.remove(path);
        links.remove(path);
        return this;
    }

    FakeHost withLink(String path, String target) {
        links.put(path, target);
        return this;
    }

    FakeHost withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    FakeHost withPlatform(String osName, String osArch) {
        os = osName;
        arch = osArch;
        return this;
    }

    @Override
    public boolean hasClass(String className) {
        return classes.contains(className);
    }

    @Override
    public boolean hasResource(String resource) {
        return resources.contains(resource);
    }

    @Override
    public Optional<String> readFile(String path) {
        return Optional.ofNullable(files.get(links.getOrDefault(path, path)));
    }

    @Override
    public Optional<String> realPath(String path) {
        String target = links.getOrDefault(path, path);
        return files.containsKey(target) ? Optional.of(target) : Optional.empty();
    }

    @Override
    public List<String> list(String directory) {
        List<String> out = new ArrayList<>();
        for (String p : files.keySet()) {
            if (p.startsWith(directory + "/") && p.indexOf('/', directory.length() + 1) < 0) {
                out.add(p.substring(directory.length() + 1));
            }
        }
        out.sort(null);
        return out;
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name));
    }

    @Override
    public String osName() {
        return os;
    }

    @Override
    public String osArch() {
        return arch;
    }
}
