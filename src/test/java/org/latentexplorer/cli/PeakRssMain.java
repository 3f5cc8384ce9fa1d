package org.latentexplorer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentexplorer.backend.NativeBuild;

/**
 * The command line as the jar runs it, for {@link MemoryCapTest}'s forked JVMs: runs the arguments,
 * then prints the process's peak resident set size ("peak-rss-kb N", Linux's VmHWM) and exits with
 * the command's exit code.
 */
public final class PeakRssMain {
    private PeakRssMain() {
    }

    public static void main(String[] args) throws IOException {
        NativeBuild.select();
        int code = LatentExplorerCommand.run(args);
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    System.out.println("peak-rss-kb " + line.replaceAll("[^0-9]", ""));
                }
            }
        }
        System.out.flush();
        System.exit(code);
    }
}
