package org.latentexplorer;

import org.latentexplorer.backend.NativeBuild;
import org.latentexplorer.cli.LatentExplorerCommand;

/**
 * The entry point of the jar: a plain class (not a JavaFX Application subclass) that selects the
 * ND4J native build before ND4J loads and runs the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        NativeBuild.select();
        System.exit(LatentExplorerCommand.run(args));
    }
}
