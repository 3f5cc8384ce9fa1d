package org.latentexplorer.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.latentexplorer.divergence.ClosedForms;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.DualArithmetic;
import org.latentexplorer.divergence.DualArithmetic.Dual;
import org.latentexplorer.divergence.Mmd;
import org.latentexplorer.model.AdamState;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.ReconstructionLoss;
import org.latentexplorer.model.VaeGraph;
import org.latentexplorer.model.VaeWeights;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BiasAdd;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.DeConv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training step of docs/method.md §2 for the Table 3 architectures (§3), written out by hand on
 * libnd4j ops executed into preallocated arrays: the forward pass with its activations kept, the
 * backward pass layer by layer (conv2d_bp, deconv2d_bp, matrix products with transposes, relu_bp,
 * bias gradients as sums), then Adam in place. The small parts run in plain Java in double precision:
 * the interleaved head, z = μ + σ·ε, the reconstruction loss and its gradient with respect to the
 * logits, and the divergence with its gradient (§2.1). The SameDiff graph of {@link VaeGraph}
 * ({@link TrainingStep}) computes the same numbers and is this step's test oracle; this step avoids its
 * per-op session cost, which dominated small batches.
 *
 * <p>Layouts: the encoder is NCHW, as the graph. The decoder's hidden images are NHWC (oneDNN's
 * deconvolution is faster on them): dec.lin3's output, in the graph's c·16 + y·4 + x order, is copied
 * into NHWC through a permuted view, and its gradient back the same way. The last transposed
 * convolution (1 or 3 output channels) is one matrix product of the [n·s·s, 32] input with the
 * [32, 16·C] kernel matrix, each input pixel's 4×4·C contributions then summed into the output image
 * ({@link #sumContributions}); its backward pass is the adjoint of that sum ({@link #spreadGradient})
 * and two matrix products. The weights keep the graph's shapes, so Adam's state and the snapshots are
 * those of the graph (all of them views of one vector, which Adam updates in one op). ε and MMD's prior samples are drawn exactly as {@link TrainingStep} draws them,
 * so the same seed gives the same numbers. Used from one thread.
 */
final class NativeStep implements Step {
    private static final Conv2DConfig CONV = Conv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).pH(1).pW(1).dH(1).dW(1)
            .dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
    private static final DeConv2DConfig DECONV = DeConv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).pH(1).pW(1)
            .dH(1).dW(1).isSameMode(false).dataFormat("NHWC").build();
    /** Batch sizes whose arrays are kept: a full batch and an epoch's partial last one. */
    private static final int CACHED_SIZES = 2;

    private final Architecture arch;
    private final VaeGraph.LossSpec loss;
    private final DivergenceSpec divergence;
    private final boolean mmd;
    private final boolean skew;
    private final int latents;
    private final int size;
    private final int channels;
    /**
     * Every weight in one vector (parameter order), each parameter a view of it, and the same for the
     * gradients: Adam updates all of them with one op instead of one per parameter.
     */
    private final INDArray flatParams;
    private final INDArray flatGrads;
    private static final String ALL = "all";
    private final Map<String, INDArray> params = new LinkedHashMap<>();
    private final Map<String, INDArray> grads = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Adam adam;
    private final List<String> convs = new ArrayList<>();
    private final List<String> deconvs = new ArrayList<>();
    private final String lastDeconv = "dec.convT3";
    private static final String[] ENC_LIN = {"enc.lin1", "enc.lin2", "enc.head"};
    private static final String[] DEC_LIN = {"dec.lin1", "dec.lin2", "dec.lin3"};
    /** The last layer's weight [4,4,C,32] seen as the [16·C, 32] matrix Wm (row (ky·4+kx)·C + c), and its gradient. */
    private final INDArray lastKernel;
    private final INDArray lastKernelGrad;
    private final Map<Integer, Buffers> cache = new LinkedHashMap<>(4, 0.75f, true);
    private float[] noiseBuffer = new float[0];
    private float[] prior;

    NativeStep(VaeWeights weights, VaeGraph.LossSpec loss, double learningRate, AdamState resume) {
        this.arch = weights.architecture();
        this.loss = loss;
        this.divergence = loss.divergence();
        this.mmd = divergence.kind() == DivergenceKind.MMD;
        this.skew = divergence.kind().isSkewJs();
        this.latents = arch.latents();
        this.size = arch.imageSize();
        this.channels = arch.channels();
        long total = arch.parameterCount();
        float[] values = new float[Math.toIntExact(total)];
        int offset = 0;
        for (Architecture.Parameter p : arch.parameters()) {
            float[] v = weights.get(p.name());
            System.arraycopy(v, 0, values, offset, v.length);
            offset += v.length;
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            flatParams = Nd4j.create(values, new long[] {total}, 'c');
            flatGrads = Nd4j.create(DataType.FLOAT, new long[] {total}, 'c');
            offset = 0;
            for (Architecture.Parameter p : arch.parameters()) {
                params.put(p.name(), view(flatParams, p.shape(), offset));
                grads.put(p.name(), view(flatGrads, p.shape(), offset));
                names.add(p.name());
                offset += (int) p.length();
            }
        }
        convs.addAll(List.of("enc.conv1", "enc.conv2", "enc.conv3"));
        if (arch.hasExtraLayer()) {
            convs.add("enc.conv64");
            deconvs.add("dec.convT64");
        }
        deconvs.addAll(List.of("dec.convT1", "dec.convT2"));
        lastKernel = params.get(lastDeconv + ".W").reshape('c', 16L * channels, Architecture.CHANNELS);
        lastKernelGrad = grads.get(lastDeconv + ".W").reshape('c', 16L * channels, Architecture.CHANNELS);
        this.adam = new Adam(learningRate, Map.of(ALL, flatParams), flatten(resume));
    }

    /** A c-order array of the given shape over {@code flat}'s buffer from element {@code offset}. */
    private static INDArray view(INDArray flat, long[] shape, long offset) {
        return Nd4j.create(flat.data(), shape, Nd4j.getStrides(shape, 'c'), offset, 'c');
    }

    /** Adam's state per parameter as the state of the one concatenated parameter vector. */
    private AdamState flatten(AdamState state) {
        if (state == null) {
            return null;
        }
        return new AdamState(state.step(), Map.of(ALL, concat(state.m())), Map.of(ALL, concat(state.v())));
    }

    private float[] concat(Map<String, float[]> perName) {
        float[] all = new float[Math.toIntExact(arch.parameterCount())];
        int offset = 0;
        for (String name : names) {
            float[] v = perName.get(name);
            System.arraycopy(v, 0, all, offset, v.length);
            offset += v.length;
        }
        return all;
    }

    private Map<String, float[]> split(float[] all) {
        Map<String, float[]> perName = new LinkedHashMap<>();
        int offset = 0;
        for (String name : names) {
            int length = (int) params.get(name).length();
            perName.put(name, java.util.Arrays.copyOfRange(all, offset, offset + length));
            offset += length;
        }
        return perName;
    }

    @Override
    public TrainingStep.Result run(float[] pixels, int n, RandomGenerator noise, TrainingStep.Check check) {
        Buffers b = buffers(n);
        if (pixels.length < n * channels * size * size) {
            throw new IllegalArgumentException("expected " + n + " images of " + size + "×" + size + ", got " + pixels.length + " values");
        }
        // the same draws in the same order as TrainingStep: ε, then MMD's prior samples
        System.arraycopy(gaussian(noise, n * latents), 0, b.eps, 0, n * latents);
        if (mmd) {
            priorSamples(noise);
        }
        TrainingStep.Result r = forward(b, pixels, true);
        backward(b);
        check.accept(r, grads);
        adam.update(Map.of(ALL, flatParams), Map.of(ALL, flatGrads), List.of(ALL));
        return r;
    }

    @Override
    public double lossOfCurrentWeights(float[] pixels, int n) {
        Buffers b = buffers(n);
        java.util.Arrays.fill(b.eps, 0f);
        if (mmd) {
            priorSamples(new SplittableRandom(0));
        }
        return forward(b, pixels, false).loss();
    }

    private void priorSamples(RandomGenerator noise) {
        int m = Mmd.PRIOR_SAMPLES * 2 * latents;
        if (prior == null) {
            prior = new float[m];
        }
        System.arraycopy(gaussian(noise, m), 0, prior, 0, m);
    }

    /**
     * The forward pass on the images with {@code b.eps} as ε: every activation is kept in {@code b}, and,
     * when {@code gradients} is set, the gradients of the loss with respect to the logits
     * ({@code b.dLogits}) and to μ and log σ² ({@code b.dMu}, {@code b.dLogvar}, the divergence's part only).
     */
    private TrainingStep.Result forward(Buffers b, float[] pixels, boolean gradients) {
        int n = b.n;
        b.x.data().asNioFloat().put(pixels, 0, n * channels * size * size);
        INDArray h = b.x;
        for (int i = 0; i < convs.size(); i++) {
            String c = convs.get(i);
            Nd4j.exec(new Conv2D(new INDArray[] {h, params.get(c + ".W"), params.get(c + ".b")}, new INDArray[] {b.conv[i]}, CONV));
            relu(b.conv[i]);
            h = b.conv[i];
        }
        h = b.flat;
        for (int i = 0; i < 3; i++) {
            linear(h, ENC_LIN[i], b.encLin[i]);
            if (i < 2) {
                relu(b.encLin[i]);
            }
            h = b.encLin[i];
        }
        // the interleaved head (§3): μ_d = out[2d], log σ²_d = out[2d+1]; z = μ + exp(½ log σ²)·ε
        b.encLin[2].data().asNioFloat().get(b.head);
        int d = latents;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                double mu = b.head[i * 2 * d + 2 * k];
                double logvar = b.head[i * 2 * d + 2 * k + 1];
                b.mu[i * d + k] = mu;
                b.logvar[i * d + k] = logvar;
                b.zValues[i * d + k] = (float) (mu + Math.exp(0.5 * logvar) * b.eps[i * d + k]);
            }
        }
        b.z.data().asNioFloat().put(b.zValues);
        h = b.z;
        for (int i = 0; i < 3; i++) {
            linear(h, DEC_LIN[i], b.decLin[i]);
            relu(b.decLin[i]);
            h = b.decLin[i];
        }
        b.h0.assign(b.h0Source);
        h = b.h0;
        for (int i = 0; i < deconvs.size(); i++) {
            String c = deconvs.get(i);
            Nd4j.exec(new DeConv2D(new INDArray[] {h, params.get(c + ".W")}, new INDArray[] {b.deconv[i]}, DECONV));
            Nd4j.exec(new BiasAdd(b.deconv[i], params.get(c + ".b"), b.deconv[i], false));
            relu(b.deconv[i]);
            h = b.deconv[i];
        }
        Nd4j.gemm(b.lastInput, lastKernel, b.columns, false, true, 1.0, 0.0);
        b.columns.data().asNioFloat().get(b.columnValues);
        float[] bias = new float[channels];
        params.get(lastDeconv + ".b").data().asNioFloat().get(bias);
        sumContributions(b.columnValues, b.logits, bias, n, b.lastSize);
        double rec = reconstruction(pixels, b, gradients);
        Divergence div = divergence(b, gradients);
        return new TrainingStep.Result(rec + loss.lambda() * div.value, rec, div.value, div.kl1, div.kl2, div.perDimension);
    }

    /** REC of §2 and, when asked, its gradient with respect to the logits into {@code b.dLogits} (§2.1). */
    private double reconstruction(float[] pixels, Buffers b, boolean gradients) {
        return ReconstructionLoss.of(loss.reconstruction(), b.logits, pixels, b.n * channels * size * size, b.n,
                gradients ? b.dLogits : null);
    }

    /** DIV of §2 with its per-dimension values and kl1/kl2 (NaN outside the JS family). */
    private record Divergence(double value, double kl1, double kl2, double[] perDimension) {
    }

    /**
     * DIV and, when asked, λ·∂DIV/∂μ and λ·∂DIV/∂(log σ²) into {@code b.dMu}, {@code b.dLogvar} (§2.1): the
     * closed forms of §1 evaluated on dual numbers, or MMD's analytic gradient.
     */
    private Divergence divergence(Buffers b, boolean gradients) {
        int n = b.n;
        int d = latents;
        double lambda = loss.lambda();
        if (mmd) {
            int dim = 2 * d;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    b.points[i * dim + k] = (float) b.mu[i * d + k];
                    b.points[i * dim + d + k] = (float) b.logvar[i * d + k];
                }
            }
            double value = Mmd.valueAndGradient(b.points, n, prior, Mmd.PRIOR_SAMPLES, dim, b.pointsGradient);
            if (gradients) {
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < d; k++) {
                        b.dMu[i * d + k] = lambda * b.pointsGradient[i * dim + k];
                        b.dLogvar[i * d + k] = lambda * b.pointsGradient[i * dim + d + k];
                    }
                }
            }
            return new Divergence(value, Double.NaN, Double.NaN, new double[0]);
        }
        double[] perDim = new double[d];
        double kl1 = 0;
        double kl2 = 0;
        double mean = 1.0 / n;
        DualArithmetic a = DualArithmetic.INSTANCE;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                // the per-dimension form at (μ, log σ²) in float, as the graph sees them
                ClosedForms.Terms<Dual> t = ClosedForms.perDimension(a, divergence,
                        Dual.mu((float) b.mu[i * d + k]), Dual.logvar((float) b.logvar[i * d + k]));
                perDim[k] += t.value().value() * mean;
                if (skew) {
                    kl1 += t.kl1().value() * mean;
                    kl2 += t.kl2().value() * mean;
                }
                b.dMu[i * d + k] = lambda * mean * t.value().dMu();
                b.dLogvar[i * d + k] = lambda * mean * t.value().dLogvar();
            }
        }
        double value = 0;
        for (double v : perDim) {
            value += v;
        }
        return new Divergence(value, skew ? kl1 : Double.NaN, skew ? kl2 : Double.NaN, perDim);
    }

    /** The backward pass from {@code b.dLogits}, {@code b.dMu}, {@code b.dLogvar} into {@link #grads}. */
    private void backward(Buffers b) {
        int n = b.n;
        // the last transposed convolution: bias, the adjoint of the contribution sum, two products
        float[] biasGrad = new float[channels];
        spreadGradient(b.dLogits, b.dColumnValues, biasGrad, n, b.lastSize);
        grads.get(lastDeconv + ".b").data().asNioFloat().put(biasGrad);
        b.dColumns.data().asNioFloat().put(b.dColumnValues);
        Nd4j.gemm(b.dColumns, b.lastInput, lastKernelGrad, true, false, 1.0, 0.0);
        Nd4j.gemm(b.dColumns, lastKernel, b.dLastInput, false, false, 1.0, 0.0);
        for (int i = deconvs.size() - 1; i >= 0; i--) {
            String c = deconvs.get(i);
            reluBackward(b.deconv[i], b.dDeconv[i]);
            b.dDeconv[i].sum(grads.get(c + ".b"), 0, 1, 2);
            INDArray input = i == 0 ? b.h0 : b.deconv[i - 1];
            INDArray inputGrad = i == 0 ? b.dH0 : b.dDeconv[i - 1];
            DeConv2D forward = new DeConv2D(new INDArray[] {input, params.get(c + ".W")}, new INDArray[] {b.deconv[i]}, DECONV);
            Nd4j.exec(DynamicCustomOp.builder("deconv2d_bp").addInputs(input, params.get(c + ".W"), b.dDeconv[i])
                    .addOutputs(inputGrad, grads.get(c + ".W")).addIntegerArguments(ints(forward.iArgs())).build());
        }
        b.dLin3Target.assign(b.dH0);
        for (int i = 2; i >= 0; i--) {
            reluBackward(b.decLin[i], b.dDecLin[i]);
            linearBackward(i == 0 ? b.z : b.decLin[i - 1], DEC_LIN[i], b.dDecLin[i], i == 0 ? b.dz : b.dDecLin[i - 1]);
        }
        // through z = μ + exp(½ log σ²)·ε into the interleaved head
        b.dz.data().asNioFloat().get(b.dzValues);
        int d = latents;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                int j = i * d + k;
                double dz = b.dzValues[j];
                b.dHead[i * 2 * d + 2 * k] = (float) (dz + b.dMu[j]);
                b.dHead[i * 2 * d + 2 * k + 1] = (float) (dz * b.eps[j] * 0.5 * Math.exp(0.5 * b.logvar[j]) + b.dLogvar[j]);
            }
        }
        b.dEncLin[2].data().asNioFloat().put(b.dHead);
        for (int i = 2; i >= 0; i--) {
            if (i < 2) {
                reluBackward(b.encLin[i], b.dEncLin[i]);
            }
            linearBackward(i == 0 ? b.flat : b.encLin[i - 1], ENC_LIN[i], b.dEncLin[i], i == 0 ? b.dFlat : b.dEncLin[i - 1]);
        }
        for (int i = convs.size() - 1; i >= 0; i--) {
            String c = convs.get(i);
            reluBackward(b.conv[i], b.dConv[i]);
            INDArray input = i == 0 ? b.x : b.conv[i - 1];
            INDArray inputGrad = i == 0 ? b.dx : b.dConv[i - 1];
            Conv2D forward = new Conv2D(new INDArray[] {input, params.get(c + ".W"), params.get(c + ".b")}, new INDArray[] {b.conv[i]}, CONV);
            Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(input, params.get(c + ".W"), params.get(c + ".b"), b.dConv[i])
                    .addOutputs(inputGrad, grads.get(c + ".W"), grads.get(c + ".b")).addIntegerArguments(ints(forward.iArgs())).build());
        }
    }

    private static int[] ints(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    /** out = in·W + b. */
    private void linear(INDArray in, String layer, INDArray out) {
        Nd4j.gemm(in, params.get(layer + ".W"), out, false, false, 1.0, 0.0);
        out.addiRowVector(params.get(layer + ".b"));
    }

    /** From ∂L/∂out of out = in·W + b: ∂L/∂W = inᵀ·g, ∂L/∂b = Σ_rows g, ∂L/∂in = g·Wᵀ. */
    private void linearBackward(INDArray in, String layer, INDArray outGrad, INDArray inGrad) {
        Nd4j.gemm(in, outGrad, grads.get(layer + ".W"), true, false, 1.0, 0.0);
        outGrad.sum(grads.get(layer + ".b"), 0);
        Nd4j.gemm(outGrad, params.get(layer + ".W"), inGrad, false, true, 1.0, 0.0);
    }

    private static void relu(INDArray a) {
        Nd4j.exec(new RectifiedLinear(a, a, 0.0));
    }

    /** grad ← grad where the (post-relu) activation is positive, 0 elsewhere: relu's backward pass, in place. */
    private static void reluBackward(INDArray activation, INDArray grad) {
        Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(activation, grad).addOutputs(grad)
                .addFloatingPointArguments(0.0).build());
    }

    /**
     * The transposed convolution's output (kernel 4, stride 2, padding 1) from each input pixel's
     * 4×4·C contributions {@code columns} ([n, s, s, 4, 4, C]) plus the bias, as NCHW [n, C, 2s, 2s]:
     * input pixel (iy, ix) with kernel tap (ky, kx) reaches output pixel (2iy − 1 + ky, 2ix − 1 + kx).
     */
    private void sumContributions(float[] columns, float[] image, float[] bias, int n, int s) {
        int c = channels;
        int out = 2 * s;
        int pixel = 16 * c;
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (b * c + ch) * out * out;
                java.util.Arrays.fill(image, base, base + out * out, bias[ch]);
            }
            for (int iy = 0; iy < s; iy++) {
                for (int ix = 0; ix < s; ix++) {
                    int col = ((b * s + iy) * s + ix) * pixel;
                    for (int ky = 0; ky < 4; ky++) {
                        int oy = 2 * iy - 1 + ky;
                        if (oy < 0 || oy >= out) {
                            continue;
                        }
                        for (int kx = 0; kx < 4; kx++) {
                            int ox = 2 * ix - 1 + kx;
                            if (ox < 0 || ox >= out) {
                                continue;
                            }
                            for (int ch = 0; ch < c; ch++) {
                                image[((b * c + ch) * out + oy) * out + ox] += columns[col + (ky * 4 + kx) * c + ch];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #sumContributions}: each contribution's gradient is the gradient of the
     * output pixel it reaches (0 where it falls outside the image); the bias's is the sum over the
     * channel's pixels.
     */
    private void spreadGradient(float[] imageGrad, float[] columnsGrad, float[] biasGrad, int n, int s) {
        int c = channels;
        int out = 2 * s;
        int pixel = 16 * c;
        double[] bias = new double[c];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (b * c + ch) * out * out;
                for (int p = 0; p < out * out; p++) {
                    bias[ch] += imageGrad[base + p];
                }
            }
            for (int iy = 0; iy < s; iy++) {
                for (int ix = 0; ix < s; ix++) {
                    int col = ((b * s + iy) * s + ix) * pixel;
                    for (int ky = 0; ky < 4; ky++) {
                        int oy = 2 * iy - 1 + ky;
                        boolean rowIn = oy >= 0 && oy < out;
                        for (int kx = 0; kx < 4; kx++) {
                            int ox = 2 * ix - 1 + kx;
                            boolean in = rowIn && ox >= 0 && ox < out;
                            for (int ch = 0; ch < c; ch++) {
                                columnsGrad[col + (ky * 4 + kx) * c + ch] = in ? imageGrad[((b * c + ch) * out + oy) * out + ox] : 0f;
                            }
                        }
                    }
                }
            }
        }
        for (int ch = 0; ch < c; ch++) {
            biasGrad[ch] = (float) bias[ch];
        }
    }

    @Override
    public String firstInvalidState() {
        if (Double.isFinite(flatParams.sumNumber().doubleValue())) {
            return null;
        }
        for (Map.Entry<String, INDArray> p : params.entrySet()) {
            if (!TrainingStep.allFinite(p.getValue())) {
                return "the weights of " + p.getKey() + " are not finite";
            }
        }
        return null;
    }

    @Override
    public VaeWeights snapshot() {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, params.get(name).dup('c').data().asFloat());
        }
        return VaeWeights.of(arch, values);
    }

    @Override
    public AdamState optimizerState() {
        AdamState flat = adam.state();
        return new AdamState(flat.step(), split(flat.m().get(ALL)), split(flat.v().get(ALL)));
    }

    @Override
    public boolean hasPerDimension() {
        return divergence.kind().isPerDimension();
    }

    @Override
    public void close() {
        cache.values().forEach(Buffers::close);
        cache.clear();
    }

    private Buffers buffers(int n) {
        Buffers b = cache.get(n);
        if (b != null) {
            return b;
        }
        if (cache.size() >= CACHED_SIZES) {
            Integer eldest = cache.keySet().iterator().next();
            cache.remove(eldest).close();
        }
        b = new Buffers(n);
        cache.put(n, b);
        return b;
    }

    /** n standard normal draws into a reused buffer. */
    private float[] gaussian(RandomGenerator random, int count) {
        if (noiseBuffer.length < count) {
            noiseBuffer = new float[count];
        }
        for (int i = 0; i < count; i++) {
            noiseBuffer[i] = (float) random.nextGaussian();
        }
        return noiseBuffer;
    }

    /** The arrays of one batch size: every activation and its gradient, and the Java-side values. */
    private final class Buffers implements AutoCloseable {
        final int n;
        final List<INDArray> owned = new ArrayList<>();
        final INDArray x;
        final INDArray dx;
        final INDArray[] conv;
        final INDArray[] dConv;
        final INDArray flat;
        final INDArray dFlat;
        final INDArray[] encLin = new INDArray[3];
        final INDArray[] dEncLin = new INDArray[3];
        final INDArray z;
        final INDArray dz;
        final INDArray[] decLin = new INDArray[3];
        final INDArray[] dDecLin = new INDArray[3];
        final INDArray h0;
        final INDArray dH0;
        /** dec.lin3's output and gradient seen as NHWC [n,4,4,32] (permuted views). */
        final INDArray h0Source;
        final INDArray dLin3Target;
        final INDArray[] deconv;
        final INDArray[] dDeconv;
        final int lastSize;
        final INDArray lastInput;
        final INDArray dLastInput;
        final INDArray columns;
        final INDArray dColumns;
        final float[] columnValues;
        final float[] dColumnValues;
        final float[] logits;
        final float[] dLogits;
        final float[] eps;
        final float[] head;
        final float[] dHead;
        final double[] mu;
        final double[] logvar;
        final double[] dMu;
        final double[] dLogvar;
        final float[] zValues;
        final float[] dzValues;
        final double[] points;
        final double[] pointsGradient;

        Buffers(int n) {
            this.n = n;
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                x = array(n, channels, size, size);
                dx = array(n, channels, size, size);
                conv = new INDArray[convs.size()];
                dConv = new INDArray[convs.size()];
                int s = size;
                for (int i = 0; i < conv.length; i++) {
                    s /= 2;
                    conv[i] = array(n, Architecture.CHANNELS, s, s);
                    dConv[i] = array(n, Architecture.CHANNELS, s, s);
                }
                flat = conv[conv.length - 1].reshape('c', n, Architecture.CHANNELS * 16);
                dFlat = dConv[conv.length - 1].reshape('c', n, Architecture.CHANNELS * 16);
                long[] widths = {Architecture.HIDDEN, Architecture.HIDDEN, 2L * latents};
                for (int i = 0; i < 3; i++) {
                    encLin[i] = array(n, widths[i]);
                    dEncLin[i] = array(n, widths[i]);
                }
                z = array(n, latents);
                dz = array(n, latents);
                long[] decWidths = {Architecture.HIDDEN, Architecture.HIDDEN, Architecture.CHANNELS * 16};
                for (int i = 0; i < 3; i++) {
                    decLin[i] = array(n, decWidths[i]);
                    dDecLin[i] = array(n, decWidths[i]);
                }
                h0 = array(n, 4, 4, Architecture.CHANNELS);
                dH0 = array(n, 4, 4, Architecture.CHANNELS);
                h0Source = decLin[2].reshape('c', n, Architecture.CHANNELS, 4, 4).permute(0, 2, 3, 1);
                dLin3Target = dDecLin[2].reshape('c', n, Architecture.CHANNELS, 4, 4).permute(0, 2, 3, 1);
                deconv = new INDArray[deconvs.size()];
                dDeconv = new INDArray[deconvs.size()];
                s = 4;
                for (int i = 0; i < deconv.length; i++) {
                    s *= 2;
                    deconv[i] = array(n, s, s, Architecture.CHANNELS);
                    dDeconv[i] = array(n, s, s, Architecture.CHANNELS);
                }
                lastSize = s;
                lastInput = deconv[deconv.length - 1].reshape('c', (long) n * s * s, Architecture.CHANNELS);
                dLastInput = dDeconv[deconv.length - 1].reshape('c', (long) n * s * s, Architecture.CHANNELS);
                columns = array((long) n * s * s, 16L * channels);
                dColumns = array((long) n * s * s, 16L * channels);
            }
            columnValues = new float[n * lastSize * lastSize * 16 * channels];
            dColumnValues = new float[columnValues.length];
            logits = new float[n * channels * size * size];
            dLogits = new float[logits.length];
            eps = new float[n * latents];
            head = new float[n * 2 * latents];
            dHead = new float[head.length];
            mu = new double[n * latents];
            logvar = new double[n * latents];
            dMu = new double[n * latents];
            dLogvar = new double[n * latents];
            zValues = new float[n * latents];
            dzValues = new float[n * latents];
            points = new double[n * 2 * latents];
            pointsGradient = new double[n * 2 * latents];
        }

        private INDArray array(long... shape) {
            INDArray a = Nd4j.create(DataType.FLOAT, shape, 'c');
            owned.add(a);
            return a;
        }

        @Override
        public void close() {
            owned.forEach(INDArray::close);
        }
    }
}
