package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.latentexplorer.backend.BackendReport;
import org.latentexplorer.backend.NativeMemory;
import org.latentexplorer.training.Benchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: training throughput and decoding time on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Prints steady-state training throughput (images/s, ms/step, page faults/step, peak RSS) for the 32x32 (batch 64) and 64x64 (batch 256 and 128) models and the time to decode 100 latent vectors and one.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--steps", defaultValue = "20", description = "timed training steps per configuration (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "10", description = "untimed steps before timing each configuration (default ${DEFAULT-VALUE})")
    int warmup;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BackendReport report = BackendReport.probe();
        out.println("backend: " + report.backend() + ", " + report.nativeBuild() + ", " + report.threads() + " threads");
        out.println("native memory: " + NativeMemory.summary());
        out.flush();
        Benchmark.standard(Math.max(0, warmup), Math.max(1, steps), line -> {
            out.println(line);
            out.flush();
        });
        return 0;
    }
}
