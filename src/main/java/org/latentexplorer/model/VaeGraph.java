package org.latentexplorer.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentexplorer.divergence.ClosedForms;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.Mmd;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A SameDiff graph of a Table 3 VAE (docs/method.md §3) with the loss of §2, built from a weight snapshot.
 * One graph belongs to one thread. The graph's variables hold their own copies of the weights.
 *
 * <p>Placeholders: {@value #X} (images, [B,C,H,W]), {@value #EPS} (the reparameterisation noise,
 * [B,D], fed from Java because SameDiff's in-graph random normal repeats itself), {@value #PRIOR}
 * (MMD's prior samples [200,2D]), and {@value #Z} for the decoder-only graph.
 */
public final class VaeGraph {
    public static final String X = "x";
    public static final String EPS = "eps";
    public static final String PRIOR = "prior";
    public static final String Z = "z";

    public static final String MU = "mu";
    public static final String LOGVAR = "logvar";
    public static final String RECON = "recon";
    public static final String REC_LOSS = "recLoss";
    public static final String DIV = "div";
    public static final String DIV_PER_DIM = "divPerDim";
    public static final String KL1 = "kl1";
    public static final String KL2 = "kl2";
    public static final String KL1_PER_DIM = "kl1PerDim";
    public static final String KL2_PER_DIM = "kl2PerDim";
    public static final String LOSS = "loss";

    /** What the graph computes. */
    public enum Mode {
        /** Encoder, sampled z = μ + σ·ε, decoder and loss: for training. */
        TRAIN,
        /** Encoder, z = μ (eval mode, §5), decoder and loss: for the Table 2 metric. */
        EVALUATE,
        /** Images to (μ, log σ²). */
        ENCODE,
        /** Latent vectors to mean images. */
        DECODE
    }

    /** The loss settings of a training or evaluation graph. */
    public record LossSpec(DivergenceSpec divergence, double lambda, Reconstruction reconstruction) {
        public LossSpec {
            if (!Double.isFinite(lambda) || lambda < 0) {
                throw new org.latentexplorer.common.UserInputException("lambda must be a finite number >= 0, got " + lambda);
            }
        }
    }

    private final SameDiff sd;
    private final Architecture architecture;
    private final Mode mode;
    private final LossSpec loss;
    private final List<String> parameterNames = new ArrayList<>();

    private VaeGraph(Architecture architecture, Mode mode, LossSpec loss) {
        this.sd = SameDiff.create();
        this.architecture = architecture;
        this.mode = mode;
        this.loss = loss;
    }

    /** Builds a graph; {@code loss} is required for TRAIN and EVALUATE and ignored otherwise. */
    public static VaeGraph build(VaeWeights weights, Mode mode, LossSpec loss) {
        if ((mode == Mode.TRAIN || mode == Mode.EVALUATE) && loss == null) {
            throw new IllegalArgumentException("a loss spec is required for " + mode);
        }
        VaeGraph g = new VaeGraph(weights.architecture(), mode, loss);
        g.define(weights);
        return g;
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public Architecture architecture() {
        return architecture;
    }

    public Mode mode() {
        return mode;
    }

    public LossSpec lossSpec() {
        return loss;
    }

    /** The trainable variables' names, in the architecture's order. */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** The names of the scalar loss outputs present in this graph. */
    public List<String> scalarOutputs() {
        List<String> out = new ArrayList<>(List.of(LOSS, REC_LOSS, DIV));
        if (loss.divergence().kind().isSkewJs()) {
            out.add(KL1);
            out.add(KL2);
        }
        return out;
    }

    /** Whether the divergence has per-dimension outputs ({@value #DIV_PER_DIM}). */
    public boolean hasPerDimension() {
        return loss != null && loss.divergence().kind().isPerDimension();
    }

    /** The current weights of the graph's variables, as an immutable snapshot. */
    public VaeWeights snapshot() {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (String name : parameterNames) {
            values.put(name, sd.getVariable(name).getArr().dup().data().asFloat());
        }
        return VaeWeights.of(architecture, values);
    }

    private void define(VaeWeights weights) {
        Map<String, SDVariable> w = new LinkedHashMap<>();
        boolean needEncoder = mode != Mode.DECODE;
        boolean needDecoder = mode != Mode.ENCODE;
        for (Architecture.Parameter p : architecture.parameters()) {
            boolean encoderParam = p.name().startsWith("enc.");
            if ((encoderParam && !needEncoder) || (!encoderParam && !needDecoder)) {
                continue;
            }
            INDArray arr = Nd4j.create(weights.view().get(p.name()), p.shape(), 'c');
            w.put(p.name(), sd.var(p.name(), arr));
            parameterNames.add(p.name());
        }
        int size = architecture.imageSize();
        int d = architecture.latents();
        if (mode == Mode.DECODE) {
            SDVariable z = sd.placeHolder(Z, DataType.FLOAT, -1, d);
            sd.nn().sigmoid(RECON, decoderLogits(z, w));
            return;
        }
        SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, architecture.channels(), size, size);
        SDVariable head = encoder(x, w);
        // interleaved head (§3): out reshaped to (B, D, 2), μ_d = out[2d], log σ²_d = out[2d+1]
        SDVariable[] parts = sd.unstack(new String[] {MU, LOGVAR}, sd.reshape(head, -1, d, 2), 2, 2);
        SDVariable mu = parts[0];
        SDVariable logvar = parts[1];
        if (mode == Mode.ENCODE) {
            return;
        }
        SDVariable z;
        if (mode == Mode.TRAIN) {
            SDVariable eps = sd.placeHolder(EPS, DataType.FLOAT, -1, d);
            z = mu.add(sd.math().exp(logvar.mul(0.5)).mul(eps));
        } else {
            z = mu;
        }
        SDVariable logits = decoderLogits(z, w);
        sd.nn().sigmoid(RECON, logits);
        SDVariable rec = reconstructionLoss(x, logits);
        SDVariable div = divergence(mu, logvar);
        sd.math().add(LOSS, rec, div.mul(loss.lambda()));
        sd.setLossVariables(LOSS);
        if (mode == Mode.TRAIN) {
            createGradientFunctionQuietly();
        }
    }

    /** SameDiff prints a line per differentiated op to System.out while it builds the gradient graph. */
    private void createGradientFunctionQuietly() {
        QuietStdout.run(sd::createGradFunction);
    }

    private SDVariable reconstructionLoss(SDVariable x, SDVariable logits) {
        SDVariable perPixel;
        if (loss.reconstruction() == Reconstruction.MSE) {
            perPixel = sd.math().square(sd.nn().sigmoid(logits).sub(x));
        } else {
            // −[x ln x̂ + (1−x) ln(1−x̂)] with ln x̂ = −softplus(−l), ln(1−x̂) = −softplus(l), each clamped at −100
            SDVariable logP = sd.math().max(sd.nn().softplus(logits.neg()).neg(), sd.constant(Nd4j.scalar(DataType.FLOAT, -100f)));
            SDVariable log1mP = sd.math().max(sd.nn().softplus(logits).neg(), sd.constant(Nd4j.scalar(DataType.FLOAT, -100f)));
            perPixel = x.mul(logP).add(x.rsub(1.0).mul(log1mP)).neg();
        }
        SDVariable perImage = perPixel.sum(1, 2, 3);
        return perImage.mean(REC_LOSS, 0);
    }

    private SDVariable divergence(SDVariable mu, SDVariable logvar) {
        DivergenceSpec spec = loss.divergence();
        if (spec.kind() == DivergenceKind.MMD) {
            int dim = 2 * architecture.latents();
            SDVariable prior = sd.placeHolder(PRIOR, DataType.FLOAT, Mmd.PRIOR_SAMPLES, dim);
            SDVariable points = sd.concat(1, mu, logvar);
            SDVariable value = Mmd.value(new SameDiffArithmetic(sd), points, prior, dim);
            return sd.identity(DIV, value);
        }
        ClosedForms.Terms<SDVariable> t = ClosedForms.perDimension(new SameDiffArithmetic(sd), spec, mu, logvar);
        SDVariable perDim = batchMean(DIV_PER_DIM, t.value());
        if (t.kl1() != null) {
            batchMean(KL1_PER_DIM, t.kl1()).sum(KL1);
            batchMean(KL2_PER_DIM, t.kl2()).sum(KL2);
        }
        return perDim.sum(DIV);
    }

    /**
     * The mean over the batch of a [B,D] variable, as [D]. ND4J 1.0.0-M2.1's SameDiff session fails
     * on a reduction along a dimension of length 1 ("this.x is null"), so a batch of one image
     * crashed; the mean of the batch stacked on itself is the same mean over 2B ≥ 2 rows.
     */
    private SDVariable batchMean(String name, SDVariable perImage) {
        return sd.concat(0, perImage, perImage).mean(name, 0);
    }

    private SDVariable encoder(SDVariable x, Map<String, SDVariable> w) {
        SDVariable h = conv(x, w, "enc.conv1");
        h = conv(h, w, "enc.conv2");
        h = conv(h, w, "enc.conv3");
        if (architecture.hasExtraLayer()) {
            h = conv(h, w, "enc.conv64");
        }
        h = sd.reshape(h, -1, Architecture.CHANNELS * 16);
        h = sd.nn().relu(linear(h, w, "enc.lin1"), 0);
        h = sd.nn().relu(linear(h, w, "enc.lin2"), 0);
        return linear(h, w, "enc.head");
    }

    private SDVariable decoderLogits(SDVariable z, Map<String, SDVariable> w) {
        SDVariable h = sd.nn().relu(linear(z, w, "dec.lin1"), 0);
        h = sd.nn().relu(linear(h, w, "dec.lin2"), 0);
        h = sd.nn().relu(linear(h, w, "dec.lin3"), 0);
        h = sd.reshape(h, -1, Architecture.CHANNELS, 4, 4);
        if (architecture.hasExtraLayer()) {
            h = sd.nn().relu(deconv(h, w, "dec.convT64"), 0);
        }
        h = sd.nn().relu(deconv(h, w, "dec.convT1"), 0);
        h = sd.nn().relu(deconv(h, w, "dec.convT2"), 0);
        return deconv(h, w, "dec.convT3");
    }

    /** x·W + b with mmul and add (sd.nn.linear is wrong at inference with the oneDNN build). */
    private SDVariable linear(SDVariable x, Map<String, SDVariable> w, String name) {
        return sd.mmul(x, w.get(name + ".W")).add(w.get(name + ".b"));
    }

    private SDVariable conv(SDVariable x, Map<String, SDVariable> w, String name) {
        Conv2DConfig c = Conv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).pH(1).pW(1).dH(1).dW(1)
                .dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
        return sd.nn().relu(sd.cnn().conv2d(x, w.get(name + ".W"), w.get(name + ".b"), c), 0);
    }

    /**
     * Transposed convolution, then the bias as a separate op: oneDNN runs deconvolution with a bias
     * through its reference (non-JIT) kernel, without one through its JIT convolution kernels.
     */
    private SDVariable deconv(SDVariable x, Map<String, SDVariable> w, String name) {
        DeConv2DConfig c = DeConv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).pH(1).pW(1).dH(1).dW(1)
                .isSameMode(false).dataFormat("NCHW").build();
        return sd.nn().biasAdd(sd.cnn().deconv2d(x, w.get(name + ".W"), c), w.get(name + ".b"), true);
    }
}
