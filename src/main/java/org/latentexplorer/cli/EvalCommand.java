package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentexplorer.data.Batches;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Split;
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

    @Option(names = "--seed", defaultValue = "1234", description = "seed of MMD's prior samples (default ${DEFAULT-VALUE})")
    long seed;

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
}
