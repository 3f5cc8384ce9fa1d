package org.latentexplorer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.latentexplorer.common.UserInputException;

/**
 * A Table 3 convolutional VAE (docs/method.md §3): 32×32 or 64×64 inputs with 1 (grey) or 3 (RGB) channels,
 * any latent size. Invariant: imageSize ∈ {32, 64}, channels ∈ {1, 3} and 1 ≤ latents ≤ 1024.
 * {@link #parameters()} lists every weight in a fixed order with its ND4J shape and PyTorch fan-in.
 *
 * @param imageSize height = width of the input images
 * @param latents   the latent dimension D
 * @param channels  image channels: 1 (grey, every model written before colour) or 3 (RGB)
 */
public record Architecture(int imageSize, int latents, int channels) {
    /** Channels of every hidden conv layer; kernel 4, stride 2, padding 1. */
    public static final int CHANNELS = 32;
    public static final int KERNEL = 4;
    public static final int HIDDEN = 256;

    public Architecture {
        if (imageSize != 32 && imageSize != 64) {
            throw new UserInputException("image size must be 32 or 64 (the Table 3 architectures), got " + imageSize);
        }
        if (latents < 1 || latents > 1024) {
            throw new UserInputException("latent size must be between 1 and 1024, got " + latents);
        }
        if (channels != 1 && channels != 3) {
            throw new UserInputException("image channels must be 1 (grey) or 3 (RGB), got " + channels);
        }
    }

    /** A single-channel (grey) architecture. */
    public Architecture(int imageSize, int latents) {
        this(imageSize, latents, 1);
    }

    /** Whether the extra conv_64 / convT_64 layers are present. */
    public boolean hasExtraLayer() {
        return imageSize == 64;
    }

    /** What kind of layer a parameter belongs to, which fixes its shape convention. */
    public enum LayerKind { CONV, DECONV, LINEAR }

    /**
     * One weight or bias.
     *
     * @param name  stable name, also the entry name in model files
     * @param shape ND4J shape: conv [4,4,in,out] (YXIO), deconv [4,4,out,in], linear [in,out], bias [out]
     * @param fanIn PyTorch's fan-in for the layer (ConvTranspose: out·16, §3)
     * @param bias  whether this is a bias vector
     */
    public record Parameter(String name, long[] shape, int fanIn, boolean bias, LayerKind kind) {
        public long length() {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            return n;
        }
    }

    /** Every parameter in a fixed order: encoder then decoder, weight before bias. */
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>();
        conv(p, "enc.conv1", channels, CHANNELS);
        conv(p, "enc.conv2", CHANNELS, CHANNELS);
        conv(p, "enc.conv3", CHANNELS, CHANNELS);
        if (hasExtraLayer()) {
            conv(p, "enc.conv64", CHANNELS, CHANNELS);
        }
        linear(p, "enc.lin1", CHANNELS * 16, HIDDEN);
        linear(p, "enc.lin2", HIDDEN, HIDDEN);
        linear(p, "enc.head", HIDDEN, 2 * latents);
        linear(p, "dec.lin1", latents, HIDDEN);
        linear(p, "dec.lin2", HIDDEN, HIDDEN);
        linear(p, "dec.lin3", HIDDEN, CHANNELS * 16);
        if (hasExtraLayer()) {
            deconv(p, "dec.convT64", CHANNELS, CHANNELS);
        }
        deconv(p, "dec.convT1", CHANNELS, CHANNELS);
        deconv(p, "dec.convT2", CHANNELS, CHANNELS);
        deconv(p, "dec.convT3", CHANNELS, channels);
        return Collections.unmodifiableList(p);
    }

    /** Total number of scalars: 469,173 for (32, 10); 502,005 for (64, 10); 518,945 for (64, 32). */
    public long parameterCount() {
        return parameters().stream().mapToLong(Parameter::length).sum();
    }

    private static void conv(List<Parameter> p, String name, int in, int out) {
        int fanIn = in * KERNEL * KERNEL;
        p.add(new Parameter(name + ".W", new long[] {KERNEL, KERNEL, in, out}, fanIn, false, LayerKind.CONV));
        p.add(new Parameter(name + ".b", new long[] {out}, fanIn, true, LayerKind.CONV));
    }

    private static void deconv(List<Parameter> p, String name, int in, int out) {
        int fanIn = out * KERNEL * KERNEL;
        p.add(new Parameter(name + ".W", new long[] {KERNEL, KERNEL, out, in}, fanIn, false, LayerKind.DECONV));
        p.add(new Parameter(name + ".b", new long[] {out}, fanIn, true, LayerKind.DECONV));
    }

    private static void linear(List<Parameter> p, String name, int in, int out) {
        p.add(new Parameter(name + ".W", new long[] {in, out}, in, false, LayerKind.LINEAR));
        p.add(new Parameter(name + ".b", new long[] {out}, in, true, LayerKind.LINEAR));
    }
}
