package org.latentexplorer.backend;

import org.latentexplorer.common.BuildInfo;
import org.latentexplorer.common.Environment;
import org.latentexplorer.common.Versions;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link Environment} of this process: the build, ND4J's backend and the native build {@link NativeBuild} chose at
 * start-up, Java and the OS. Loads ND4J if it has not loaded yet (callers are about to use it or have used it) but
 * selects no native build itself; if ND4J cannot load, the backend is "none". Thread-safe; the value is computed once.
 */
public final class Environments {
    private static volatile Environment current;

    private Environments() {
    }

    /** This process's environment. */
    public static Environment current() {
        Environment e = current;
        if (e == null) {
            e = probe();
            current = e;
        }
        return e;
    }

    /**
     * The environment of work that does not use ND4J (data exports, charts of closed forms): as {@link #current()},
     * with the backend "not used", and without loading ND4J.
     */
    public static Environment withoutNd4j() {
        String extension = NativeBuild.selected();
        return new Environment(Versions.app(), BuildInfo.gitCommit(), "not used", nativeBuild(extension),
                Environment.javaHere(), Environment.osHere());
    }

    private static String nativeBuild(String extension) {
        return extension == null ? "not selected at start-up" : extension.isEmpty() ? "default" : "nd4j-native" + extension;
    }

    private static Environment probe() {
        String extension = NativeBuild.selected();
        String backend;
        try {
            backend = Nd4j.getBackend().getClass().getSimpleName() + " (ND4J " + Versions.ND4J + ")";
        } catch (Throwable t) {
            backend = "none (" + t.getClass().getSimpleName() + ")";
        }
        return new Environment(Versions.app(), BuildInfo.gitCommit(), backend,
                nativeBuild(extension), Environment.javaHere(), Environment.osHere());
    }
}
