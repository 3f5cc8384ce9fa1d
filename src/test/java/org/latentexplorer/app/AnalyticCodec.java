package org.latentexplorer.app;

/**
 * A codec without ND4J: decoding draws, in image row y, a bright pixel at a column that moves with
 * latent y mod D; encoding maps an image to means equal to its mean intensity times (d+1), log-variance −1.
 */
final class AnalyticCodec implements LoadedModel.Codec {
    private final int d;
    private final int size;
    int decodeCalls;

    AnalyticCodec(int d, int size) {
        this.d = d;
        this.size = size;
    }

    @Override
    public int latentSize() {
        return d;
    }

    @Override
    public int imageHeight() {
        return size;
    }

    @Override
    public int imageWidth() {
        return size;
    }

    @Override
    public float[] decode(float[] latents, int n) {
        decodeCalls++;
        float[] out = new float[n * size * size];
        for (int k = 0; k < n; k++) {
            for (int y = 0; y < size; y++) {
                float v = latents[k * d + y % d];
                int x = (int) Math.max(0, Math.min(size - 1, Math.round(size / 2.0 + v * size / 8.0)));
                out[k * size * size + y * size + x] = 1f;
            }
        }
        return out;
    }

    @Override
    public float[] encode(float[] images, int n) {
        float[] out = new float[n * 2 * d];
        int pixels = size * size;
        for (int k = 0; k < n; k++) {
            double mean = 0;
            for (int i = 0; i < pixels; i++) {
                mean += images[k * pixels + i];
            }
            mean /= pixels;
            for (int j = 0; j < d; j++) {
                out[k * 2 * d + j] = (float) (mean * (j + 1));
                out[k * 2 * d + d + j] = -1f;
            }
        }
        return out;
    }
}
