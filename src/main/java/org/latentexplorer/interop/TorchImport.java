package org.latentexplorer.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.common.Versions;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.backend.Environments;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.ImportedFrom;
import org.latentexplorer.model.ModelFile;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.model.Provenance;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.model.VaeWeights;

/**
 * Imports a PyTorch run of geometric-js or disentangling-vae: a folder holding {@code model.pt}
 * and {@code specs.json}, or a {@code model.pt} alone (its folder's {@code specs.json} is used when
 * present). The result is one of our models, with the run's loss translated by {@link RunSpecs} and
 * the provenance of the import in {@link ImportedFrom}.
 */
public final class TorchImport {
    public static final String MODEL_PT = "model.pt";
    public static final String SPECS_JSON = "specs.json";

    private TorchImport() {
    }

    /** An imported model and what the import had to decide by itself. */
    public record Result(ModelManifest manifest, VaeWeights weights) {
        public VaeModel model() {
            return new VaeModel(manifest, weights);
        }

        public List<String> notes() {
            return manifest.imported().notes();
        }
    }

    /** Whether a path looks importable: a {@code .pt}/{@code .pth} file or a folder holding {@code model.pt}. */
    public static boolean isPytorchRun(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (Files.isDirectory(p)) {
            return Files.isRegularFile(p.resolve(MODEL_PT));
        }
        return n.endsWith(".pt") || n.endsWith(".pth");
    }

    /**
     * Reads a run.
     *
     * @param from  a run folder or a {@code model.pt}
     * @param specs a {@code specs.json} to use instead of the run's own, or null
     * @throws UserInputException naming the file and the problem
     */
    public static Result read(Path from, Path specs) {
        Path pt = from;
        if (Files.isDirectory(from)) {
            pt = from.resolve(MODEL_PT);
            if (!Files.isRegularFile(pt)) {
                throw UserInputException.forFile(from, "holds no " + MODEL_PT + " (a PyTorch run folder holds model.pt and specs.json)");
            }
        } else if (!Files.exists(from)) {
            throw UserInputException.forFile(from, "no such file or folder");
        }
        Path specsFile = specs;
        if (specsFile == null) {
            Path sibling = pt.toAbsolutePath().getParent() == null ? null : pt.toAbsolutePath().getParent().resolve(SPECS_JSON);
            specsFile = sibling != null && Files.isRegularFile(sibling) ? sibling : null;
        }
        RunSpecs run = specsFile == null ? null : RunSpecs.read(specsFile);
        TorchCheckpoint.StateDict sd = TorchCheckpoint.read(pt);
        Architecture inferred = BurgessLayout.infer(pt, sd.tensors());
        List<String> notes = new ArrayList<>();
        Architecture arch = inferred;
        if (run != null) {
            Architecture declared = run.architecture();
            if (declared == null) {
                notes.add(specsFile + " gives no img_size/latent_dim: " + describe(inferred) + " inferred from the shapes");
            } else if (!declared.equals(inferred)) {
                throw UserInputException.forFile(specsFile, "disagrees with " + pt + ": specs.json says " + describe(declared)
                        + " but the weights have " + describe(inferred) + " (encoder.conv1.weight "
                        + sd.tensors().get("encoder.conv1.weight").shapeText() + ", decoder.lin1.weight "
                        + sd.tensors().get("decoder.lin1.weight").shapeText() + ", conv_64 layers "
                        + (inferred.hasExtraLayer() ? "present" : "absent") + ")");
            }
        } else {
            notes.add("no specs.json: image size " + inferred.imageSize() + "x" + inferred.imageSize() + ", " + inferred.channels()
                    + " channel(s) and latent size " + inferred.latents() + " inferred from the shapes; loss unknown");
        }
        VaeWeights weights = BurgessLayout.toWeights(pt, arch, sd.tensors());

        DivergenceSpec divergence;
        double lambda;
        Reconstruction rec;
        boolean supported;
        String loss;
        java.util.Map<String, Double> params;
        Provenance provenance;
        if (run != null) {
            RunSpecs.Loss l = run.translate();
            notes.addAll(l.notes());
            divergence = l.divergence();
            lambda = l.lambda();
            rec = l.reconstruction();
            supported = l.supported();
            loss = run.loss();
            params = run.lossParameters();
            provenance = new Provenance(run.dataset(), 0, Provenance.FIRST, run.epochs(), run.batchSize(), run.learningRate(), run.seed());
        } else {
            divergence = DivergenceSpec.of(DivergenceKind.KL_QP);
            lambda = 1.0;
            rec = Reconstruction.BERNOULLI;
            supported = false;
            loss = "unknown";
            params = java.util.Map.of();
            provenance = new Provenance("unknown", 0, Provenance.FIRST, 0, 64, 5e-4, 0);
        }
        ImportedFrom origin = new ImportedFrom(pt.toAbsolutePath().normalize().toString(), sha256(pt), sd.format().label(),
                sd.formatVersion(), run != null && run.torchVersion() != null ? run.torchVersion() : "not recorded",
                specsFile == null ? "none" : specsFile.toAbsolutePath().normalize().toString()
                        + (run != null ? " (" + run.codebase() + ")" : ""),
                loss, params, supported, notes);
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, ModelManifest.FORMAT_VERSION, Versions.app(),
                "PyTorch", Instant.now().toString(), arch, divergence, lambda, rec, provenance,
                provenance.epochs(), 0, List.of(), Environments.current(), origin);
        return new Result(manifest, weights);
    }

    /** Reads a run and writes it as a model file, atomically (nothing is left behind on failure). */
    public static Result importTo(Path from, Path specs, Path out) {
        Result r = read(from, specs);
        ModelFile.write(out, r.manifest(), r.weights(), null);
        return r;
    }

    static String describe(Architecture a) {
        return a.channels() + "x" + a.imageSize() + "x" + a.imageSize() + " images, latent_dim " + a.latents();
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw UserInputException.forFile(file, "could not be read (" + e + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
