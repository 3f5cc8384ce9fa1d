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
import org.latentexplorer.latent.PosteriorBatch;
import org.latentexplorer.model.ModelIdentity;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.render.export.ExportMetadata;
import org.latentexplorer.render.export.GifExport;
import org.latentexplorer.render.export.PngExport;
import org.latentexplorer.render.traversal.GridImage;
import org.latentexplorer.render.traversal.Interpolation;
import org.latentexplorer.render.traversal.InterpolationMethod;
import org.latentexplorer.render.traversal.InterpolationSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code interpolate}: a strip of decoded images between the posterior means of two data examples. */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = {"Encodes examples I and J (posterior means, eval mode) and decodes the latent path between them as one strip "
                + "(both ends included), in batches of " + org.latentexplorer.render.traversal.TraversalGrid.CHUNK + ".",
                "PNG: the strip with settings and model identity in text chunks. GIF: one frame per step."},
        footer = {"", "Example: interpolate --model m.zip --dataset dsprites --from 0 --to 700000 --steps 10 --method slerp --out path.png"})
final class InterpolateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "model file")
    Path model;

    @Option(names = "--dataset", description = "data set spec (default: the one the model was trained on): " + DatasetSpec.FORMS)
    String dataset;

    @Option(names = "--split", defaultValue = "test", description = "test or train (default ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--from", required = true, description = "index of the first example")
    int from;

    @Option(names = "--to", required = true, description = "index of the last example")
    int to;

    @Option(names = "--steps", defaultValue = "10", description = "images in the strip, ends included, 2..1000 (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--method", defaultValue = "linear", description = "linear or slerp (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--background", description = "data background: black, white or an intensity; padding is 1 - background (default: from the data set)")
    String background;

    @Option(names = "--delay", defaultValue = "250", description = "GIF frame delay in ms (default ${DEFAULT-VALUE})")
    int delay;

    @Option(names = "--out", required = true, description = "output image: .png or .gif")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        String format = Values.extension(out, List.of("png", "gif"));
        Values.gifDelay("--delay", delay);
        InterpolationMethod how = Values.choice("--method", method, List.of("linear", "slerp")).equals("slerp")
                ? InterpolationMethod.SPHERICAL : InterpolationMethod.LINEAR;
        InterpolationSpec checked = Values.checked("interpolation settings", () -> InterpolationSpec.of(how, steps));
        Double chosenBackground = background == null ? null : CliData.background(background, 0.0);
        VaeModel m = VaeModel.load(model);
        DatasetSpec ds = DatasetSpec.parse(dataset != null ? dataset : m.manifest().provenance().dataset());
        Dataset data = CliData.openFor(model, m, ds, CliData.split(split), 0);
        for (int index : new int[] {from, to}) {
            if (index < 0 || index >= data.size()) {
                throw new UserInputException("example " + index + " is outside " + data.description() + " (" + data.size()
                        + " examples, indices 0.." + (data.size() - 1) + ")");
            }
        }
        InterpolationSpec strip = new InterpolationSpec(how, checked.steps(), checked.padding(),
                chosenBackground != null ? chosenBackground : ds.backgroundValue());
        int pixels = data.height() * data.width();
        float[] images = new float[2 * pixels];
        data.read(from, images, 0);
        data.read(to, images, pixels);
        PosteriorBatch ends = PosteriorBatch.encode(m, images, 2);
        long start = System.nanoTime();
        GridImage grid = Interpolation.render(m, ends.get(0).mean(), ends.get(1).mean(), strip);
        double millis = (System.nanoTime() - start) / 1e6;
        String settings = String.format(Locale.ROOT, "interpolate; dataset=%s; split=%s; from=%d; to=%d; steps=%d; method=%s;"
                + " anchors=posterior means; padding=%d; background=%s", ds.canonical(), split, from, to, steps,
                how == InterpolationMethod.SPHERICAL ? "slerp" : "linear", strip.padding(), strip.background());
        Map<String, String> text = ExportMetadata.of(settings, ModelIdentity.of(model, m), Environments.current());
        if (format.equals("png")) {
            PngExport.write(grid.toBufferedImage(), out, text);
        } else {
            GifExport.writeTraversalColumns(out, grid, delay, text);
        }
        stdout.printf(Locale.ROOT, "model %s (%s)%n", model, m.manifest().describe());
        stdout.println("settings " + settings);
        stdout.printf(Locale.ROOT, "decoded %d latent vectors in %d batch%s in %.0f ms%n", steps,
                (steps + org.latentexplorer.render.traversal.TraversalGrid.CHUNK - 1) / org.latentexplorer.render.traversal.TraversalGrid.CHUNK,
                steps > org.latentexplorer.render.traversal.TraversalGrid.CHUNK ? "es" : "", millis);
        stdout.printf(Locale.ROOT, "wrote %s (%s, %dx%d)%n", out, format, grid.width(), grid.height());
        return 0;
    }
}
