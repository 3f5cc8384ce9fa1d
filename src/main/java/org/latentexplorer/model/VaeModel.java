package org.latentexplorer.model;

import java.nio.file.Path;
import org.latentexplorer.latent.LatentDecoder;
import org.latentexplorer.latent.LatentEncoder;

/**
 * A trained VAE: its manifest and an immutable weight snapshot, with a decoder and an encoder
 * built lazily from them: {@link FastDecoder} and {@link FastEncoder} (libnd4j ops into reused arrays;
 * the SameDiff {@link VaeGraph.Mode#DECODE} and {@link VaeGraph.Mode#ENCODE} graphs are their test
 * oracles). Both are synchronized: each is used by one thread at a time (their reused arrays are not
 * thread-safe); for concurrency, build another model from the same snapshot.
 */
public final class VaeModel implements LatentDecoder, LatentEncoder {
    private final ModelManifest manifest;
    private final VaeWeights weights;
    private FastDecoder decoder;
    private FastEncoder encoder;

    public VaeModel(ModelManifest manifest, VaeWeights weights) {
        if (!manifest.architecture().equals(weights.architecture())) {
            throw new IllegalArgumentException("manifest and weights describe different architectures");
        }
        this.manifest = manifest;
        this.weights = weights;
    }

    /** Loads a model file (see {@link ModelFile#read}). */
    public static VaeModel load(Path file) {
        ModelFile.Contents c = ModelFile.read(file);
        return new VaeModel(c.manifest(), c.weights());
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public VaeWeights weights() {
        return weights;
    }

    public Architecture architecture() {
        return manifest.architecture();
    }

    @Override
    public int latentSize() {
        return architecture().latents();
    }

    @Override
    public int imageHeight() {
        return architecture().imageSize();
    }

    @Override
    public int imageWidth() {
        return architecture().imageSize();
    }

    @Override
    public int channels() {
        return architecture().channels();
    }

    /**
     * Decodes n latent vectors (n×D) to n mean images (n×C×H×W) in one batch. The working arrays of
     * the last few batch sizes are kept for the next call (a few MB per 100 images at 64×64).
     */
    @Override
    public synchronized float[] decode(float[] latents, int n) {
        int d = latentSize();
        if (n < 1 || latents.length != n * d) {
            throw new IllegalArgumentException("expected " + n + "×" + d + " latent values, got " + latents.length);
        }
        if (decoder == null) {
            decoder = new FastDecoder(weights);
        }
        return decoder.decode(latents, n);
    }

    /**
     * The decoder's logits for n latent vectors (n×D): its last layer's output before the sigmoid,
     * n×C×H×W (the evaluation's reconstruction loss is computed from them, docs/method.md §5).
     */
    public synchronized float[] decoderLogits(float[] latents, int n) {
        int d = latentSize();
        if (n < 1 || latents.length != n * d) {
            throw new IllegalArgumentException("expected " + n + "×" + d + " latent values, got " + latents.length);
        }
        if (decoder == null) {
            decoder = new FastDecoder(weights);
        }
        return decoder.logits(latents, n);
    }

    /** Encodes n images (n×C×H×W in [0,1]) to n rows of D means followed by D log-variances. */
    @Override
    public synchronized float[] encode(float[] images, int n) {
        int size = imageHeight();
        int c = channels();
        if (c > 1 && n >= 1 && images.length == n * size * size) {
            // grey images (the built-in data sets) given to a colour model: each grey value on every channel
            images = greyToChannels(images, n, c, size * size);
        }
        if (n < 1 || images.length != n * c * size * size) {
            throw new IllegalArgumentException("expected " + n + " images of " + c + "×" + size + "×" + size + ", got " + images.length + " values");
        }
        if (encoder == null) {
            encoder = new FastEncoder(weights);
        }
        return encoder.encode(images, n);
    }

    private static float[] greyToChannels(float[] grey, int n, int c, int plane) {
        float[] out = new float[n * c * plane];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                System.arraycopy(grey, i * plane, out, (i * c + k) * plane, plane);
            }
        }
        return out;
    }
}
