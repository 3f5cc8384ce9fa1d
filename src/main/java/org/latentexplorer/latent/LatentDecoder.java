package org.latentexplorer.latent;

/** Decodes latent vectors to mean images. */
public interface LatentDecoder {
    int latentSize();

    int imageHeight();

    int imageWidth();

    /** Channels per image: 1 (grey) or 3 (RGB). */
    default int channels() {
        return 1;
    }

    /** latents: n×D row-major; returns n×C×H×W row-major images with values in [0,1]. One call = one batch. */
    float[] decode(float[] latents, int n);
}
