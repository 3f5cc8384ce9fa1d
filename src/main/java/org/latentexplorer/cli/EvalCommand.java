package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentexplorer.data.Batches;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Split;
import org.latentexplorer.evaluation.Mig;
import org.latentexplorer.evaluation.MigEvaluation;
import org.latentexplorer.evaluation.ReconstructionError;
import org.latentexplorer.model.VaeModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eval}: the Table 2 reconstruction error of a model on a data set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates a model with the Table 2 metric (eval mode z = mu, batches of 128 in order, mean of batch means) on the test split (MNIST/Fashion) or the whole set (dSprites, folders).",
                "Prints the components, then the reconstruction error alone on the last line."})
final class EvalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "model file")
    Path model;

    @Option(names = "--dataset", description = "data set spec (default: the one the model was trained on)")
    String dataset;

    @Option(names = "--limit", defaultValue = "0", description = "use only N examples (0 = all): the first N, or see --subset")
    int limit;

    @Option(names = "--subset", description = "which N examples --limit keeps: first or spread (default: the model's own when "
            + "evaluating on its training data set, else first)")
    String subset;

    @Option(names = "--split", defaultValue = "test", description = "test or train (default ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--seed", defaultValue = "1234", description = "seed of MMD's prior samples and of the examples --mig draws "
            + "(default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--mig", description = "print the mutual information gap (disentanglement_lib's MIG: posterior means in 20 "
            + "equal-width bins, MI with each factor over its entropy, mean gap) instead of the reconstruction error, after each "
            + "factor's best latent and a table of every factor's normalised MI with every latent; needs a data set with "
            + "ground-truth factors (dSprites)")
    boolean mig;

    @Option(names = "--mig-examples", defaultValue = "10000", paramLabel = "N",
            description = "with --mig: N examples drawn at random (seeded by --seed; all when the set has fewer; "
                    + "default ${DEFAULT-VALUE})")
    int migExamples;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VaeModel m = VaeModel.load(model);
        DatasetSpec ds = DatasetSpec.parse(dataset != null ? dataset : m.manifest().provenance().dataset());
        Split s = switch (split.toLowerCase(Locale.ROOT)) {
            case "test" -> Split.TEST;
            case "train" -> Split.TRAIN;
            default -> throw new org.latentexplorer.common.UserInputException("--split must be test or train, got '" + split + "'");
        };
        org.latentexplorer.data.Subset which = org.latentexplorer.data.Subset.fromCliName(subset != null ? subset
                : dataset == null ? m.manifest().provenance().subset() : "first");
        Dataset data = dataset != null ? CliData.open(ds, s, limit, which)
                : CliData.recorded(model, m.manifest().provenance().dataset(), () -> CliData.open(ds, s, limit, which));
        CompatibilityCheck.requireImageSize(model, m, data);
        if (mig) {
            return printMig(out, m, data);
        }
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr());
        ReconstructionError.Result r = ReconstructionError.evaluate(m, data, Batches.EVAL_BATCH_SIZE, seed,
                f -> bar.update(f, "evaluating"), () -> false);
        bar.clear();
        if (!Double.isFinite(r.recLoss()) || !Double.isFinite(r.loss())) {
            throw org.latentexplorer.common.UserInputException.forFile(model, "the model gives a non-finite loss (reconstruction "
                    + r.recLoss() + ", loss " + r.loss() + ") on " + data.description()
                    + ": its weights are unusable (trained with too high a learning rate?)");
        }
        out.printf(Locale.ROOT, "model %s (%s)%n", model, m.manifest().describe());
        out.printf(Locale.ROOT, "data %s: %d examples in %d batches of %d%n", data.description(), r.examples(), r.batches(),
                Batches.EVAL_BATCH_SIZE);
        if (!m.manifest().trainable()) {
            out.println("(" + m.manifest().divergenceLabel() + ": loss and divergence below use KL(q||p) in its place)");
        }
        out.printf(Locale.ROOT, "loss %.6f  divergence %.6f%s%n", r.loss(), r.divergence(),
                Double.isNaN(r.kl1()) ? "" : String.format(Locale.ROOT, "  kl1 %.6f  kl2 %.6f", r.kl1(), r.kl2()));
        out.printf(Locale.ROOT, "reconstruction error (%s, Table 2 metric):%n", m.manifest().reconstruction().cliName());
        out.println(Values.format(r.recLoss()));
        return 0;
    }

    private int printMig(PrintWriter out, VaeModel m, Dataset data) {
        if (data.factors().isEmpty()) {
            throw new org.latentexplorer.common.UserInputException("--mig needs a data set with ground-truth factors (dsprites, "
                    + "dsprites-npz:FILE); " + data.description() + " has none");
        }
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr());
        Mig.Result r = MigEvaluation.evaluate(m, data, migExamples, seed, f -> bar.update(f, "encoding"), () -> false);
        bar.clear();
        out.printf(Locale.ROOT, "model %s (%s)%n", model, m.manifest().describe());
        out.printf(Locale.ROOT, "data %s: %d examples drawn (seed %d), %d bins per latent%n", data.description(), r.examples(),
                seed, r.bins());
        for (int f = 0; f < r.factors().size(); f++) {
            out.printf(Locale.ROOT, "%-12s H %.4f  best z%d  normalised MI %.4f  gap %.4f%n", r.factors().get(f),
                    r.factorEntropy()[f], r.bestLatent()[f], r.normalizedMi()[f][r.bestLatent()[f]], r.gaps()[f]);
        }
        printMiTable(out, r);
        out.println("mutual information gap (MIG, mean over " + r.factors().size() + " factors):");
        out.println(Values.format(r.mig()));
        return 0;
    }

    /**
     * The normalised MI of every factor with every latent, one row per factor, each row's largest marked with '*':
     * where a factor is split over several latents (a small gap), this shows which ones share it.
     */
    private static void printMiTable(PrintWriter out, Mig.Result r) {
        int d = r.normalizedMi()[0].length;
        StringBuilder head = new StringBuilder("normalised MI   ");
        for (int j = 0; j < d; j++) {
            head.append(String.format(Locale.ROOT, "%7s", "z" + j));
        }
        out.println(head);
        for (int f = 0; f < r.factors().size(); f++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-14s", r.factors().get(f)));
            for (int j = 0; j < d; j++) {
                row.append(String.format(Locale.ROOT, "%6.3f%s", r.normalizedMi()[f][j], j == r.bestLatent()[f] ? "*" : " "));
            }
            out.println(row.toString().stripTrailing());
        }
    }
}
