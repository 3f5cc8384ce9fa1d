package org.latentexplorer.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.latentexplorer.common.Versions;
import org.latentexplorer.data.DSprites;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Datasets;
import org.latentexplorer.data.Split;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.Provenance;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.model.VaeWeights;

/**
 * Finds and loads models for the app (call off the FX thread): model files, the bundled demo
 * models in {@code models/} (next to the working directory, or two levels above the jar), and a
 * freshly initialised model when there is none.
 */
public final class ModelLoader {
    /** The seed of the untrained fallback model. */
    public static final long UNTRAINED_SEED = 1234;

    private ModelLoader() {
    }

    /**
     * Loads and validates a model file; a bad file throws the library's message naming it. A PyTorch
     * {@code model.pt} (or a run folder holding one) is imported on the fly and kept in memory.
     */
    public static LoadedModel load(Path file) {
        if (org.latentexplorer.interop.TorchImport.isPytorchRun(file)) {
            VaeModel imported = org.latentexplorer.interop.TorchImport.read(file, null).model();
            return new LoadedModel(null, imported, "imported from PyTorch: " + file, false, sampleFor(imported.manifest()));
        }
        VaeModel model = VaeModel.load(file);
        return new LoadedModel(file, model, file.getFileName().toString(), false, sampleFor(model.manifest()));
    }

    /** A system property naming a directory of bundled models, searched first (set by the installers). */
    public static final String MODELS_PROPERTY = "latentexplorer.models";

    /**
     * The directories searched for bundled models, existing ones only, in order: the
     * {@value #MODELS_PROPERTY} property, ./models, models/ beside the jar, models/ above the jar's folder.
     */
    public static List<Path> modelDirectories() {
        Set<Path> dirs = new LinkedHashSet<>();
        String configured = System.getProperty(MODELS_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            try {
                dirs.add(Path.of(configured).toAbsolutePath().normalize());
            } catch (java.nio.file.InvalidPathException e) {
                // an unusable setting is skipped; the usual places are still searched
            }
        }
        dirs.add(Path.of("models").toAbsolutePath().normalize());
        try {
            Path jar = Path.of(ModelLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path up = jar.getParent() == null ? null : jar.getParent().getParent();
            if (jar.getParent() != null) {
                dirs.add(jar.getParent().resolve("models").toAbsolutePath().normalize()); // an installed app-image
            }
            if (up != null) {
                dirs.add(up.resolve("models").toAbsolutePath().normalize()); // target/latent-explorer.jar in a checkout
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source: only the working directory is searched
        }
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** The {@code *.zip} files of the model directories, sorted by name. */
    public static List<Path> bundledModels() {
        List<Path> out = new ArrayList<>();
        for (Path dir : modelDirectories()) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".zip") && Files.isRegularFile(p)).sorted().forEach(out::add);
            } catch (IOException e) {
                // an unreadable directory holds no models for us
            }
        }
        return out;
    }

    /**
     * The first start's model: the first bundled model that loads, else an untrained one.
     * Never throws for a bad bundled file; it is skipped.
     */
    public static LoadedModel demo() {
        for (Path p : bundledModels()) {
            try {
                LoadedModel m = load(p);
                return new LoadedModel(m.file(), m.model(), "bundled demo " + p.getFileName(), false, m.sample());
            } catch (RuntimeException e) {
                System.err.println("skipping bundled model " + p + ": " + e.getMessage());
            }
        }
        return untrained(new Architecture(64, 10));
    }

    /** A freshly initialised model for procedural dSprites (jsg-dual, α = 0.5), not trained. */
    public static LoadedModel untrained(Architecture arch) {
        DivergenceSpec div = DivergenceSpec.of(DivergenceKind.JSG_DUAL);
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, ModelManifest.FORMAT_VERSION, Versions.app(),
                Versions.ND4J, Instant.now().toString(), arch, div, div.kind().defaultLambda(), Reconstruction.MSE,
                new Provenance("dsprites", 0, 0, 256, 1e-4, UNTRAINED_SEED), 0, 0, List.of());
        VaeModel model = new VaeModel(manifest, VaeWeights.initialise(arch, UNTRAINED_SEED));
        return new LoadedModel(null, model, "untrained", true, sampleFor(manifest));
    }

    /**
     * A data set to draw samples from for this model: its own training set when that opens and fits,
     * else procedural dSprites for 64×64 models, else null.
     */
    static Dataset sampleFor(ModelManifest manifest) {
        int size = manifest.architecture().imageSize();
        try {
            Dataset own = DatasetSpec.parse(manifest.provenance().dataset()).open(Split.TRAIN);
            if (Datasets.hasImageSize(own, size)) {
                return own;
            }
        } catch (RuntimeException e) {
            // the training data is not on this machine: fall back below
        }
        return size == 64 ? new DSprites() : null;
    }
}
