package org.latentexplorer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetImages;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Split;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dataset}: inspect data sets. */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Data set tools.",
        subcommands = {DatasetCommand.Export.class})
final class DatasetCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code dataset export}: examples as PNG files. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Writes DIR/<index>.png for each index (8-bit greyscale).")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dataset", required = true, description = "data set spec: " + DatasetSpec.FORMS)
        String dataset;

        @Option(names = "--split", defaultValue = "train", description = "train or test (default ${DEFAULT-VALUE})")
        String split;

        @Option(names = "--indices", required = true, description = "indices, comma-separated")
        String indices;

        @Option(names = "--out", required = true, description = "output directory")
        Path out;

        @Override
        public Integer call() {
            Split s = split.equalsIgnoreCase("test") ? Split.TEST : Split.TRAIN;
            Dataset data = DatasetSpec.parse(dataset).open(s);
            List<Path> files = DatasetImages.export(data, Values.indices("--indices", indices), out);
            for (Path f : files) {
                spec.commandLine().getOut().println(f);
            }
            return 0;
        }
    }
}
