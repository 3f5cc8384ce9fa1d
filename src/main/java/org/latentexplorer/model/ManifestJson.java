package org.latentexplorer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.common.Environment;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;

/**
 * The manifest's JSON form, written and read field by field so that the file format is explicit
 * and every missing or wrong field is reported by its path.
 */
final class ManifestJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {
    }

    static byte[] write(ModelManifest m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", m.format());
        root.put("formatVersion", m.formatVersion());
        root.put("appVersion", m.appVersion());
        root.put("nd4jVersion", m.nd4jVersion());
        root.put("createdAt", m.createdAt());
        ObjectNode arch = root.putObject("architecture");
        arch.put("imageSize", m.architecture().imageSize());
        arch.put("latents", m.architecture().latents());
        arch.put("channels", m.architecture().channels());
        arch.put("parameterCount", m.architecture().parameterCount());
        ObjectNode div = root.putObject("divergence");
        div.put("name", m.divergence().kind().cliName());
        div.put("alpha", m.divergence().alpha());
        div.put("beta", m.divergence().beta());
        root.put("lambda", m.lambda());
        root.put("reconstruction", m.reconstruction().cliName());
        ObjectNode prov = root.putObject("training");
        prov.put("dataset", m.provenance().dataset());
        prov.put("limit", m.provenance().limit());
        prov.put("subset", m.provenance().subset());
        prov.put("epochs", m.provenance().epochs());
        prov.put("batchSize", m.provenance().batchSize());
        prov.put("learningRate", m.provenance().learningRate());
        prov.put("seed", m.provenance().seed());
        prov.put("datasetIdentity", m.provenance().datasetIdentity());
        ObjectNode env = root.putObject("environment");
        env.put("gitCommit", m.environment().gitCommit());
        env.put("backend", m.environment().backend());
        env.put("nativeBuild", m.environment().nativeBuild());
        env.put("java", m.environment().java());
        env.put("os", m.environment().os());
        root.put("epochsCompleted", m.epochsCompleted());
        root.put("steps", m.steps());
        ArrayNode history = root.putArray("history");
        for (EpochRecord e : m.history()) {
            ObjectNode h = history.addObject();
            h.put("epoch", e.epoch());
            h.put("loss", e.loss());
            h.put("recLoss", e.recLoss());
            h.put("divergence", e.divergence());
            if (e.kl1() != null) {
                h.put("kl1", e.kl1());
            }
            if (e.kl2() != null) {
                h.put("kl2", e.kl2());
            }
            h.put("seconds", e.seconds());
            h.put("images", e.images());
        }
        if (m.imported() != null) {
            ImportedFrom i = m.imported();
            ObjectNode imp = root.putObject("importedFrom");
            imp.put("source", i.source());
            imp.put("sha256", i.sha256());
            imp.put("format", i.format());
            imp.put("formatVersion", i.formatVersion());
            imp.put("torchVersion", i.torchVersion());
            imp.put("specs", i.specs());
            imp.put("loss", i.loss());
            imp.put("lossSupported", i.lossSupported());
            ObjectNode params = imp.putObject("lossParameters");
            i.lossParameters().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> params.put(e.getKey(), e.getValue()));
            ArrayNode notes = imp.putArray("notes");
            i.notes().forEach(notes::add);
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses and validates; problems are reported as {@code IllegalArgumentException} with the field path. */
    static ModelManifest read(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("manifest.json is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("manifest.json is not a JSON object");
        }
        String format = text(root, "format");
        if (!ModelManifest.FORMAT.equals(format)) {
            throw new IllegalArgumentException("not a Latent Explorer model (manifest format is '" + format + "')");
        }
        int version = integer(root, "formatVersion");
        if (version > ModelManifest.FORMAT_VERSION) {
            throw new IllegalArgumentException("written by a newer Latent Explorer (" + optText(root, "appVersion")
                    + ", model format " + version + "); this version reads format " + ModelManifest.FORMAT_VERSION
                    + " and older");
        }
        if (version < 1) {
            throw new IllegalArgumentException("unknown model format version " + version);
        }
        JsonNode arch = object(root, "architecture");
        Architecture architecture;
        DivergenceSpec divergence;
        Reconstruction reconstruction;
        try {
            // files written before colour models have no channel count: they are grey
            architecture = new Architecture(integer(arch, "imageSize"), integer(arch, "latents"),
                    arch.has("channels") ? integer(arch, "channels") : 1);
            JsonNode div = object(root, "divergence");
            divergence = new DivergenceSpec(DivergenceKind.fromCliName(text(div, "name")), number(div, "alpha"), number(div, "beta"));
            reconstruction = Reconstruction.fromCliName(text(root, "reconstruction"));
        } catch (UserInputException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        JsonNode prov = object(root, "training");
        String subset = prov.has("subset") ? prov.get("subset").asText() : Provenance.FIRST;
        if (!subset.equals(Provenance.FIRST) && !subset.equals("spread")) {
            throw new IllegalArgumentException("training.subset must be \"first\" or \"spread\", got \"" + subset + "\"");
        }
        Provenance provenance = new Provenance(text(prov, "dataset"), integer(prov, "limit"), subset, integer(prov, "epochs"),
                integer(prov, "batchSize"), number(prov, "learningRate"), prov.path("seed").asLong(),
                optText(prov, "datasetIdentity"));
        // optional (absent in files written before it was recorded): the environment that wrote the file
        JsonNode env = root.path("environment");
        Environment environment = new Environment(optText(root, "appVersion"), optText(env, "gitCommit"),
                optText(env, "backend"), optText(env, "nativeBuild"), optText(env, "java"), optText(env, "os"));
        List<EpochRecord> history = new ArrayList<>();
        for (JsonNode h : root.path("history")) {
            history.add(new EpochRecord(integer(h, "epoch"), number(h, "loss"), number(h, "recLoss"), number(h, "divergence"),
                    h.has("kl1") ? h.get("kl1").asDouble() : null, h.has("kl2") ? h.get("kl2").asDouble() : null,
                    number(h, "seconds"), h.path("images").asLong()));
        }
        return new ModelManifest(format, version, optText(root, "appVersion"), optText(root, "nd4jVersion"),
                optText(root, "createdAt"), architecture, divergence, number(root, "lambda"), reconstruction, provenance,
                integer(root, "epochsCompleted"), root.path("steps").asLong(), history, environment, imported(root));
    }

    private static ImportedFrom imported(JsonNode root) {
        if (!root.has("importedFrom")) {
            return null;
        }
        JsonNode imp = object(root, "importedFrom");
        java.util.Map<String, Double> params = new java.util.TreeMap<>();
        imp.path("lossParameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asDouble()));
        List<String> notes = new ArrayList<>();
        imp.path("notes").forEach(n -> notes.add(n.asText()));
        JsonNode supported = imp.get("lossSupported");
        if (supported == null || !supported.isBoolean()) {
            throw new IllegalArgumentException("manifest field 'lossSupported' is missing or not a boolean");
        }
        return new ImportedFrom(text(imp, "source"), text(imp, "sha256"), text(imp, "format"), optText(imp, "formatVersion"),
                optText(imp, "torchVersion"), optText(imp, "specs"), text(imp, "loss"), params, supported.asBoolean(), notes);
    }

    private static JsonNode object(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException("manifest field '" + field + "' is missing or not an object");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("manifest field '" + field + "' is missing or not a string");
        }
        return v.asText();
    }

    private static String optText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null ? "unknown" : v.asText();
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("manifest field '" + field + "' is missing or not an integer");
        }
        return v.asInt();
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("manifest field '" + field + "' is missing or not a number");
        }
        return v.asDouble();
    }
}
