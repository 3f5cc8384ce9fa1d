package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.Objects;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.latent.LatentDecoder;
import org.latentexplorer.latent.LatentEncoder;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.VaeModel;

/**
 * The model the app shows: where it came from, its immutable weights, and a data sample that fits
 * it (null when none could be opened). Each background thread asks for its own {@link #codec()},
 * so every SameDiff graph belongs to one thread.
 *
 * @param file      the model file, or null for a model that only exists in memory
 * @param origin    a short human description ("bundled demo", "untrained", a file name)
 * @param untrained whether this is a freshly initialised model nobody trained
 */
public record LoadedModel(Path file, VaeModel model, String origin, boolean untrained, Dataset sample) {
    public LoadedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(origin, "origin");
    }

    /** An encoder and decoder of one thread. */
    public interface Codec extends LatentDecoder, LatentEncoder {
    }

    /** A new decoder/encoder over the same weights, with graphs of its own. */
    public Codec codec() {
        VaeModel own = new VaeModel(model.manifest(), model.weights());
        return new Codec() {
            @Override
            public int latentSize() {
                return own.latentSize();
            }

            @Override
            public int imageHeight() {
                return own.imageHeight();
            }

            @Override
            public int imageWidth() {
                return own.imageWidth();
            }

            @Override
            public int channels() {
                return own.channels();
            }

            @Override
            public float[] decode(float[] latents, int n) {
                return own.decode(latents, n);
            }

            @Override
            public float[] encode(float[] images, int n) {
                return own.encode(images, n);
            }
        };
    }

    public ModelManifest manifest() {
        return model.manifest();
    }

    /** One line for titles and the status bar. */
    public String describe() {
        return (untrained ? "untrained model (" : origin + " — ") + Labels.model(manifest()) + (untrained ? ")" : "");
    }
}
