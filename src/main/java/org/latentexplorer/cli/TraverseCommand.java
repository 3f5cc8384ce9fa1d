package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentexplorer.backend.Environments;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.evaluation.DivergenceProfile;
import org.latentexplorer.evaluation.Posteriors;
import org.latentexplorer.latent.Posterior;
import org.latentexplorer.latent.PosteriorBatch;
import org.latentexplorer.model.ModelIdentity;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.render.export.ExportMetadata;
import org.latentexplorer.render.export.GifExport;
import org.latentexplorer.render.export.PngExport;
import org.latentexplorer.render.traversal.GridImage;
import org.latentexplorer.render.traversal.TraversalAnchor;
import org.latentexplorer.render.traversal.TraversalGrid;
import org.latentexplorer.render.traversal.TraversalInputs;
import org.latentexplorer.render.traversal.TraversalRange;
import org.latentexplorer.render.traversal.TraversalSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code traverse}: a latent traversal grid of a model as PNG (with settings in its metadata) or GIF. */
@Command(name = "traverse", mixinStandardHelpOptions = true,
        description = {"Renders a latent traversal grid: one row per latent dimension, columns moving that dimension while the others stay at the anchor. "
                + "Latent vectors are decoded in batches of " + TraversalGrid.CHUNK + ", so any --steps and latent size fit in bounded memory.",
                "PNG: the grid, with the settings, column values and model identity in text chunks. GIF: one frame per column "
                        + "(that column's images, no row labels), the same text in its comment."},
        footer = {"", "Presets: paper (docs/method.md §6: prior, ±1.959964 in 10 columns from + to -, rows in index order, padding 2 at 1-background),",
                "  disentangling-vae (±2, 7 columns, rows by KL), beta-vae ([-3,3], 10), dlib ([-1,1], 11). Options override the preset.",
                "--range means: absolute: half-width c; prior-quantile: central prior mass (0.95 gives ±1.96); posterior: k in mu ± k·sigma.",
                "A data set (--dataset) is needed for --anchor index:I, --mode data-range and --order kl|divergence.",
                "Example: traverse --model m.zip --out grid.png",
                "Example: traverse --model m.zip --preset disentangling-vae --dataset dsprites --limit 1000 --out sorted.png"})
final class TraverseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "model file")
    Path model;

    @Option(names = "--out", required = true, description = "output image: .png or .gif")
    Path out;

    @Option(names = "--preset", defaultValue = "paper", description = "paper, disentangling-vae, beta-vae or dlib (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--mode", description = "range mode: absolute, prior-quantile, posterior or data-range (default: the preset's)")
    String mode;

    @Option(names = "--range", description = "range parameter C of the mode (see below)")
    Double range;

    @Option(names = "--steps", description = "columns per row, 2..1000 (default: the preset's)")
    Integer steps;

    @Option(names = "--dims", description = "latent dimensions to traverse, comma-separated (default: all)")
    String dims;

    @Option(names = "--anchor", description = "values of the other dimensions: prior (zero), index:I (posterior mean of example I) or random:SEED (a prior sample)")
    String anchor;

    @Option(names = "--order", description = "row order: index, listed (as in --dims), kl (mean KL(q||p) per dimension, largest first) or divergence (the model's own divergence per dimension)")
    String order;

    @Option(names = "--direction", description = "descending (paper: +c on the left) or ascending (default: the preset's)")
    String direction;

    @Option(names = "--labels", description = "row labels: none, left or right (default: right when rows are sorted by a score)")
    String labels;

    @Option(names = "--background", description = "data background: black, white or an intensity; padding is 1 - background (default: from the data set)")
    String background;

    @Option(names = "--dataset", description = "data set spec for anchors, data ranges and scores: " + DatasetSpec.FORMS)
    String dataset;

    @Option(names = "--split", defaultValue = "test", description = "test or train (default ${DEFAULT-VALUE}; dSprites and folders have one set)")
    String split;

    @Option(names = "--limit", defaultValue = "1000", description = "examples in the data sample for ranges and scores, spread evenly over the set (default ${DEFAULT-VALUE}; 0 = all)")
    int limit;

    @Option(names = "--delay", defaultValue = "250", description = "GIF frame delay in ms (default ${DEFAULT-VALUE})")
    int delay;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        String format = Values.extension(out, List.of("png", "gif"));
        Values.gifDelay("--delay", delay);
        if (limit < 0) {
            throw new UserInputException("--limit must be >= 0, got " + limit);
        }
        DatasetSpec ds = dataset == null ? null : DatasetSpec.parse(dataset);
        // Every option is checked before the model file is read; the background is settled once the model is known.
        TraversalOptions.Resolved resolved = TraversalOptions.resolve(preset, mode, range, steps, dims, anchor, order,
                direction, labels, 0.0);
        Double chosenBackground = background == null ? null : CliData.background(background, 0.0);
        VaeModel m = VaeModel.load(model);
        double bg = chosenBackground != null ? chosenBackground
                : ds != null ? ds.backgroundValue() : CliData.background(m.manifest().provenance().dataset());
        TraversalSpec s = resolved.spec().withBackground(bg);
        TraversalInputs inputs = TraversalInputs.none();
        String sampleNote = "";
        if (resolved.needsData() && ds == null) {
            throw new UserInputException("traverse needs --dataset SPEC here: " + resolved.whyDataIsNeeded()
                    + " (this model was trained on '" + m.manifest().provenance().dataset() + "')");
        }
        if (ds != null) {
            Dataset all = CliData.openFor(model, m, ds, CliData.split(split), 0);
            if (s.anchor() instanceof TraversalAnchor.DataIndex d) {
                if (d.index() >= all.size()) {
                    throw new UserInputException("--anchor index:" + d.index() + " is outside " + all.description()
                            + " (" + all.size() + " examples, indices 0.." + (all.size() - 1) + ")");
                }
                float[] image = new float[all.height() * all.width()];
                all.read(d.index(), image, 0);
                inputs = inputs.withAnchorPosterior(Posterior.encode(m, image));
            }
            if (s.range() instanceof TraversalRange.DataRange || resolved.score() != TraversalOptions.Score.NONE) {
                Dataset sampleData = CliData.openFor(model, m, ds, CliData.split(split), limit);
                PosteriorBatch sample = Posteriors.encode(m, sampleData);
                sampleNote = "; sample=" + sampleData.description() + " (" + sample.size() + " examples)";
                inputs = inputs.withSample(sample);
                if (resolved.score() == TraversalOptions.Score.KL) {
                    inputs = inputs.withScores(DivergenceProfile.perDimension(sample, DivergenceSpec.of(DivergenceKind.KL_QP)).value(), "KL");
                } else if (resolved.score() == TraversalOptions.Score.DIVERGENCE) {
                    DivergenceSpec div = m.manifest().divergence();
                    if (!div.kind().isPerDimension()) {
                        throw new UserInputException("--order divergence: the model's divergence " + div.describe()
                                + " has no per-dimension value; use --order kl");
                    }
                    inputs = inputs.withScores(DivergenceProfile.perDimension(sample, div).value(), div.kind().cliName());
                }
            }
        }
        long start = System.nanoTime();
        GridImage grid = TraversalGrid.render(s, m, inputs);
        double millis = (System.nanoTime() - start) / 1e6;
        String settings = "traverse; " + TraversalOptions.describe(preset, s, resolved.score())
                + (ds != null ? "; dataset=" + ds.canonical() + "; split=" + split : "") + sampleNote;
        Map<String, String> text = ExportMetadata.withColumnValues(
                ExportMetadata.of(settings, ModelIdentity.of(model, m), Environments.current()), grid);
        if (format.equals("png")) {
            PngExport.write(grid.toAnnotatedImage(), out, text);
        } else {
            GifExport.writeTraversalColumns(out, grid, delay, text);
        }
        stdout.printf(Locale.ROOT, "model %s (%s)%n", model, m.manifest().describe());
        stdout.println("settings " + settings);
        for (int r = 0; r < grid.rows(); r++) {
            stdout.println("row " + r + ": " + grid.rowLabels().get(r));
        }
        int vectors = grid.rows() * grid.columns();
        stdout.printf(Locale.ROOT, "decoded %d latent vectors in %d batch%s in %.0f ms%n", vectors,
                (vectors + TraversalGrid.CHUNK - 1) / TraversalGrid.CHUNK, vectors > TraversalGrid.CHUNK ? "es" : "", millis);
        stdout.printf(Locale.ROOT, "wrote %s (%s, %dx%d grid of %d rows x %d columns%s)%n", out, format, grid.width(),
                grid.height(), grid.rows(), grid.columns(), format.equals("gif") ? ", " + grid.columns() + " frames" : "");
        return 0;
    }
}
