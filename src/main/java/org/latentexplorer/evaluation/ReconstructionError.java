package org.latentexplorer.evaluation;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Batches;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.Datasets;
import org.latentexplorer.divergence.ClosedForms;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.DoubleArithmetic;
import org.latentexplorer.divergence.Mmd;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.ReconstructionLoss;
import org.latentexplorer.model.VaeGraph;
import org.latentexplorer.model.VaeModel;

/**
 * The Table 2 metric exactly as the paper's evaluator computes it (docs/method.md §5): the model in eval
 * mode (z = μ, no sampling), unshuffled batches of {@link Batches#EVAL_BATCH_SIZE} (128), the loss function called per batch, and
 * each logged quantity averaged over batches: a mean of batch means, so a partial last batch counts
 * as a full batch. The reconstruction error is the batch's per-image summed loss averaged over the
 * batch (§2), with the model's own reconstruction distribution.
 *
 * <p>Computed on the fast path: {@link VaeModel#encode} (μ, log σ²) and {@link VaeModel#decoderLogits}
 * (libnd4j ops into reused arrays), then the reconstruction loss ({@link ReconstructionLoss}), the closed
 * forms ({@link ClosedForms}) or MMD ({@link Mmd}) in double precision in Java. MMD's prior samples are
 * drawn per batch from one generator seeded with {@code seed}, as the SameDiff graph's evaluation
 * ({@link VaeGraph.Mode#EVALUATE}) was fed them; that graph is this class's test oracle.
 */
public final class ReconstructionError {
    private ReconstructionError() {
    }

    /**
     * The evaluation result: every quantity is a mean of batch means. kl1/kl2 are NaN outside the
     * JS family; the per-dimension divergence is empty for MMD.
     */
    public record Result(double recLoss, double loss, double divergence, double kl1, double kl2,
                         double[] divergencePerDimension, int batches, int examples) {
    }

    /** Evaluates without progress reporting or cancellation. */
    public static Result evaluate(VaeModel model, Dataset data) {
        return evaluate(model, data, Batches.EVAL_BATCH_SIZE, 0L, p -> { }, () -> false);
    }

    /**
     * Evaluates {@code model} on {@code data}.
     *
     * @param seed      seeds MMD's prior samples (drawn afresh for every batch, as in the paper's code)
     * @param progress  receives the fraction done after each batch
     * @param cancelled checked between batches; when true, evaluation stops with a UserInputException
     */
    public static Result evaluate(VaeModel model, Dataset data, int batchSize, long seed, DoubleConsumer progress,
                                  BooleanSupplier cancelled) {
        Architecture arch = model.architecture();
        Datasets.requireImageSize(data, arch.imageSize());
        VaeGraph.LossSpec spec = model.manifest().lossSpec();
        DivergenceSpec divergence = spec.divergence();
        boolean mmd = divergence.kind() == DivergenceKind.MMD;
        boolean skew = divergence.kind().isSkewJs();
        boolean perDimension = divergence.kind().isPerDimension();
        int d = arch.latents();
        int c = arch.channels();
        int plane = arch.imageSize() * arch.imageSize();
        SplittableRandom random = new SplittableRandom(seed);
        double rec = 0;
        double loss = 0;
        double div = 0;
        double kl1 = 0;
        double kl2 = 0;
        double[] perDim = new double[perDimension ? d : 0];
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
                float[] x = channels(b.pixels(), n, c, plane);
                float[] posterior = model.encode(x, n);
                // eval mode: z = μ (no sampling), so no ε is drawn; only MMD's prior samples use the generator
                float[] mu = new float[n * d];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(posterior, i * 2 * d, mu, i * d, d);
                }
                float[] logits = model.decoderLogits(mu, n);
                double batchRec = ReconstructionLoss.of(spec.reconstruction(), logits, x, n * c * plane, n, null);
                double batchDiv;
                if (mmd) {
                    float[] prior = new float[Mmd.PRIOR_SAMPLES * 2 * d];
                    for (int i = 0; i < prior.length; i++) {
                        prior[i] = (float) random.nextGaussian();
                    }
                    // the points are (μ, log σ²) per image: the encoder's rows as they are
                    batchDiv = Mmd.value(posterior, n, prior, Mmd.PRIOR_SAMPLES, 2 * d);
                } else {
                    BatchDivergence bd = closedForm(divergence, posterior, n, d);
                    batchDiv = bd.value();
                    for (int k = 0; k < perDim.length; k++) {
                        perDim[k] += bd.perDimension()[k];
                    }
                    if (skew) {
                        kl1 += bd.kl1();
                        kl2 += bd.kl2();
                    }
                }
                rec += batchRec;
                div += batchDiv;
                loss += batchRec + spec.lambda() * batchDiv;
                batches++;
                examples += n;
                progress.accept((double) batches / total);
            }
        }
        for (int k = 0; k < perDim.length; k++) {
            perDim[k] /= batches;
        }
        return new Result(rec / batches, loss / batches, div / batches, skew ? kl1 / batches : Double.NaN,
                skew ? kl2 / batches : Double.NaN, perDim, batches, examples);
    }

    /** A batch's closed-form divergence: its batch mean per dimension, their sum, and kl1/kl2 (0 outside the JS family). */
    private record BatchDivergence(double value, double[] perDimension, double kl1, double kl2) {
    }

    /** The closed forms of §1 per image and dimension in double precision, averaged over the batch. */
    private static BatchDivergence closedForm(DivergenceSpec spec, float[] posterior, int n, int d) {
        DoubleArithmetic a = DoubleArithmetic.INSTANCE;
        double[] perDim = new double[d];
        double kl1 = 0;
        double kl2 = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                ClosedForms.Terms<Double> t = ClosedForms.perDimension(a, spec, (double) posterior[i * 2 * d + k],
                        (double) posterior[i * 2 * d + d + k]);
                perDim[k] += t.value();
                if (t.kl1() != null) {
                    kl1 += t.kl1();
                    kl2 += t.kl2();
                }
            }
        }
        double value = 0;
        for (int k = 0; k < d; k++) {
            perDim[k] /= n;
            value += perDim[k];
        }
        return new BatchDivergence(value, perDim, kl1 / n, kl2 / n);
    }

    /** Grey images given to a colour model: each grey value on every channel (as VaeModel.encode does). */
    private static float[] channels(float[] grey, int n, int c, int plane) {
        if (c == 1 || grey.length != n * plane) {
            return grey;
        }
        float[] out = new float[n * c * plane];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                System.arraycopy(grey, i * plane, out, (i * c + k) * plane, plane);
            }
        }
        return out;
    }
}
