package org.latentexplorer.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Subset;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.model.Reconstruction;

/**
 * A {@link SweepSpec} as JSON, the form of a sweep file and of a sweep folder's {@code sweep.json}:
 * <pre>{@code
 * {"name": "my-sweep", "dataset": "dsprites", "images": 4096, "limit": 0, "subset": "spread",
 *  "batch": 256, "lr": 0.0001, "latents": 10, "recon": "mse", "seeds": [1234],
 *  "grid": [{"divergence": "jsg", "alpha": [0.1, 0.5], "lambda": [1, 2]}, {"divergence": "beta", "beta": [4]}]}
 * }</pre>
 * Only {@code grid} is required; {@code epochs} or {@code images} (not both) is the budget (default: the paper's
 * epochs for the data set), and every other setting defaults to the paper's for the data set. Unknown keys, wrong
 * types and empty lists are refused with one line naming the file and the key.
 */
public final class SweepSpecJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> TOP = Set.of("name", "dataset", "epochs", "images", "limit", "subset", "batch", "lr",
            "latents", "recon", "seeds", "grid");
    private static final Set<String> ENTRY = Set.of("divergence", "alpha", "beta", "lambda");

    private SweepSpecJson() {
    }

    /**
     * Reads a sweep file. Its name defaults to the file's name without {@code .json}.
     *
     * @throws UserInputException naming the file and the problem
     */
    public static SweepSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserInputException.forFile(file, "could not be read (" + e.getMessage() + ")", e);
        }
        String base = file.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        try {
            return parse(text, base.matches("[A-Za-z0-9._-]+") ? base : "sweep");
        } catch (UserInputException e) {
            throw UserInputException.forFile(file, e.getMessage(), e);
        }
    }

    /** Parses a sweep definition; {@code defaultName} is its name when it has no {@code name}. */
    public static SweepSpec parse(String text, String defaultName) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserInputException("is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new UserInputException("a sweep definition must be a JSON object");
        }
        unknownKeys(root, TOP, "");
        String name = root.has("name") ? text(root, "name") : defaultName;
        String dataset = root.has("dataset") ? text(root, "dataset") : "dsprites";
        DatasetSpec ds = DatasetSpec.parse(dataset);
        if (!root.has("grid")) {
            throw new UserInputException("has no \"grid\" (the divergences to train)");
        }
        JsonNode grid = root.get("grid");
        if (!grid.isArray()) {
            throw new UserInputException("\"grid\" must be a list of {\"divergence\": …} entries");
        }
        if (grid.isEmpty()) {
            throw new UserInputException("empty grid: \"grid\" lists no divergences");
        }
        List<GridEntry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode e : grid) {
            String where = "grid[" + i++ + "]";
            if (!e.isObject()) {
                throw new UserInputException(where + " must be an object such as {\"divergence\": \"jsg\", \"alpha\": [0.1, 0.5]}");
            }
            unknownKeys(e, ENTRY, where + ".");
            if (!e.has("divergence")) {
                throw new UserInputException(where + " has no \"divergence\"");
            }
            entries.add(new GridEntry(DivergenceKind.fromCliName(text(e, "divergence")), numbers(e, "alpha", where),
                    numbers(e, "beta", where), numbers(e, "lambda", where)));
        }
        SweepSpec spec = SweepSpec.paper(name, ds.canonical(), entries);
        if (root.has("epochs") && root.has("images")) {
            throw new UserInputException("gives both \"epochs\" and \"images\"; a budget is one of them");
        }
        if (root.has("epochs")) {
            spec = spec.withBudget(Budget.epochs(integer(root, "epochs")));
        }
        if (root.has("images")) {
            spec = spec.withBudget(Budget.images(longValue(root, "images")));
        }
        if (root.has("limit") || root.has("subset")) {
            spec = spec.withLimit(root.has("limit") ? integer(root, "limit") : 0,
                    root.has("subset") ? Subset.fromCliName(text(root, "subset")) : SweepSpec.DEFAULT_SUBSET);
        }
        if (root.has("batch")) {
            spec = spec.withBatch(integer(root, "batch"));
        }
        if (root.has("lr")) {
            spec = spec.withLr(number(root.get("lr"), "lr"));
        }
        if (root.has("latents")) {
            spec = spec.withLatents(integer(root, "latents"));
        }
        if (root.has("recon")) {
            spec = spec.withRecon(Reconstruction.fromCliName(text(root, "recon")));
        }
        if (root.has("seeds")) {
            JsonNode s = root.get("seeds");
            if (!s.isArray()) {
                throw new UserInputException("\"seeds\" must be a list of integers, e.g. [1234]");
            }
            if (s.isEmpty()) {
                throw new UserInputException("empty grid: \"seeds\" is empty");
            }
            List<Long> seeds = new ArrayList<>();
            for (JsonNode n : s) {
                if (!n.canConvertToLong() || !n.isIntegralNumber()) {
                    throw new UserInputException("\"seeds\" must hold integers, got " + n);
                }
                seeds.add(n.asLong());
            }
            spec = spec.withSeeds(seeds);
        }
        return spec;
    }

    /** The spec as a JSON document with every value written (what {@code sweep.json} holds). */
    public static String write(SweepSpec spec) {
        try {
            return JSON.writeValueAsString(tree(spec)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The spec as a JSON tree, every value written, in a fixed key order. */
    public static ObjectNode tree(SweepSpec spec) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", spec.name());
        o.put("dataset", spec.dataset());
        if (spec.budget().inImages()) {
            o.put("images", spec.budget().images());
        } else {
            o.put("epochs", spec.budget().epochs());
        }
        o.put("limit", spec.limit());
        o.put("subset", spec.subset().cliName());
        o.put("batch", spec.batch());
        o.put("lr", spec.lr());
        o.put("latents", spec.latents());
        o.put("recon", spec.recon().cliName());
        ArrayNode seeds = o.putArray("seeds");
        spec.seeds().forEach(seeds::add);
        ArrayNode grid = o.putArray("grid");
        for (GridEntry e : spec.grid()) {
            ObjectNode g = grid.addObject();
            g.put("divergence", e.divergence().cliName());
            if (!e.alphas().isEmpty()) {
                e.alphas().forEach(g.putArray("alpha")::add);
            }
            if (!e.betas().isEmpty()) {
                e.betas().forEach(g.putArray("beta")::add);
            }
            if (!e.lambdas().isEmpty()) {
                e.lambdas().forEach(g.putArray("lambda")::add);
            }
        }
        return o;
    }

    /** The spec's JSON tree as it reads back from its file (numbers typed as a parser types them), for comparisons. */
    static JsonNode canonicalTree(SweepSpec spec) {
        try {
            return JSON.readTree(write(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads back a spec written by {@link #write} (a sweep folder's own {@code sweep.json}). */
    static JsonNode readTree(Path file) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw UserInputException.forFile(file, "is not a readable sweep definition (" + e.getMessage() + ")", e);
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!allowed.contains(key)) {
                throw new UserInputException("unknown parameter '" + prefix + key + "'; expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (!v.isTextual()) {
            throw new UserInputException("\"" + key + "\" must be a string, got " + v);
        }
        return v.asText();
    }

    private static int integer(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new UserInputException("\"" + key + "\" must be an integer, got " + v);
        }
        return v.asInt();
    }

    private static long longValue(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new UserInputException("\"" + key + "\" must be an integer, got " + v);
        }
        return v.asLong();
    }

    private static double number(JsonNode v, String key) {
        if (!v.isNumber()) {
            throw new UserInputException("\"" + key + "\" must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static List<Double> numbers(JsonNode entry, String key, String where) {
        if (!entry.has(key)) {
            return List.of();
        }
        JsonNode v = entry.get(key);
        List<Double> out = new ArrayList<>();
        if (v.isNumber()) {
            out.add(v.asDouble());
            return out;
        }
        if (!v.isArray()) {
            throw new UserInputException(where + "." + key + " must be a number or a list of numbers, got " + v);
        }
        if (v.isEmpty()) {
            throw new UserInputException("empty grid: " + where + "." + key + " is an empty list");
        }
        for (JsonNode n : v) {
            out.add(number(n, where + "." + key));
        }
        return out;
    }
}
