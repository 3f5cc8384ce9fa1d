package org.latentexplorer.training;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentexplorer.backend.Environments;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.common.Versions;
import org.latentexplorer.data.Batches;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetIdentity;
import org.latentexplorer.data.Datasets;
import org.latentexplorer.data.Subset;
import org.latentexplorer.model.AdamState;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.EpochRecord;
import org.latentexplorer.model.ImportedFrom;
import org.latentexplorer.model.ModelFile;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.Provenance;
import org.latentexplorer.model.VaeGraph;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.model.VaeWeights;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a Table 3 VAE with the loss of docs/method.md §2: per mini-batch, forward, gradients (the native
 * step on the CPU backend, the SameDiff graph elsewhere: {@link Step#create}), then Adam (PyTorch semantics) applied here. After every epoch the model, its history and Adam's
 * state are written atomically to the output file, which is therefore always the last good
 * checkpoint; training resumes from it. Cancellation is checked between steps. A NaN or infinite
 * loss or gradient stops training with {@link TrainingDivergedException} and leaves the checkpoint
 * as it was. Runs on the calling thread, which owns the SameDiff graph.
 */
public final class Trainer {
    private final TrainingConfig config;
    private final Dataset data;
    private final VaeWeights initialWeights;
    private final AdamState initialOptimizer;
    private final List<EpochRecord> history;
    private final int firstEpoch;
    private final long firstStep;
    private final String datasetIdentity;
    /** Where a model imported from PyTorch came from, kept in the checkpoints of its continued training; else null. */
    private final ImportedFrom imported;

    private Trainer(TrainingConfig config, Dataset data, VaeWeights weights, AdamState optimizer,
                    List<EpochRecord> history, int firstEpoch, long firstStep, String datasetIdentity,
                    ImportedFrom imported) {
        this.config = config;
        this.data = data;
        this.initialWeights = weights;
        this.initialOptimizer = optimizer;
        this.history = new ArrayList<>(history);
        this.firstEpoch = firstEpoch;
        this.firstStep = firstStep;
        this.datasetIdentity = datasetIdentity;
        this.imported = imported;
        Datasets.requireImageSize(data, weights.architecture().imageSize());
        if (data.size() < 1) {
            throw new UserInputException(data.description() + " has no examples");
        }
    }

    /** A fresh run: weights initialised as PyTorch does (§3), seeded by the config's seed. */
    public static Trainer fresh(TrainingConfig config, Dataset data) {
        Architecture arch = new Architecture(data.height(), config.latents());
        return new Trainer(config, data, VaeWeights.initialise(arch, config.seed()), null, List.of(), 1, 0,
                DatasetIdentity.ofOrUnknown(config.dataset()), null);
    }

    /**
     * Continues the run of a checkpoint file up to {@code totalEpochs}, with its settings and its own training data
     * (the data set, limit and subset its manifest records, opened again). The CLI and the app resume through this.
     *
     * @throws UserInputException if the file or its data cannot be read, it holds no optimizer state or is already
     *                            complete
     */
    public static Trainer resume(Path checkpoint, int totalEpochs) {
        return resume(checkpoint, ModelFile.read(checkpoint), totalEpochs, 0);
    }

    /**
     * As {@link #resume(Path, int)}, with the file's contents already read (by a caller that checked them first),
     * also keeping a copy of the checkpoint every {@code keepEvery} epochs (0 = none). Keeping copies is not a
     * setting of the model, so the caller chooses it again on every resume.
     */
    public static Trainer resume(Path checkpoint, ModelFile.Contents contents, int totalEpochs, int keepEvery) {
        // every check on the file first: opening its data (a folder or IDX files) is the expensive part
        ModelFile.Contents resumable = resumable(checkpoint, contents, totalEpochs);
        Provenance p = contents.manifest().provenance();
        Dataset data;
        try {
            data = TrainingConfig.openData(p.dataset(), p.limit(), Subset.fromCliName(p.subset()));
        } catch (UserInputException e) {
            // the user named the model, not this data set: say whose data it is
            throw new UserInputException("the model " + checkpoint + " was trained on '" + p.dataset()
                    + "', which cannot be opened here: " + e.getMessage() + (e.getMessage().endsWith(".") ? "" : ".")
                    + " Put the data back where it was to continue training.", e);
        }
        return continued(resumable, data, totalEpochs, keepEvery);
    }

    /**
     * Continues a run from a checkpoint up to {@code totalEpochs}, with the checkpoint's settings, on {@code data}.
     *
     * @throws UserInputException if the model cannot be trained here, has no optimizer state or is already complete
     */
    public static Trainer resume(Path checkpoint, ModelFile.Contents contents, Dataset data, int totalEpochs) {
        return continued(resumable(checkpoint, contents, totalEpochs), data, totalEpochs, 0);
    }

    /**
     * The checkpoint's contents if training can continue from them up to {@code totalEpochs} (an imported PyTorch
     * run, which has no optimizer state, gets a fresh Adam).
     *
     * @throws UserInputException if the model cannot be trained here, has no optimizer state or is already complete
     */
    private static ModelFile.Contents resumable(Path checkpoint, ModelFile.Contents contents, int totalEpochs) {
        ModelManifest m = contents.manifest();
        requireTrainable(checkpoint, m);
        if (contents.optimizer() == null && m.imported() != null) {
            // an imported PyTorch run carries no optimizer state: continue with a fresh Adam
            contents = new ModelFile.Contents(m, contents.weights(), freshAdam(m.architecture()));
        }
        if (contents.optimizer() == null) {
            throw UserInputException.forFile(checkpoint, "holds no optimizer state, so training cannot resume from it");
        }
        if (totalEpochs <= m.epochsCompleted()) {
            throw UserInputException.forFile(checkpoint, "already has " + m.epochsCompleted()
                    + " epochs; ask for more (--epochs greater than " + m.epochsCompleted() + ")");
        }
        return contents;
    }

    /** A trainer continuing checked contents on {@code data}. */
    private static Trainer continued(ModelFile.Contents contents, Dataset data, int totalEpochs, int keepEvery) {
        ModelManifest m = contents.manifest();
        Provenance p = m.provenance();
        TrainingConfig config = new TrainingConfig(p.dataset(), p.limit(), Subset.fromCliName(p.subset()), m.divergence(), m.lambda(), m.reconstruction(),
                m.architecture().latents(), totalEpochs, p.batchSize(), p.learningRate(), p.seed(), keepEvery);
        // a file written before identities were recorded gets the identity of the data read now
        String identity = p.datasetIdentity().equals(Provenance.UNKNOWN) ? DatasetIdentity.ofOrUnknown(p.dataset())
                : p.datasetIdentity();
        return new Trainer(config, data, contents.weights(), contents.optimizer(), m.history(), m.epochsCompleted() + 1, m.steps(),
                identity, m.imported());
    }

    /**
     * Refuses models whose training cannot continue here: imported PyTorch runs with a loss we do not
     * implement, and colour models (training uses grey data sets).
     *
     * @throws UserInputException naming the file and why
     */
    public static void requireTrainable(Path checkpoint, ModelManifest m) {
        if (!m.trainable()) {
            throw UserInputException.forFile(checkpoint, "was imported from PyTorch with the loss '" + m.imported().loss()
                    + "', which Latent Explorer does not train; it can be explored (traversals, alpha curves, eval) but its training cannot be continued");
        }
        if (m.architecture().channels() != 1) {
            throw UserInputException.forFile(checkpoint, "is a colour (RGB) model; training here uses grey data sets only, so it cannot be continued");
        }
    }

    private static AdamState freshAdam(Architecture arch) {
        java.util.Map<String, float[]> first = new java.util.LinkedHashMap<>();
        java.util.Map<String, float[]> second = new java.util.LinkedHashMap<>();
        for (Architecture.Parameter p : arch.parameters()) {
            first.put(p.name(), new float[(int) p.length()]);
            second.put(p.name(), new float[(int) p.length()]);
        }
        return new AdamState(0, first, second);
    }

    public TrainingConfig config() {
        return config;
    }

    /** The training data. */
    public Dataset data() {
        return data;
    }

    /** The architecture being trained. */
    public Architecture architecture() {
        return initialWeights.architecture();
    }

    /** Number of optimiser steps per epoch (the last batch may be partial). */
    public int stepsPerEpoch() {
        return (data.size() + config.batchSize() - 1) / config.batchSize();
    }

    /**
     * Runs the remaining epochs, writing the checkpoint to {@code out} after each. That {@code out}
     * can be written is checked before the first step.
     *
     * @return the model after the last completed epoch (fewer than planned if cancelled)
     */
    public VaeModel run(Path out, TrainingListener listener, Cancellation cancellation) {
        AtomicFiles.requireWritable(out); // before the first step, not after an epoch's work
        Architecture arch = initialWeights.architecture();
        Step trainingStep = Step.create(initialWeights,
                new VaeGraph.LossSpec(config.divergence(), config.lambda(), config.reconstruction()),
                config.learningRate(), initialOptimizer);
        int steps = stepsPerEpoch();
        boolean skew = config.divergence().kind().isSkewJs();
        listener.started(new TrainingEvents.Started(config, firstEpoch, steps, data.size(), arch.parameterCount()));
        long globalStep = firstStep;
        VaeModel last = null;
        for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            SplittableRandom noise = new SplittableRandom(mix(config.seed(), epoch));
            double sumLoss = 0;
            double sumRec = 0;
            double sumDiv = 0;
            double sumKl1 = 0;
            double sumKl2 = 0;
            double[] perDim = new double[trainingStep.hasPerDimension() ? arch.latents() : 0];
            long images = 0;
            int step = 0;
            try (Batches batches = Batches.shuffled(data, config.batchSize(), config.seed(), epoch)) {
                while (batches.hasNext()) {
                    if (cancellation.isCancelled()) {
                        trainingStep.close();
                        return last;
                    }
                    Batches.Batch batch = batches.next();
                    int n = batch.count();
                    int epochNumber = epoch;
                    int stepNumber = step + 1;
                    TrainingStep.Result r = trainingStep.run(batch.pixels(), n, noise,
                            (result, gradients) -> checkFinite(result, gradients, epochNumber, stepNumber, out));
                    step++;
                    globalStep++;
                    String invalid = trainingStep.firstInvalidState();
                    if (invalid == null && !batches.hasNext()) {
                        // the epoch's last update is saved without a next step to check its loss: check it here
                        double after = trainingStep.lossOfCurrentWeights(batch.pixels(), n);
                        if (!Double.isFinite(after)) {
                            invalid = "the loss with the updated weights is " + after;
                        }
                    }
                    if (invalid != null) {
                        throw diverged(epoch, stepNumber, "after the update, " + invalid, out);
                    }
                    sumLoss += r.loss();
                    sumRec += r.recLoss();
                    sumDiv += r.divergence();
                    sumKl1 += r.kl1();
                    sumKl2 += r.kl2();
                    for (int k = 0; k < perDim.length; k++) {
                        perDim[k] += r.perDimension()[k];
                    }
                    images += n;
                    listener.step(new TrainingEvents.Step(epoch, config.epochs(), step, steps, globalStep, n,
                            r.loss(), r.recLoss(), r.divergence(), r.kl1(), r.kl2()));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (int k = 0; k < perDim.length; k++) {
                perDim[k] /= step;
            }
            EpochRecord record = new EpochRecord(epoch, sumLoss / step, sumRec / step, sumDiv / step,
                    skew ? sumKl1 / step : null, skew ? sumKl2 / step : null, seconds, images);
            history.add(record);
            VaeWeights snapshot = trainingStep.snapshot();
            ModelManifest manifest = manifest(arch, epoch, globalStep);
            AdamState state = trainingStep.optimizerState();
            String invalid = ModelFile.problemWith(snapshot, state);
            if (invalid != null) {
                history.remove(history.size() - 1);
                throw diverged(epoch, step, "after the update, " + invalid, out);
            }
            ModelFile.write(out, manifest, snapshot, state);
            if (config.keepEvery() > 0 && epoch % config.keepEvery() == 0) {
                ModelFile.write(keptCopy(out, epoch), manifest, snapshot, state);
            }
            last = new VaeModel(manifest, snapshot);
            listener.epoch(new TrainingEvents.Epoch(record, config.epochs(), images / seconds, perDim, out, last));
        }
        trainingStep.close(); // its arrays (hundreds of MB at 64×64) now, not when the GC gets to them
        return last;
    }

    private ModelManifest manifest(Architecture arch, int epochsCompleted, long steps) {
        return new ModelManifest(ModelManifest.FORMAT, ModelManifest.FORMAT_VERSION, Versions.app(), Versions.ND4J,
                Instant.now().toString(), arch, config.divergence(), config.lambda(), config.reconstruction(),
                new Provenance(config.dataset(), config.limit(), config.subset().cliName(), config.epochs(), config.batchSize(), config.learningRate(),
                        config.seed(), datasetIdentity),
                epochsCompleted, steps, history, Environments.current(), imported);
    }

    /** {@code model.zip} → {@code model-epoch10.zip}. */
    static Path keptCopy(Path out, int epoch) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String kept = dot > 0 ? name.substring(0, dot) + "-epoch" + epoch + name.substring(dot) : name + "-epoch" + epoch;
        return out.resolveSibling(kept);
    }

    private void checkFinite(TrainingStep.Result r, Map<String, INDArray> gradients, int epoch, int step, Path out) {
        String what = null;
        if (!Double.isFinite(r.recLoss())) {
            what = "the reconstruction loss is " + r.recLoss();
        } else if (!Double.isFinite(r.divergence())) {
            what = "the divergence is " + r.divergence();
        } else if (!Double.isFinite(r.loss())) {
            what = "the loss is " + r.loss();
        } else {
            for (Map.Entry<String, INDArray> g : gradients.entrySet()) {
                double norm = g.getValue().norm2Number().doubleValue();
                if (!Double.isFinite(norm)) {
                    what = "the gradient of " + g.getKey() + " is not finite";
                    break;
                }
                if (norm > TrainingStep.MAX_GRADIENT_NORM) {
                    what = "the gradient of " + g.getKey() + " is too large (norm " + norm + ") for Adam's second moment in float";
                    break;
                }
            }
        }
        if (what != null) {
            throw diverged(epoch, step, what, out);
        }
    }

    private TrainingDivergedException diverged(int epoch, int step, String what, Path out) {
        String kept = history.isEmpty() ? "no checkpoint had been written yet"
                : "the last good checkpoint (epoch " + history.get(history.size() - 1).epoch() + ") is kept in " + out;
        return new TrainingDivergedException("training stopped at epoch " + epoch + ", step " + step + ": " + what
                + "; " + kept + ". Try a lower learning rate (--lr) or a smaller weight (--lambda/--beta).");
    }

    /** A per-epoch seed, so that a resumed run draws the same noise as an uninterrupted one. */
    static long mix(long seed, int epoch) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
