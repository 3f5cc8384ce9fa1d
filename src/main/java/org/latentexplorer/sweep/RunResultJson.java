package org.latentexplorer.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.UserInputException;

/**
 * {@link RunResult} as {@code result.json} (format {@value #FORMAT}, version {@value #VERSION}); the schema is in
 * README's Sweeps section. Numbers that are not finite are written as null; {@code mig} is always present: an object
 * ({@code value, examples, bins, factors, gaps, bestLatent}) where the run's data has factors, else null. Reading
 * also accepts a bare number there (the value alone).
 */
public final class RunResultJson {
    /** The {@code format} field of every result file. */
    public static final String FORMAT = "latent-explorer-sweep-result";
    /** The schema version. */
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunResultJson() {
    }

    /** Writes {@code result} to {@code file} atomically. */
    public static void write(Path file, RunResult result) {
        try {
            AtomicFiles.write(file, (JSON.writeValueAsString(tree(result)) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode tree(RunResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("version", VERSION);
        o.put("run", r.run());
        o.put("label", r.label());
        o.put("sweep", r.sweep());
        ObjectNode d = o.putObject("divergence");
        d.put("name", r.divergence());
        putNumber(d, "alpha", r.alpha());
        putNumber(d, "beta", r.beta());
        d.put("lambda", r.lambda());
        o.put("seed", r.seed());
        RunResult.Training t = r.training();
        ObjectNode tr = o.putObject("training");
        tr.put("dataset", t.dataset());
        tr.put("datasetIdentity", t.datasetIdentity());
        tr.put("limit", t.limit());
        tr.put("subset", t.subset());
        tr.put("examples", t.examples());
        tr.put("epochs", t.epochs());
        tr.put("imagesSeen", t.imagesSeen());
        tr.put("batch", t.batch());
        tr.put("lr", t.lr());
        tr.put("latents", t.latents());
        tr.put("recon", t.recon());
        putNumber(tr, "seconds", t.seconds());
        o.put("budget", r.budget());
        RunResult.Evaluation e = r.evaluation();
        ObjectNode ev = o.putObject("evaluation");
        ev.put("data", e.data());
        ev.put("split", e.split());
        ev.put("examples", e.examples());
        ev.put("batches", e.batches());
        putNumber(ev, "reconstruction", e.reconstruction());
        putNumber(ev, "loss", e.loss());
        putNumber(ev, "divergence", e.divergence());
        putNumber(ev, "weightedDivergence", e.weightedDivergence());
        putNumber(ev, "klLoss1", e.klLoss1());
        putNumber(ev, "klLoss2", e.klLoss2());
        putNumber(ev, "seconds", e.seconds());
        ObjectNode m = o.putObject("model");
        m.put("file", r.modelFile());
        m.put("sha256", r.modelSha256());
        putNumber(o, "wallSeconds", r.wallSeconds());
        o.put("finishedAt", r.finishedAt());
        o.put("software", r.software());
        o.put("environment", r.environment());
        if (r.mig() == null) {
            o.putNull("mig");
        } else {
            RunResult.MigScore s = r.mig();
            ObjectNode mig = o.putObject("mig");
            putNumber(mig, "value", s.value());
            mig.put("examples", s.examples());
            mig.put("bins", s.bins());
            var factors = mig.putArray("factors");
            s.factors().forEach(factors::add);
            var gaps = mig.putArray("gaps");
            for (double g : s.gaps()) {
                if (Double.isFinite(g)) {
                    gaps.add(g);
                } else {
                    gaps.addNull();
                }
            }
            var best = mig.putArray("bestLatent");
            for (int b : s.bestLatent()) {
                best.add(b);
            }
        }
        return o;
    }

    /**
     * Reads a result file.
     *
     * @throws UserInputException naming the file when it is not a readable result of this format
     */
    public static RunResult read(Path file) {
        JsonNode o;
        try {
            o = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw UserInputException.forFile(file, "is not a readable sweep result (" + e.getMessage() + ")", e);
        }
        try {
            if (o == null || !o.isObject() || !FORMAT.equals(o.path("format").asText())) {
                throw new IllegalArgumentException("its format is not " + FORMAT);
            }
            if (o.path("version").asInt() != VERSION) {
                throw new IllegalArgumentException("it has version " + o.path("version") + "; this reads version " + VERSION);
            }
            JsonNode d = req(o, "divergence");
            JsonNode t = req(o, "training");
            JsonNode e = req(o, "evaluation");
            JsonNode m = req(o, "model");
            RunResult.Training training = new RunResult.Training(text(t, "dataset"), text(t, "datasetIdentity"),
                    req(t, "limit").asInt(), text(t, "subset"), req(t, "examples").asInt(), req(t, "epochs").asInt(),
                    req(t, "imagesSeen").asLong(), req(t, "batch").asInt(), req(t, "lr").asDouble(),
                    req(t, "latents").asInt(), text(t, "recon"), nanIfNull(t, "seconds"));
            RunResult.Evaluation evaluation = new RunResult.Evaluation(text(e, "data"), text(e, "split"),
                    req(e, "examples").asInt(), req(e, "batches").asInt(), nanIfNull(e, "reconstruction"),
                    nanIfNull(e, "loss"), nanIfNull(e, "divergence"), nanIfNull(e, "weightedDivergence"),
                    orNull(e, "klLoss1"), orNull(e, "klLoss2"), nanIfNull(e, "seconds"));
            String sha = text(m, "sha256");
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("model.sha256 is not a SHA-256 in hex");
            }
            RunResult r = new RunResult(text(o, "run"), text(o, "label"), text(o, "sweep"), text(d, "name"),
                    orNull(d, "alpha"), orNull(d, "beta"), req(d, "lambda").asDouble(), req(o, "seed").asLong(), training,
                    text(o, "budget"), evaluation, text(m, "file"), sha, nanIfNull(o, "wallSeconds"),
                    text(o, "finishedAt"), text(o, "software"), text(o, "environment"), mig(o.get("mig")));
            r.configuration(); // the divergence and its parameters are valid
            return r;
        } catch (IllegalArgumentException | UserInputException e) {
            throw UserInputException.forFile(file, "is not a valid sweep result: " + e.getMessage(), e);
        }
    }

    private static RunResult.MigScore mig(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return RunResult.MigScore.valueOnly(v.asDouble());
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException("\"mig\" is neither null, a number nor an object");
        }
        Double value = orNull(v, "value");
        JsonNode factors = req(v, "factors");
        JsonNode gaps = req(v, "gaps");
        JsonNode best = req(v, "bestLatent");
        if (!factors.isArray() || !gaps.isArray() || !best.isArray() || gaps.size() != factors.size()
                || best.size() != factors.size()) {
            throw new IllegalArgumentException("\"mig\" needs arrays factors, gaps and bestLatent of one length");
        }
        List<String> f = new ArrayList<>();
        double[] g = new double[gaps.size()];
        int[] b = new int[best.size()];
        for (int i = 0; i < g.length; i++) {
            f.add(factors.get(i).asText());
            g[i] = gaps.get(i).isNumber() ? gaps.get(i).asDouble() : Double.NaN;
            b[i] = best.get(i).asInt();
        }
        return new RunResult.MigScore(value == null ? Double.NaN : value, req(v, "examples").asInt(),
                req(v, "bins").asInt(), f, g, b);
    }

    private static void putNumber(ObjectNode o, String key, Double v) {
        if (v == null || !Double.isFinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    private static JsonNode req(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isMissingNode()) {
            throw new IllegalArgumentException("it has no \"" + key + "\"");
        }
        return v;
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = req(o, key);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" is not a string");
        }
        return v.asText();
    }

    private static Double orNull(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("\"" + key + "\" is not a number");
        }
        return v.asDouble();
    }

    private static double nanIfNull(JsonNode o, String key) {
        req(o, key);
        Double v = orNull(o, key);
        return v == null ? Double.NaN : v;
    }
}
