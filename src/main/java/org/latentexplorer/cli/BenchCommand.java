package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentexplorer.backend.BackendReport;
import org.latentexplorer.backend.NativeMemory;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.render.traversal.GridImage;
import org.latentexplorer.render.traversal.TraversalGrid;
import org.latentexplorer.render.traversal.TraversalSpec;
import org.latentexplorer.training.Benchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: training throughput and decoding time on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Prints steady-state training throughput (images/s, ms/step, page faults/step, peak RSS) for the 32x32 (batch 64) and 64x64 (batch 256 and 128) models the time to decode 100 latent vectors and one, and the time to render the paper's 662x662 traversal grid.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--steps", defaultValue = "20", description = "timed training steps per configuration (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "10", description = "untimed steps before timing each configuration (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--compare-engines", paramLabel = "ROUNDS", defaultValue = "0",
            description = "instead of the standard suite: the 32x32 (batch 64) and 64x64 (batch 256) training configurations with the native training step and with the SameDiff step alternately, ROUNDS times")
    int compareRounds;

    /**
     * The paper's traversal grid (10 dimensions × 10 steps of a 64×64 model, 662×662 pixels) end to
     * end: latent vectors, decoding, layout into the RGB image; median once warm.
     */
    static String paperGrid() {
        VaeModel model = Benchmark.model(64, 10);
        int[] size = new int[2];
        Benchmark.Timing t = Benchmark.time(() -> {
            GridImage g = TraversalGrid.render(TraversalSpec.paper(), model);
            size[0] = g.width();
            size[1] = g.height();
        }, 3, 20);
        return String.format(Locale.ROOT, "paper's traversal grid, 64x64 D=10 -> %dx%d pixels: %.2f ms median (%.2f ms min; %.0f page faults/call)",
                size[0], size[1], t.medianMs(), t.minMs(), t.faultsPerCall());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BackendReport report = BackendReport.probe();
        out.println("backend: " + report.backend() + ", " + report.nativeBuild() + ", " + report.threads() + " threads");
        out.println("native memory: " + NativeMemory.summary());
        out.flush();
        if (compareRounds > 0) {
            Benchmark.compareEngines(Math.max(0, warmup), Math.max(1, steps), compareRounds, line -> {
                out.println(line);
                out.flush();
            });
            return 0;
        }
        Benchmark.standard(Math.max(0, warmup), Math.max(1, steps), line -> {
            out.println(line);
            out.flush();
        }, () -> {
            out.println(paperGrid());
            out.flush();
        });
        return 0;
    }
}
