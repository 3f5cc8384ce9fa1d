package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentexplorer.interop.TorchImport;
import org.latentexplorer.model.ImportedFrom;
import org.latentexplorer.model.ModelManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code import}: a PyTorch run of geometric-js or disentangling-vae as one of our model files. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a PyTorch Burgess VAE of geometric-js or disentangling-vae: a run folder (model.pt + specs.json) or a model.pt "
                + "in the zip (torch >= 1.6) or legacy format. The pickle is read by a restricted reader that runs nothing.",
                "Losses we implement (VAE, KL, fwdKL, betaH, GJS, dGJS, MMD) map to ours; others are kept as 'imported: NAME' "
                        + "(explorable, not trainable here). Without specs.json the sizes are inferred from the shapes."},
        footer = {"", "Example: import --from results/VAE_dsprites --out vae_dsprites.zip"})
final class ImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, description = "a run folder holding model.pt (and specs.json), or a model.pt")
    Path from;

    @Option(names = "--specs", description = "the run's specs.json (default: the one beside model.pt, if any)")
    Path specs;

    @Option(names = "--out", required = true, description = "model file to write (.zip)")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        TorchImport.Result r = TorchImport.importTo(from, specs, out);
        ModelManifest m = r.manifest();
        ImportedFrom i = m.imported();
        stdout.println("imported " + i.source() + " (" + i.format() + " format, sha256 " + i.sha256() + ")");
        stdout.println("  model: " + m.describe());
        stdout.println("  loss: " + i.lossLabel() + (m.trainable() ? " -> " + m.divergence().describe() + ", lambda=" + m.lambda()
                + ", " + m.reconstruction().cliName() : " (explorable; training cannot be continued here)"));
        for (String note : i.notes()) {
            stdout.println("  note: " + note);
        }
        stdout.println("wrote " + out);
        return 0;
    }
}
