package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.interop.TorchExport;
import org.latentexplorer.model.VaeModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export}: a model as a PyTorch run folder (model.pt + specs.json) for geometric-js. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a model for PyTorch: DIR/model.pt (zip format, float32 state dict with geometric-js's names) and "
                + "DIR/specs.json in geometric-js's vocabulary, so that VAE(img_size, latent_dim).load_state_dict(torch.load(path)) loads it."},
        footer = {"", "Example: export --model m.zip --format pytorch --out run/"})
final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "model file")
    Path model;

    @Option(names = "--format", defaultValue = "pytorch", description = "output format: pytorch (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", required = true, description = "folder to write model.pt and specs.json into")
    Path out;

    @Override
    public Integer call() {
        if (!format.equals("pytorch")) {
            throw new UserInputException("--format: unknown format '" + format + "'; expected pytorch");
        }
        VaeModel m = VaeModel.load(model);
        TorchExport.Written w = TorchExport.export(m, out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + w.modelPt() + " and " + w.specsJson() + " (loss " + w.loss() + ", " + m.manifest().describe() + ")");
        return 0;
    }
}
