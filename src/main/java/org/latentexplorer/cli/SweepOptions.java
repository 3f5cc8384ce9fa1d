package org.latentexplorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Subset;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.sweep.Budget;
import org.latentexplorer.sweep.GridEntry;
import org.latentexplorer.sweep.Presets;
import org.latentexplorer.sweep.SweepSpec;
import org.latentexplorer.sweep.SweepSpecJson;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The sweep definition on the command line ({@code sweep run} and {@code sweep list}): a preset name or a JSON file,
 * or a grid given by {@code --divergences} with {@code --alpha}/{@code --beta}/{@code --lambda} lists, plus settings
 * that override the preset's or file's.
 */
final class SweepOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC",
            description = "a preset (table2, alpha-grid, lambda-grid, beta-grid) or a sweep file (.json); "
                    + "without it, --divergences defines the grid")
    String spec;

    @Option(names = "--name", description = "the sweep's name (default: the preset's or the file's; 'custom' for --divergences)")
    String name;

    @Option(names = "--dataset", description = "data set spec (default: the file's, else dsprites)")
    String dataset;

    @Option(names = "--images", description = "image budget per run: each run trains ceil(N/L) epochs on L examples, "
            + "L = --limit or, without it, min(N, the set's size)")
    Long images;

    @Option(names = "--epochs", description = "epoch budget per run (default: the paper's, 30 for dSprites, 100 otherwise)")
    Integer epochs;

    @Option(names = "--divergences", description = "comma-separated divergences of a grid defined here "
            + "(kl-qp, kl-pq, beta, mmd, jsg, jsg-dual, jsg-nielsen, jsg-nielsen-dual)")
    String divergences;

    @Option(names = "--alpha", description = "with --divergences: the skew alpha list of the JS divergences, e.g. 0.1,0.5,0.9")
    String alpha;

    @Option(names = "--beta", description = "with --divergences: the beta list of beta")
    String beta;

    @Option(names = "--lambda", description = "with --divergences: the lambda list of every divergence")
    String lambda;

    @Option(names = "--batch", description = "batch size (default: the paper's for the data set)")
    Integer batch;

    @Option(names = "--lr", description = "Adam learning rate (default 1e-4)")
    Double lr;

    @Option(names = "--seeds", description = "comma-separated seeds; every configuration runs once per seed (default 1234)")
    String seeds;

    @Option(names = "--limit", description = "train on N examples (0 = all; with --images, see there)")
    Integer limit;

    @Option(names = "--subset", description = "which examples --limit keeps: spread (default for sweeps) or first")
    String subset;

    @Option(names = "--latents", description = "latent size D (default: the paper's for the data set)")
    Integer latents;

    @Option(names = "--recon", description = "reconstruction: mse (default) or bernoulli")
    String recon;

    /**
     * The options as they were given, as command-line arguments for another invocation elsewhere (a Spark
     * executor): a SPEC that is a file and a data set's path made absolute, the rest as given.
     */
    List<String> givenArgs() {
        List<String> out = new ArrayList<>();
        if (spec != null) {
            boolean file = spec.toLowerCase(Locale.ROOT).endsWith(".json") || Files.isRegularFile(Path.of(spec));
            out.add(file ? Path.of(spec).toAbsolutePath().normalize().toString() : spec);
        }
        add(out, "--name", name);
        if (dataset != null) {
            org.latentexplorer.data.DatasetSpec ds = org.latentexplorer.data.DatasetSpec.parse(dataset);
            add(out, "--dataset", ds.path() == null ? ds.canonical()
                    : ds.kind().prefix() + ":" + ds.path().toAbsolutePath().normalize());
        }
        add(out, "--images", images);
        add(out, "--epochs", epochs);
        add(out, "--divergences", divergences);
        add(out, "--alpha", alpha);
        add(out, "--beta", beta);
        add(out, "--lambda", lambda);
        add(out, "--batch", batch);
        add(out, "--lr", lr);
        add(out, "--seeds", seeds);
        add(out, "--limit", limit);
        add(out, "--subset", subset);
        add(out, "--latents", latents);
        add(out, "--recon", recon);
        return out;
    }

    private static void add(List<String> out, String option, Object value) {
        if (value != null) {
            out.add(option);
            out.add(value instanceof Double d ? Values.format(d) : value.toString());
        }
    }

    /**
     * The sweep these options define.
     *
     * @throws UserInputException for an unknown preset, divergence or value, an empty list or an α outside [0, 1]
     */
    SweepSpec build() {
        boolean gridHere = divergences != null;
        if (!gridHere && (alpha != null || beta != null || lambda != null)) {
            throw new UserInputException("--alpha, --beta and --lambda define a grid together with --divergences; "
                    + (spec == null ? "give --divergences" : "the sweep '" + spec + "' has its own grid (add --divergences to replace it)"));
        }
        SweepSpec s;
        if (spec == null) {
            if (!gridHere) {
                throw new UserInputException("name a sweep: a preset (" + String.join(", ", Presets.NAMES)
                        + "), a sweep file (.json), or a grid with --divergences");
            }
            s = SweepSpec.paper(name != null ? name : "custom", dataset != null ? dataset : "dsprites", grid());
        } else if (spec.toLowerCase(Locale.ROOT).endsWith(".json") || Files.isRegularFile(Path.of(spec))) {
            Path file = Path.of(spec);
            if (!Files.isRegularFile(file)) {
                throw UserInputException.forFile(file, "no such sweep file");
            }
            s = SweepSpecJson.read(file);
            if (dataset != null) {
                s = s.withDataset(dataset);
            }
        } else {
            s = Presets.of(spec, dataset != null ? dataset : "dsprites");
        }
        if (gridHere && spec != null) {
            s = s.withGrid(grid());
        }
        if (name != null) {
            s = s.withName(name);
        }
        if (images != null && epochs != null) {
            throw new UserInputException("give --images or --epochs, not both");
        }
        if (images != null) {
            s = s.withBudget(Budget.images(images));
        }
        if (epochs != null) {
            s = s.withBudget(Budget.epochs(epochs));
        }
        if (limit != null || subset != null) {
            s = s.withLimit(limit != null ? limit : s.limit(), subset != null ? Subset.fromCliName(subset) : s.subset());
        }
        if (batch != null) {
            s = s.withBatch(batch);
        }
        if (lr != null) {
            s = s.withLr(lr);
        }
        if (latents != null) {
            s = s.withLatents(latents);
        }
        if (recon != null) {
            s = s.withRecon(Reconstruction.fromCliName(recon));
        }
        if (seeds != null) {
            List<Long> list = new ArrayList<>();
            for (String part : seeds.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    list.add(Long.parseLong(part.trim()));
                } catch (NumberFormatException e) {
                    throw new UserInputException("--seeds: '" + Values.excerpt(part.trim()) + "' is not an integer");
                }
            }
            if (list.isEmpty()) {
                throw new UserInputException("empty grid: --seeds lists no seed");
            }
            s = s.withSeeds(list);
        }
        return s;
    }

    private List<GridEntry> grid() {
        List<DivergenceKind> kinds = new ArrayList<>();
        for (String part : divergences.split(",")) {
            if (!part.isBlank()) {
                kinds.add(DivergenceKind.fromCliName(part.trim()));
            }
        }
        if (kinds.isEmpty()) {
            throw new UserInputException("empty grid: --divergences lists no divergence");
        }
        List<Double> alphas = list("--alpha", alpha);
        List<Double> betas = list("--beta", beta);
        List<Double> lambdas = list("--lambda", lambda);
        if (!alphas.isEmpty() && kinds.stream().noneMatch(DivergenceKind::isSkewJs)) {
            throw new UserInputException("unknown parameter --alpha for " + divergences + ": only jsg, jsg-dual, jsg-nielsen "
                    + "and jsg-nielsen-dual take alpha");
        }
        if (!betas.isEmpty() && !kinds.contains(DivergenceKind.BETA)) {
            throw new UserInputException("unknown parameter --beta for " + divergences + ": only beta takes beta");
        }
        List<GridEntry> grid = new ArrayList<>();
        for (DivergenceKind k : kinds) {
            grid.add(new GridEntry(k, k.isSkewJs() ? alphas : List.of(), k == DivergenceKind.BETA ? betas : List.of(), lambdas));
        }
        return grid;
    }

    private static List<Double> list(String option, String csv) {
        if (csv == null) {
            return List.of();
        }
        double[] values = csv.replace(",", "").isBlank() ? new double[0] : Values.doubles(option, csv);
        if (values.length == 0) {
            throw new UserInputException("empty grid: " + option + " lists no value");
        }
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
