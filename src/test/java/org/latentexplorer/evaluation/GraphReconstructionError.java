package org.latentexplorer.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Batches;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.Datasets;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.Mmd;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.VaeGraph;
import org.latentexplorer.model.VaeModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The oracle of {@link ReconstructionError}: the evaluation as it was computed before the fast path, on
 * the SameDiff graph ({@link VaeGraph.Mode#EVALUATE}), batch by batch. The Table 2 metric exactly as the paper's evaluator computes it (docs/method.md §5): the model in eval
 * mode (z = μ, no sampling), unshuffled batches of {@link Batches#EVAL_BATCH_SIZE} (128), the loss function called per batch, and
 * each logged quantity averaged over batches: a mean of batch means, so a partial last batch counts
 * as a full batch. The reconstruction error is the batch's per-image summed loss averaged over the
 * batch (§2), with the model's own reconstruction distribution.
 */
final class GraphReconstructionError {
    private GraphReconstructionError() {
    }

    /** Evaluates without progress reporting or cancellation. */
    static ReconstructionError.Result evaluate(VaeModel model, Dataset data) {
        return evaluate(model, data, Batches.EVAL_BATCH_SIZE, 0L, p -> { }, () -> false);
    }

    /**
     * Evaluates {@code model} on {@code data}.
     *
     * @param seed      seeds MMD's prior samples (drawn afresh for every batch, as in the paper's code)
     * @param progress  receives the fraction done after each batch
     * @param cancelled checked between batches; when true, evaluation stops with a UserInputException
     */
    static ReconstructionError.Result evaluate(VaeModel model, Dataset data, int batchSize, long seed, DoubleConsumer progress,
                                  BooleanSupplier cancelled) {
        Architecture arch = model.architecture();
        Datasets.requireImageSize(data, arch.imageSize());
        VaeGraph graph = VaeGraph.build(model.weights(), VaeGraph.Mode.EVALUATE, model.manifest().lossSpec());
        boolean mmd = model.manifest().divergence().kind() == DivergenceKind.MMD;
        boolean skew = model.manifest().divergence().kind().isSkewJs();
        List<String> outputs = new ArrayList<>(graph.scalarOutputs());
        if (graph.hasPerDimension()) {
            outputs.add(VaeGraph.DIV_PER_DIM);
        }
        int d = arch.latents();
        int size = arch.imageSize();
        SplittableRandom random = new SplittableRandom(seed);
        double rec = 0;
        double loss = 0;
        double div = 0;
        double kl1 = 0;
        double kl2 = 0;
        double[] perDim = new double[graph.hasPerDimension() ? d : 0];
        int batches = 0;
        int examples = 0;
        int total = (data.size() + batchSize - 1) / batchSize;
        try (Batches it = Batches.inOrder(data, batchSize)) {
            while (it.hasNext()) {
                if (cancelled.getAsBoolean()) {
                    throw new UserInputException("evaluation cancelled");
                }
                Batches.Batch b = it.next();
                int n = b.count();
                Map<String, INDArray> feed = new LinkedHashMap<>();
                feed.put(VaeGraph.X, Nd4j.create(b.pixels(), new long[] {n, 1, size, size}, 'c'));
                if (mmd) {
                    float[] prior = new float[Mmd.PRIOR_SAMPLES * 2 * d];
                    for (int i = 0; i < prior.length; i++) {
                        prior[i] = (float) random.nextGaussian();
                    }
                    feed.put(VaeGraph.PRIOR, Nd4j.create(prior, new long[] {Mmd.PRIOR_SAMPLES, 2L * d}, 'c'));
                }
                Map<String, INDArray> o = graph.sameDiff().output(feed, outputs);
                rec += o.get(VaeGraph.REC_LOSS).getDouble(0);
                loss += o.get(VaeGraph.LOSS).getDouble(0);
                div += o.get(VaeGraph.DIV).getDouble(0);
                if (skew) {
                    kl1 += o.get(VaeGraph.KL1).getDouble(0);
                    kl2 += o.get(VaeGraph.KL2).getDouble(0);
                }
                if (perDim.length > 0) {
                    INDArray pd = o.get(VaeGraph.DIV_PER_DIM);
                    for (int k = 0; k < d; k++) {
                        perDim[k] += pd.getDouble(k);
                    }
                }
                batches++;
                examples += n;
                progress.accept((double) batches / total);
            }
        }
        for (int k = 0; k < perDim.length; k++) {
            perDim[k] /= batches;
        }
        return new ReconstructionError.Result(rec / batches, loss / batches, div / batches, skew ? kl1 / batches : Double.NaN,
                skew ? kl2 / batches : Double.NaN, perDim, batches, examples);
    }
}
