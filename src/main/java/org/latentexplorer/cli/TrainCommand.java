package org.latentexplorer.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentexplorer.backend.Environments;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Subset;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.ModelFile;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.render.export.EpochGridGif;
import org.latentexplorer.render.export.ExportMetadata;
import org.latentexplorer.render.export.GifExport;
import org.latentexplorer.render.traversal.TraversalSpec;
import org.latentexplorer.training.Cancellation;
import org.latentexplorer.training.Trainer;
import org.latentexplorer.training.TrainingConfig;
import org.latentexplorer.training.TrainingEvents;
import org.latentexplorer.training.TrainingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train}: trains a VAE and writes the model file after every epoch (the latest checkpoint). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a Table 3 VAE. Prints one line per epoch with the loss components; the model file is rewritten atomically after every epoch and is always the last good checkpoint."},
        footer = {"", "Data sets: dsprites | dsprites-npz:FILE | mnist:DIR | fashion-mnist:DIR | folder:DIR",
                "Divergences: kl-qp, kl-pq, beta, mmd, jsg, jsg-dual, jsg-nielsen, jsg-nielsen-dual",
                "Example: train --dataset dsprites --divergence jsg-dual --alpha 0.5 --limit 8192 --subset spread --epochs 3 --out jsg-dual.zip"})
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "dsprites", description = "data set spec (default ${DEFAULT-VALUE}); with --resume of a model imported from PyTorch, the data to continue on (with --limit, --subset)")
    String dataset;

    @Option(names = "--divergence", description = "regulariser name (required unless --resume)")
    String divergence;

    @Option(names = "--alpha", defaultValue = "0.5", description = "skew alpha in [0, 1] for the JS family (default ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--beta", defaultValue = "4", description = "beta of beta-VAE (default ${DEFAULT-VALUE})")
    double beta;

    @Option(names = "--lambda", description = "weight of the divergence (default 500 for mmd, else 1)")
    Double lambda;

    @Option(names = "--epochs", description = "epochs (default: 30 for dSprites, 100 otherwise; with --resume: the new total)")
    Integer epochs;

    @Option(names = "--batch", description = "batch size (default: 256 for dSprites and folders, 64 for MNIST)")
    Integer batch;

    @Option(names = "--lr", defaultValue = "1e-4", description = "Adam learning rate (default ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--latents", description = "latent size D (default: 10; 32 for folders)")
    Integer latents;

    @Option(names = "--recon", defaultValue = "mse", description = "reconstruction: mse or bernoulli (default ${DEFAULT-VALUE})")
    String recon;

    @Option(names = "--seed", defaultValue = "1234", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--limit", defaultValue = "0", description = "use only N examples (0 = all): the first N, or see --subset")
    int limit;

    @Option(names = "--subset", defaultValue = "first", description = "which N examples --limit keeps: first, or spread "
            + "(evenly spaced over the whole set; for dSprites, whose first examples are all small squares, spread keeps every "
            + "factor varying) (default ${DEFAULT-VALUE})")
    String subset;

    @Option(names = "--keep-every", defaultValue = "0", description = "also keep FILE-epochN copies every N epochs (0 = none)")
    int keepEvery;

    @Option(names = "--resume", description = "continue training from this checkpoint, with the settings it records (the "
            + "divergence and data options are refused beside it); give --epochs for the new total, and --keep-every, "
            + "--grid-gif as for a new run")
    Path resume;

    @Option(names = "--out", required = true, description = "model file to write (.zip)")
    Path out;

    @Option(names = "--grid-gif", description = "after every epoch, render the paper's traversal grid (docs/method.md §6) with that epoch's weights "
            + "and rewrite this animated GIF (one frame per epoch), like the paper's training.gif; with --resume, the frames already "
            + "in FILE are continued")
    Path gridGif;

    @Option(names = "--grid-delay", defaultValue = "500", description = "frame delay of --grid-gif in ms (default ${DEFAULT-VALUE})")
    int gridDelay;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (gridGif != null) {
            Values.extension(gridGif, List.of("gif"));
            Values.gifDelay("--grid-delay", gridDelay);
        }
        Trainer trainer;
        List<BufferedImage> earlier = List.of();
        int startEpochs = 0;
        if (resume != null) {
            ModelFile.Contents contents = ModelFile.read(resume);
            refuseSettingsWithResume(contents.manifest());
            startEpochs = contents.manifest().epochsCompleted();
            if (contents.manifest().imported() != null && spec.commandLine().getParseResult().hasMatchedOption("--dataset")) {
                // a model imported from PyTorch names its data set the PyTorch way: the data here can be given
                var p = contents.manifest().provenance();
                DatasetSpec given = DatasetSpec.parse(dataset);
                contents = new ModelFile.Contents(contents.manifest().withProvenance(new org.latentexplorer.model.Provenance(
                        given.canonical(), limit, subset, p.epochs(), p.batchSize(), p.learningRate(), p.seed())),
                        contents.weights(), contents.optimizer());
            }
            if (gridGif != null) {
                earlier = earlierFrames(contents.manifest().architecture().latents(), contents.manifest().architecture().imageSize());
            }
            trainer = Trainer.resume(resume, contents, epochs != null ? epochs : contents.manifest().provenance().epochs(), keepEvery);
        } else {
            if (divergence == null) {
                throw new UserInputException("train needs --divergence NAME (kl-qp, kl-pq, beta, mmd, jsg, jsg-dual, jsg-nielsen, jsg-nielsen-dual)");
            }
            DivergenceSpec div = new DivergenceSpec(DivergenceKind.fromCliName(divergence), alpha, beta);
            TrainingConfig config = TrainingConfig.defaults(DatasetSpec.parse(dataset), div)
                    .withLimit(limit, Subset.fromCliName(subset))
                    .withReconstruction(Reconstruction.fromCliName(recon))
                    .withLearningRate(lr)
                    .withSeed(seed)
                    .withKeepEvery(keepEvery);
            if (lambda != null) {
                config = config.withLambda(lambda);
            }
            if (latents != null) {
                config = config.withLatents(latents);
            }
            if (epochs != null) {
                config = config.withEpochs(epochs);
            }
            if (batch != null) {
                config = config.withBatchSize(batch);
            }
            trainer = Trainer.fresh(config, config.openData());
        }
        ProgressBar bar = new ProgressBar(stderr);
        TrainingListener printer = new TrainingListener() {
            @Override
            public void started(TrainingEvents.Started e) {
                TrainingConfig c = e.config();
                stdout.printf(Locale.ROOT, "training %s on %s (%d examples%s, %d steps/epoch, batch %d, lr %s, lambda %s, %s, D=%d, %d parameters), epochs %d..%d -> %s%n",
                        c.divergence().describe(), c.dataset(), e.examples(),
                        c.limit() == 0 ? "" : c.subset() == Subset.SPREAD ? " spread evenly" : " (the first)", e.stepsPerEpoch(), c.batchSize(), c.learningRate(),
                        c.lambda(), c.reconstruction().cliName(), c.latents(), e.parameters(), e.firstEpoch(), c.epochs(), out);
                stdout.flush();
            }

            @Override
            public void step(TrainingEvents.Step e) {
                bar.update(e.progress(), String.format(Locale.ROOT, "epoch %d/%d step %d/%d loss %.4f", e.epoch(), e.epochs(),
                        e.step(), e.stepsPerEpoch(), e.loss()));
            }

            @Override
            public void epoch(TrainingEvents.Epoch e) {
                bar.clear();
                var r = e.record();
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  rec %.4f  div %.4f",
                        r.epoch(), e.epochs(), r.loss(), r.recLoss(), r.divergence()));
                if (r.kl1() != null) {
                    line.append(String.format(Locale.ROOT, "  kl1 %.4f  kl2 %.4f", r.kl1(), r.kl2()));
                }
                line.append(String.format(Locale.ROOT, "  %.0f img/s  %.1f s", e.imagesPerSecond(), r.seconds()));
                stdout.println(line);
                stdout.flush();
            }
        };
        StopNotice notice = new StopNotice(stderr, resume != null ? resume : out, startEpochs);
        TrainingListener listener = TrainingListener.all(new TrainingListener() {
            @Override
            public void epoch(TrainingEvents.Epoch e) {
                notice.saved(e.checkpoint(), e.record().epoch());
            }
        }, printer);
        if (gridGif != null) {
            TraversalSpec grid = TraversalSpec.paper().withBackground(CliData.background(trainer.config().dataset()));
            TrainingConfig c = trainer.config();
            String settings = "train --grid-gif; the paper's traversal grid after every epoch; " + c.divergence().describe()
                    + "; dataset=" + c.dataset() + "; limit=" + c.limit() + " (" + c.subset().cliName() + "); D=" + c.latents()
                    + "; seed=" + c.seed() + "; model file=" + out.getFileName();
            EpochGridGif gif = new EpochGridGif(gridGif, grid, gridDelay, earlier,
                    ExportMetadata.of(settings, null, Environments.current()));
            listener = TrainingListener.all(listener, new TrainingListener() {
                @Override
                public void epoch(TrainingEvents.Epoch e) {
                    try {
                        gif.add(e.model());
                    } catch (RuntimeException ex) {
                        // the GIF is a by-product: the checkpoint is saved, training goes on
                        stderr.println("warning: the grid gif " + gridGif + " could not be written (" + ex.getMessage()
                                + "); training goes on");
                        stderr.flush();
                        return;
                    }
                    stdout.printf(Locale.ROOT, "grid gif %s: %d frames (%.0f ms)%n", gridGif, gif.frames(), gif.lastMillis());
                    stdout.flush();
                }
            });
        }
        try (notice) {
            trainer.run(out, listener, new Cancellation());
        }
        bar.clear();
        stdout.println("saved " + out);
        return 0;
    }

    /** The options that set what is trained; a resumed run takes them from its checkpoint. */
    private static final List<String> MODEL_SETTINGS = List.of("--divergence", "--alpha", "--beta", "--lambda", "--recon",
            "--latents", "--batch", "--lr", "--seed");
    /** The options that choose the data; with --resume, given only for a model imported from PyTorch. */
    private static final List<String> DATA_SETTINGS = List.of("--dataset", "--limit", "--subset");

    /**
     * Refuses options that a resumed run would otherwise ignore: it continues with the settings its checkpoint
     * records, so a {@code --lambda 4} beside {@code --resume} would silently train at the old λ. A model imported
     * from PyTorch records no data this program can open, so it may be given its data.
     */
    private void refuseSettingsWithResume(ModelManifest m) {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        List<String> refused = new java.util.ArrayList<>(MODEL_SETTINGS);
        if (m.imported() == null) {
            refused.addAll(DATA_SETTINGS);
        }
        List<String> named = refused.stream().filter(given::hasMatchedOption).toList();
        if (!named.isEmpty()) {
            var p = m.provenance();
            throw new UserInputException(String.join(", ", named) + " cannot be given with --resume: training continues with the "
                    + "settings recorded in " + resume + " (" + m.divergence().describe() + ", lambda " + m.lambda() + ", "
                    + m.reconstruction().cliName() + ", D=" + m.architecture().latents() + ", batch " + p.batchSize() + ", lr "
                    + p.learningRate() + ", seed " + p.seed() + ", data " + p.dataset() + (p.limit() == 0 ? "" : " limit " + p.limit()
                    + " " + p.subset()) + "); to train with other settings, start a new run without --resume");
        }
    }

    /**
     * The frames of the GIF an earlier run wrote to {@code --grid-gif}, so a resumed run continues it; none when the
     * file does not exist. A GIF whose frames are not this model's paper-grid size is refused before training.
     */
    private List<BufferedImage> earlierFrames(int latents, int size) {
        if (!Files.exists(gridGif)) {
            return List.of();
        }
        int width = 10 * (size + 2) + 2;
        int height = latents * (size + 2) + 2;
        GifExport.GifSummary summary;
        try {
            summary = GifExport.inspect(gridGif);
        } catch (IllegalArgumentException e) {
            throw UserInputException.forFile(gridGif, "exists but is not a readable GIF to continue (" + e.getMessage()
                    + "); move it away or choose another --grid-gif file", e);
        }
        if (summary.width() != width || summary.height() != height) {
            throw UserInputException.forFile(gridGif, "has " + summary.width() + "x" + summary.height() + " frames but this model's"
                    + " grid is " + width + "x" + height + "; move it away or choose another --grid-gif file");
        }
        try {
            return GifExport.readFrames(Files.readAllBytes(gridGif));
        } catch (IOException e) {
            throw UserInputException.forFile(gridGif, "could not be read (" + e.getMessage() + ")", e);
        }
    }
}
