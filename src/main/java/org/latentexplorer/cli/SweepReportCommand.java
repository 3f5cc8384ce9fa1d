package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentexplorer.backend.Environments;
import org.latentexplorer.sweep.SweepReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep report}: Table 2 and the figures from a sweep folder's result files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes Table 2 (table2.md, table2.csv) and the figures the results allow (Fig 3, Figs 6-9, 10-11, 12, 13 "
                + "as PNG and SVG) into OUT, reading only the result.json files under DIR (model files are not needed)."})
final class SweepReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the sweep folder (or any folder holding result.json files)")
    Path dir;

    @Option(names = "--out", required = true, description = "the report folder")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        SweepReport.Written w = SweepReport.write(dir, out, Environments.current());
        for (Path p : w.files()) {
            stdout.println("wrote " + p);
        }
        for (String s : w.skipped()) {
            stdout.println("not drawn: " + s);
        }
        return 0;
    }
}
