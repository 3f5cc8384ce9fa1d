package org.latentexplorer.backend;

import java.util.List;
import java.util.Optional;

/**
 * The facts about the host that decide whether a GPU backend can load, read through one seam so
 * that {@link GpuReadiness} can be tested with a fake host. Implementations never throw: whatever
 * cannot be read is reported as absent (empty).
 */
public interface HostProbe {
    /** Whether a class is on the class path (looked up without initialising it). */
    boolean hasClass(String className);

    /** Whether a class path resource exists (a path inside a jar, without a leading slash). */
    boolean hasResource(String resource);

    /** The text of a file, or empty when it is missing or unreadable. */
    Optional<String> readFile(String path);

    /** The real path of a file with symbolic links resolved, or empty when there is no such file. */
    Optional<String> realPath(String path);

    /** The names of the entries of a directory, or an empty list when it is missing or unreadable. */
    List<String> list(String directory);

    /** An environment variable, or empty when unset or blank. */
    Optional<String> env(String name);

    /** The operating system name as Java reports it ({@code os.name}). */
    String osName();

    /** The architecture as Java reports it ({@code os.arch}). */
    String osArch();
}
