package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.latentexplorer.backend.BackendReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code info}: versions, the ND4J backend and native build, CPU features. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Prints versions, the ND4J backend and native build in use, and the CPU features.")
final class InfoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String line : BackendReport.probe().lines()) {
            out.println(line);
        }
        return 0;
    }
}
