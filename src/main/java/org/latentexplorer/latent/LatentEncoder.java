package org.latentexplorer.latent;

/** Encodes images to the posterior parameters. */
public interface LatentEncoder {
    /** images: n×H×W row-major in [0,1]; returns n×2D row-major: for each image D means then D log-variances. */
    float[] encode(float[] images, int n);
}
