package org.latentexplorer.model;

import java.util.List;
import org.latentexplorer.common.Environment;
import org.latentexplorer.divergence.DivergenceSpec;

/**
 * The JSON manifest of a model file: what the model is (architecture, divergence, loss weights),
 * how it was trained (provenance), how far (epochs completed, steps) and its loss history.
 *
 * @param format          always {@value #FORMAT}
 * @param formatVersion   the file format version ({@value #FORMAT_VERSION} for files written now)
 * @param appVersion      the Latent Explorer version that wrote the file
 * @param nd4jVersion     the ND4J version that trained it
 * @param createdAt       ISO-8601 time of writing
 * @param environment     the software and machine that wrote it (git commit, ND4J backend and native build, Java, OS);
 *                        unknown in files written before it was recorded. An optional part of format version 1: older
 *                        readers ignore it.
 * @param imported        where an imported PyTorch model came from; null for models trained here. When its
 *                        loss is not one of ours, {@code divergence} is only the KL(q‖p) used to evaluate it
 */
public record ModelManifest(String format, int formatVersion, String appVersion, String nd4jVersion, String createdAt,
                            Architecture architecture, DivergenceSpec divergence, double lambda,
                            Reconstruction reconstruction, Provenance provenance, int epochsCompleted, long steps,
                            List<EpochRecord> history, Environment environment, ImportedFrom imported) {
    public static final String FORMAT = "latent-explorer-model";
    public static final int FORMAT_VERSION = 1;

    public ModelManifest {
        history = history == null ? List.of() : List.copyOf(history);
        Environment e = environment == null ? Environment.unknown() : environment;
        // the application version is the manifest's own field; the environment repeats it
        environment = new Environment(appVersion, e.gitCommit(), e.backend(), e.nativeBuild(), e.java(), e.os());
    }

    /** A manifest of a model trained here (no import record) that records no environment. */
    public ModelManifest(String format, int formatVersion, String appVersion, String nd4jVersion, String createdAt,
                         Architecture architecture, DivergenceSpec divergence, double lambda,
                         Reconstruction reconstruction, Provenance provenance, int epochsCompleted, long steps,
                         List<EpochRecord> history) {
        this(format, formatVersion, appVersion, nd4jVersion, createdAt, architecture, divergence, lambda, reconstruction,
                provenance, epochsCompleted, steps, history, Environment.unknown(), null);
    }

    /** This manifest with other training data (continuing an imported model on data of this machine). */
    public ModelManifest withProvenance(Provenance p) {
        return new ModelManifest(format, formatVersion, appVersion, nd4jVersion, createdAt, architecture, divergence, lambda,
                reconstruction, p, epochsCompleted, steps, history, environment, imported);
    }

    /** Whether this model's loss can be trained further here (false for imported losses we do not implement). */
    public boolean trainable() {
        return imported == null || imported.lossSupported();
    }

    /** The divergence as shown to users: ours, or {@code imported: NAME} for a loss we do not implement. */
    public String divergenceLabel() {
        return trainable() ? divergence.describe() : imported.lossLabel();
    }

    /** The loss settings for building graphs of this model. */
    public VaeGraph.LossSpec lossSpec() {
        return new VaeGraph.LossSpec(divergence, lambda, reconstruction);
    }

    /** A one-line description, e.g. {@code jsg-dual(alpha=0.5), 64×64, D=10, dsprites, 3 epochs}. */
    public String describe() {
        return divergenceLabel() + ", " + architecture.imageSize() + "×" + architecture.imageSize()
                + (architecture.channels() == 3 ? " RGB" : "") + ", D="
                + architecture.latents() + ", " + provenance.dataset() + ", " + epochsCompleted + " epochs"
                + (imported != null ? ", imported from PyTorch (" + imported.format() + ")" : "");
    }
}
