package org.latentexplorer.cli;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentexplorer.backend.Environments;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetIdentity;
import org.latentexplorer.data.DatasetImages;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.MnistDownloader;
import org.latentexplorer.data.Split;
import org.latentexplorer.render.export.ExportMetadata;
import org.latentexplorer.render.export.PngExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dataset}: inspect data sets. */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "Data set tools.",
        subcommands = {DatasetCommand.Export.class, DatasetCommand.Download.class})
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
            DatasetSpec ds = DatasetSpec.parse(dataset);
            Dataset data = ds.open(s);
            int[] which = Values.indices("--indices", indices);
            List<BufferedImage> images = DatasetImages.images(data, which);
            Map<String, String> text = ExportMetadata.of("dataset export; dataset=" + ds.canonical() + "; split="
                    + s.name().toLowerCase(java.util.Locale.ROOT) + "; dataset-identity=" + DatasetIdentity.of(ds)
                    + "; grey value uint8(clamp(x*255 + 0.5, 0, 255))", null, Environments.withoutNd4j());
            for (int i = 0; i < which.length; i++) {
                Path f = out.resolve(which[i] + ".png");
                PngExport.write(images.get(i), f, text);
                spec.commandLine().getOut().println(f);
            }
            return 0;
        }
    }

    /** {@code dataset download}: fetches MNIST or Fashion-MNIST and verifies the published checksums. */
    @Command(name = "download", mixinStandardHelpOptions = true,
            description = {"Downloads the four IDX .gz files of MNIST or Fashion-MNIST into DIR and verifies their MD5 checksums.",
                    "Files already present with the right checksum are kept; a file that fails its checksum is not kept.",
                    "Afterwards, use --dataset mnist:DIR or fashion-mnist:DIR."})
    static final class Download implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dataset", required = true, description = "mnist:DIR or fashion-mnist:DIR")
        String dataset;

        @Option(names = "--mirror", description = "base URL of a mirror holding the same file names (default: the public source)")
        URI mirror;

        @Override
        public Integer call() {
            DatasetSpec ds = DatasetSpec.parse(dataset);
            MnistDownloader downloader = switch (ds.kind()) {
                case MNIST -> MnistDownloader.mnist(mirror);
                case FASHION_MNIST -> MnistDownloader.fashionMnist(mirror);
                default -> throw new UserInputException("dataset download fetches mnist:DIR or fashion-mnist:DIR, not '" + dataset
                        + "' (dSprites is generated, folders are your own)");
            };
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr());
            Map<String, MnistDownloader.Outcome> outcomes;
            try {
                outcomes = downloader.download(ds.path(), (file, done, total) -> {
                    if (total > 0) {
                        bar.update((double) done / total, file);
                    }
                });
            } finally {
                bar.clear();
            }
            outcomes.forEach((file, outcome) -> spec.commandLine().getOut().println(
                    ds.path().resolve(file) + " " + outcome.name().toLowerCase(java.util.Locale.ROOT)));
            return 0;
        }
    }
}
