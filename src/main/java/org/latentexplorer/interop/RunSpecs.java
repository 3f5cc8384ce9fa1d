package org.latentexplorer.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Architecture;
import org.latentexplorer.model.Reconstruction;

/**
 * A run's {@code specs.json} as geometric-js and disentangling-vae write it (their command-line
 * arguments), and its translation to our loss: which divergence, α, β and λ.
 *
 * <p>Loss names: geometric-js's {@code VAE} is reconstruction only (β = 0: our KL(q‖p) with λ = 0),
 * disentangling-vae's {@code VAE} is the standard ELBO (KL(q‖p), λ = 1); the two are told apart by
 * geometric-js's own arguments ({@code GJS_A}, {@code MMD_B}), which every one of its runs records.
 * {@code KL} → kl-qp, {@code fwdKL} → kl-pq, {@code betaH} → beta(β = betaH_B), {@code GJS}/{@code dGJS}
 * → jsg/jsg-dual with α = GJS_A and λ = GJS_B (Nielsen's jsg-nielsen/jsg-nielsen-dual when
 * {@code GJS_invA} is false; docs/method.md §1.4–§1.7), {@code MMD} → mmd with λ = MMD_B. Others
 * ({@code betaB}, {@code factor}, {@code btcvae}, {@code tGJS}, {@code tdGJS}) are kept by name as
 * "imported: NAME". Reconstruction: {@code bernoulli} → bernoulli; geometric-js's {@code gaussian}
 * (the plain squared error) → mse; disentangling-vae's {@code gaussian} (scaled by 255) and
 * {@code laplace} have no equivalent here, so such runs are imported as not trainable.
 */
public record RunSpecs(Path file, String codebase, Integer channels, Integer imageSize, Integer latents, String loss,
                       String recDist, String dataset, int epochs, int batchSize, double learningRate, long seed,
                       Map<String, Double> lossParameters, String torchVersion, String modelType) {
    public static final String GEOMETRIC_JS = "geometric-js";
    public static final String DISENTANGLING_VAE = "disentangling-vae";

    /** Our loss for a run: the divergence, its weight, the reconstruction, and whether it is one we train. */
    public record Loss(DivergenceSpec divergence, double lambda, Reconstruction reconstruction, boolean supported,
                       List<String> notes) {
    }

    /** Reads and checks a specs.json. */
    public static RunSpecs read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw UserInputException.forFile(file, "no such file");
        } catch (IOException e) {
            throw UserInputException.forFile(file, "is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw UserInputException.forFile(file, "is not a JSON object of run arguments");
        }
        String codebase = root.has("GJS_A") || root.has("MMD_B") ? GEOMETRIC_JS : DISENTANGLING_VAE;
        Integer channels = null;
        Integer size = null;
        JsonNode img = root.get("img_size");
        if (img != null) {
            if (!img.isArray() || img.size() != 3 || !img.get(0).canConvertToInt() || !img.get(1).canConvertToInt()
                    || !img.get(2).canConvertToInt()) {
                throw UserInputException.forFile(file, "img_size must be [channels, height, width], got " + img);
            }
            channels = img.get(0).asInt();
            size = img.get(1).asInt();
            if (img.get(2).asInt() != size) {
                throw UserInputException.forFile(file, "img_size " + img + " is not square; the Burgess VAE takes 32x32 or 64x64");
            }
        }
        Integer latents = root.has("latent_dim") ? integer(file, root, "latent_dim") : null;
        String loss = root.has("loss") ? root.get("loss").asText() : "unknown";
        String modelType = root.has("model_type") ? root.get("model_type").asText() : "Burgess";
        if (!modelType.equals("Burgess")) {
            throw UserInputException.forFile(file, "model_type is '" + modelType + "'; only the Burgess (Table 3) VAE can be imported");
        }
        Map<String, Double> params = new TreeMap<>();
        for (String key : parameterKeys(loss)) {
            JsonNode v = root.get(key);
            if (v != null && (v.isNumber() || v.isBoolean())) {
                params.put(key, v.isBoolean() ? (v.asBoolean() ? 1.0 : 0.0) : v.asDouble());
            } else if (v != null && v.isTextual() && key.equals("GJS_invA")) {
                params.put(key, v.asText().equalsIgnoreCase("false") || v.asText().isEmpty() ? 0.0 : 1.0);
            }
        }
        String torch = root.has("torch_version") ? root.get("torch_version").asText() : null;
        return new RunSpecs(file, codebase, channels, size, latents, loss,
                root.has("rec_dist") ? root.get("rec_dist").asText() : "bernoulli",
                root.has("dataset") ? root.get("dataset").asText() : "unknown",
                root.path("epochs").asInt(0), root.path("batch_size").asInt(64), root.path("lr").asDouble(5e-4),
                root.path("seed").asLong(1234), params, torch, modelType);
    }

    private static int integer(Path file, JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw UserInputException.forFile(file, field + " must be an integer, got " + v);
        }
        return v.asInt();
    }

    /** The specs keys that parameterise a loss (recorded in the manifest). */
    static List<String> parameterKeys(String loss) {
        List<String> keys = new ArrayList<>(switch (loss) {
            case "GJS", "dGJS", "tGJS", "tdGJS" -> List.of("GJS_A", "GJS_B", "GJS_invA");
            case "betaH" -> List.of("betaH_B");
            case "MMD" -> List.of("MMD_B");
            case "betaB" -> List.of("betaB_initC", "betaB_finC", "betaB_G");
            case "factor" -> List.of("factor_G", "lr_disc");
            case "btcvae" -> List.of("btcvae_A", "btcvae_B", "btcvae_G");
            default -> List.<String>of();
        });
        keys.add("reg_anneal");
        return keys;
    }

    /** The architecture the specs describe, or null when they do not give both sizes. */
    public Architecture architecture() {
        if (imageSize == null || latents == null) {
            return null;
        }
        if (imageSize != 32 && imageSize != 64) {
            throw UserInputException.forFile(file, "img_size is " + imageSize + "x" + imageSize + "; the Burgess VAE takes 32x32 or 64x64");
        }
        if (channels != 1 && channels != 3) {
            throw UserInputException.forFile(file, "img_size has " + channels + " channels; only 1 (grey) and 3 (RGB) are supported");
        }
        try {
            return new Architecture(imageSize, latents, channels);
        } catch (UserInputException e) {
            throw UserInputException.forFile(file, e.getMessage(), e);
        }
    }

    /** Translates the run's loss to ours (see the class comment). */
    public Loss translate() {
        List<String> notes = new ArrayList<>();
        Reconstruction rec;
        boolean recOk = true;
        switch (recDist.toLowerCase(Locale.ROOT)) {
            case "bernoulli" -> rec = Reconstruction.BERNOULLI;
            case "gaussian" -> {
                rec = Reconstruction.MSE;
                if (codebase.equals(DISENTANGLING_VAE)) {
                    recOk = false;
                    notes.add("rec_dist gaussian of disentangling-vae is 255 x the squared error; mse here is the plain squared error");
                }
            }
            default -> {
                rec = Reconstruction.BERNOULLI;
                recOk = false;
                notes.add("rec_dist " + recDist + " has no equivalent here (evaluated with bernoulli)");
            }
        }
        double alpha = param("GJS_A", DivergenceSpec.DEFAULT_ALPHA);
        boolean invert = param("GJS_invA", 1.0) != 0.0;
        DivergenceSpec kl = DivergenceSpec.of(DivergenceKind.KL_QP);
        Loss l = switch (loss) {
            case "VAE" -> codebase.equals(GEOMETRIC_JS)
                    ? new Loss(kl, 0.0, rec, recOk, notes)
                    : new Loss(kl, 1.0, rec, recOk, notes);
            case "KL" -> new Loss(kl, 1.0, rec, recOk, notes);
            case "fwdKL" -> new Loss(DivergenceSpec.of(DivergenceKind.KL_PQ), 1.0, rec, recOk, notes);
            case "betaH" -> new Loss(new DivergenceSpec(DivergenceKind.BETA, DivergenceSpec.DEFAULT_ALPHA, param("betaH_B", 4.0)),
                    1.0, rec, recOk, notes);
            case "GJS" -> new Loss(DivergenceSpec.of(invert ? DivergenceKind.JSG : DivergenceKind.JSG_NIELSEN, checkAlpha(alpha)),
                    param("GJS_B", 1.0), rec, recOk, notes);
            case "dGJS" -> new Loss(DivergenceSpec.of(invert ? DivergenceKind.JSG_DUAL : DivergenceKind.JSG_NIELSEN_DUAL,
                    checkAlpha(alpha)), param("GJS_B", 1.0), rec, recOk, notes);
            case "MMD" -> new Loss(DivergenceSpec.of(DivergenceKind.MMD), param("MMD_B", 500.0), rec, recOk, notes);
            default -> {
                notes.add("loss " + loss + " is not one of ours: explorable, evaluated with KL(q||p), not trainable here");
                yield new Loss(kl, 1.0, rec, false, notes);
            }
        };
        if (l.lambda() < 0 || !Double.isFinite(l.lambda())) {
            throw UserInputException.forFile(file, "the loss weight of " + loss + " is " + l.lambda() + "; expected a finite number >= 0");
        }
        return l;
    }

    private double checkAlpha(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw UserInputException.forFile(file, "GJS_A is " + alpha + "; the skew must be in [0, 1]");
        }
        return alpha;
    }

    private double param(String key, double fallback) {
        return lossParameters.getOrDefault(key, fallback);
    }
}
