package org.latentexplorer.backend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the dynamic linker looks for shared libraries on Linux, as far as can be read without
 * running {@code ldconfig}: {@code LD_LIBRARY_PATH}, the directories named in
 * {@code /etc/ld.so.conf} and the files it includes, then the usual system and CUDA directories.
 * The order is the search order; each directory appears once.
 */
public final class LibrarySearchPath {
    /** Directories searched after the configured ones: the distribution's, CUDA's and WSL's. */
    static final List<String> DEFAULT_DIRECTORIES = List.of(
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib",
            "/usr/local/cuda/lib64", "/usr/local/cuda-11.6/lib64", "/usr/lib/wsl/lib");

    private final HostProbe probe;
    private final List<String> directories;

    private LibrarySearchPath(HostProbe probe, List<String> directories) {
        this.probe = probe;
        this.directories = List.copyOf(directories);
    }

    /** The search path of the host behind {@code probe}. */
    public static LibrarySearchPath of(HostProbe probe) {
        Set<String> dirs = new LinkedHashSet<>();
        probe.env("LD_LIBRARY_PATH").ifPresent(v -> {
            for (String d : v.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(trimSlash(d.strip()));
                }
            }
        });
        readConf(probe, "/etc/ld.so.conf", dirs, 0);
        dirs.addAll(DEFAULT_DIRECTORIES);
        return new LibrarySearchPath(probe, new ArrayList<>(dirs));
    }

    /** The directories, in search order. */
    public List<String> directories() {
        return directories;
    }

    /** The first directory's copy of {@code fileName}, with links resolved, or empty when none has it. */
    public Optional<String> find(String fileName) {
        for (String dir : directories) {
            Optional<String> real = probe.realPath(dir + "/" + fileName);
            if (real.isPresent()) {
                return real;
            }
        }
        return Optional.empty();
    }

    private static void readConf(HostProbe probe, String file, Set<String> dirs, int depth) {
        if (depth > 4) {
            return;
        }
        Optional<String> text = probe.readFile(file);
        if (text.isEmpty()) {
            return;
        }
        for (String raw : text.get().split("\\R")) {
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("include ")) {
                for (String included : expand(probe, line.substring("include ".length()).strip())) {
                    readConf(probe, included, dirs, depth + 1);
                }
            } else if (line.startsWith("/")) {
                dirs.add(trimSlash(line));
            }
        }
    }

    /** Expands an include pattern of the form {@code DIR/*.conf} or {@code DIR/*}; other patterns are taken literally. */
    private static List<String> expand(HostProbe probe, String pattern) {
        int slash = pattern.lastIndexOf('/');
        if (slash < 0 || !pattern.substring(slash + 1).startsWith("*")) {
            return List.of(pattern);
        }
        String dir = pattern.substring(0, slash);
        String suffix = pattern.substring(slash + 2);
        List<String> out = new ArrayList<>();
        for (String name : probe.list(dir)) {
            if (name.endsWith(suffix)) {
                out.add(dir + "/" + name);
            }
        }
        return out;
    }

    private static String trimSlash(String dir) {
        return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }
}
