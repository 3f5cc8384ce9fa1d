package org.latentexplorer;

import org.latentexplorer.app.LatentExplorerApp;
import org.latentexplorer.backend.NativeBuild;
import org.latentexplorer.backend.NativeMemory;
import org.latentexplorer.cli.LatentExplorerCommand;

/**
 * The entry point of the jar: a plain class (not a JavaFX Application subclass, so JavaFX can load
 * from the class path) that bounds ND4J's native memory ({@link NativeMemory}: on Linux it first
 * starts itself again with glibc's malloc settings in the environment) and selects the ND4J native
 * build before ND4J loads. With no arguments it
 * opens the desktop app; with a command it runs the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        java.util.OptionalInt relaunched = NativeMemory.relaunch();
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        NativeMemory.configure();
        NativeBuild.select();
        if (args.length == 0 || args[0].equals("--screenshots")) {
            try {
                LatentExplorerApp.launchApp(args);
            } catch (RuntimeException | LinkageError e) {
                System.err.println("The desktop app could not start: " + e.getMessage());
                System.err.println("It needs a display and, on Linux, GTK 3 (libgtk-3-0). The command line works without:"
                        + " java -jar latent-explorer.jar --help");
                System.exit(1);
            }
            System.exit(0);
        }
        System.exit(LatentExplorerCommand.run(args));
    }
}
