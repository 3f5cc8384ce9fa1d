package org.latentexplorer.latent;

/** Decodes latent vectors to mean images. */
public interface LatentDecoder {
    int latentSize();

    int imageHeight();

    int imageWidth();

    /** latents: n×D row-major; returns n×H×W row-major images with values in [0,1]. One call = one batch. */
    float[] decode(float[] latents, int n);
}
