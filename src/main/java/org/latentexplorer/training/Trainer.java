package org.latentexplorer.training;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Batches;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.Subset;
import org.latentexplorer.model.AdamState;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.EpochRecord;
import org.latentexplorer.model.ModelFile;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.Provenance;
import org.latentexplorer.model.VaeGraph;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.model.VaeWeights;
import org.latentexplorer.common.Versions;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a Table 3 VAE with the loss of spec §b: per mini-batch, forward, gradients from SameDiff,
 * then Adam (PyTorch semantics) applied here. After every epoch the model, its history and Adam's
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

    private Trainer(TrainingConfig config, Dataset data, VaeWeights weights, AdamState optimizer,
                    List<EpochRecord> history, int firstEpoch, long firstStep) {
        this.config = config;
        this.data = data;
        this.initialWeights = weights;
        this.initialOptimizer = optimizer;
        this.history = new ArrayList<>(history);
        this.firstEpoch = firstEpoch;
        this.firstStep = firstStep;
        Architecture arch = weights.architecture();
        if (data.height() != arch.imageSize() || data.width() != arch.imageSize()) {
            throw new UserInputException("the model takes " + arch.imageSize() + "×" + arch.imageSize() + " images but "
                    + data.description() + " has " + data.height() + "×" + data.width() + " images");
        }
        if (data.size() < 1) {
            throw new UserInputException(data.description() + " has no examples");
        }
    }

    /** A fresh run: weights initialised as PyTorch does (§c), seeded by the config's seed. */
    public static Trainer fresh(TrainingConfig config, Dataset data) {
        Architecture arch = new Architecture(data.height(), config.latents());
        return new Trainer(config, data, VaeWeights.initialise(arch, config.seed()), null, List.of(), 1, 0);
    }

    /**
     * Continues a run from a checkpoint up to {@code totalEpochs}, with the checkpoint's settings.
     *
     * @throws UserInputException if the file has no optimizer state or is already complete
     */
    public static Trainer resume(Path checkpoint, ModelFile.Contents contents, Dataset data, int totalEpochs) {
        ModelManifest m = contents.manifest();
        if (contents.optimizer() == null) {
            throw UserInputException.forFile(checkpoint, "holds no optimizer state, so training cannot resume from it");
        }
        if (totalEpochs <= m.epochsCompleted()) {
            throw UserInputException.forFile(checkpoint, "already has " + m.epochsCompleted()
                    + " epochs; ask for more (--epochs greater than " + m.epochsCompleted() + ")");
        }
        Provenance p = m.provenance();
        TrainingConfig config = new TrainingConfig(p.dataset(), p.limit(), Subset.fromCliName(p.subset()), m.divergence(), m.lambda(), m.reconstruction(),
                m.architecture().latents(), totalEpochs, p.batchSize(), p.learningRate(), p.seed(), 0);
        return new Trainer(config, data, contents.weights(), contents.optimizer(), m.history(), m.epochsCompleted() + 1, m.steps());
    }

    public TrainingConfig config() {
        return config;
    }

    /** Number of optimiser steps per epoch (the last batch may be partial). */
    public int stepsPerEpoch() {
        return (data.size() + config.batchSize() - 1) / config.batchSize();
    }

    /**
     * Runs the remaining epochs, writing the checkpoint to {@code out} after each.
     *
     * @return the model after the last completed epoch (fewer than planned if cancelled)
     */
    public VaeModel run(Path out, TrainingListener listener, Cancellation cancellation) {
        Architecture arch = initialWeights.architecture();
        TrainingStep trainingStep = new TrainingStep(initialWeights,
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
                        config.seed()),
                epochsCompleted, steps, history);
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
            }
        }
        if (what != null) {
            String kept = history.isEmpty() ? "no checkpoint had been written yet"
                    : "the last good checkpoint (epoch " + history.get(history.size() - 1).epoch() + ") is kept in " + out;
            throw new TrainingDivergedException("training stopped at epoch " + epoch + ", step " + step + ": " + what
                    + "; " + kept + ". Try a lower learning rate (--lr) or a smaller weight (--lambda/--beta).");
        }
    }

    /** A per-epoch seed, so that a resumed run draws the same noise as an uninterrupted one. */
    static long mix(long seed, int epoch) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
