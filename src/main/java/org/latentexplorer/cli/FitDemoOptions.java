package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.FitForm;
import org.latentexplorer.divergence.FitObjective;
import org.latentexplorer.teaching.FitDemo;
import org.latentexplorer.teaching.FitDemoData;
import org.latentexplorer.teaching.FitDemoFigure;
import org.latentexplorer.teaching.FitDemoSettings;
import org.latentexplorer.teaching.GaussianFitter;
import picocli.CommandLine.Option;

/** The {@code curve --fit-demo} options: the Fig 2 teaching figure, an isotropic Gaussian fitted to a 2-D mixture. */
final class FitDemoOptions {
    @Option(names = "--fit-demo", description = "Fig. 2: an isotropic 2-D Gaussian fitted to a 2-D Gaussian mixture by each objective (KL, reverse KL, JS, the skew G-JS and its dual, MMD)")
    boolean enabled;

    @Option(names = "--components", defaultValue = "10", description = "for --fit-demo: mixture components K (default ${DEFAULT-VALUE})")
    int components;

    @Option(names = "--seed", defaultValue = "22", description = "for --fit-demo: seed of the mixture and its points (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--points", defaultValue = "100000", description = "for --fit-demo: data points drawn (default ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--fit-alpha", defaultValue = "0.5", description = "for --fit-demo: the skew alpha of the G-JS fits (default ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--form", defaultValue = "textbook", description = "for --fit-demo: textbook (the divergences) or notebook (the paper's notebook: an extra density factor in KL, reverse KL and G-JS, no normaliser) (default ${DEFAULT-VALUE})")
    String form;

    @Option(names = "--steps", defaultValue = "400", description = "for --fit-demo: Adam steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--objectives", defaultValue = "kl,reverse-kl,js,gjs,gjs-dual,mmd", description = "for --fit-demo: which fits, comma-separated (default ${DEFAULT-VALUE})")
    String objectives;

    @Option(names = "--mmd-bandwidth", defaultValue = "1.0", description = "for --fit-demo: the MMD kernel's length scale (default ${DEFAULT-VALUE})")
    double bandwidth;

    FitDemoSettings settings() {
        FitForm f = Values.choice("--form", form, List.of("textbook", "notebook")).equals("notebook") ? FitForm.NOTEBOOK
                : FitForm.TEXTBOOK;
        FitDemoSettings p = FitDemoSettings.paper();
        return Values.checked("--fit-demo", () -> new FitDemoSettings(components, seed, p.concentration(), points, p.areaLo(),
                p.areaHi(), alpha, f, steps, p.learningRate(), bandwidth, p.start()));
    }

    List<FitObjective> objectives() {
        List<FitObjective> out = new ArrayList<>();
        for (String part : objectives.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String name = part.trim().toLowerCase(Locale.ROOT);
            FitObjective found = null;
            for (FitObjective o : FitObjective.values()) {
                if (o.cliName().equals(name)) {
                    found = o;
                }
            }
            if (found == null) {
                List<String> names = new ArrayList<>();
                for (FitObjective o : FitObjective.values()) {
                    names.add(o.cliName());
                }
                throw new UserInputException("--objectives: '" + part.trim() + "' is not one of " + String.join(", ", names));
            }
            if (!out.contains(found)) {
                out.add(found);
            }
        }
        if (out.isEmpty()) {
            throw new UserInputException("--objectives needs at least one objective, got '" + objectives + "'");
        }
        return out;
    }

    /** Fits, writes {@code out} (png, svg or csv) and prints the fits. */
    int run(Path out, String format, int width, int height, PrintWriter stdout) {
        FitDemoSettings s = settings();
        List<FitObjective> which = objectives();
        long start = System.nanoTime();
        FitDemoData data = FitDemoData.generate(s);
        GaussianFitter.Frame frame = FitDemo.run(data, s, which, () -> false);
        double millis = (System.nanoTime() - start) / 1e6;
        String settings = "curve --fit-demo; " + s.describe() + "; objectives=" + objectives;
        java.util.Map<String, String> metadata = org.latentexplorer.render.export.ExportMetadata.of(settings, null,
                org.latentexplorer.backend.Environments.withoutNd4j());
        if (format.equals("csv")) {
            FitDemo.writeCsv(out, s, frame, metadata);
        } else {
            FitDemoFigure.Layout l = FitDemoFigure.layout(width, height, which.size(), s.areaLo(), s.areaHi());
            FitDemoFigure.write(out, l, FitDemoFigure.scatter(data, l.plotSize(), s.areaLo(), s.areaHi()), frame,
                    FitDemo.footer(data, s, frame), metadata);
        }
        stdout.println("settings " + settings);
        double[] mean = data.mixture().mean();
        double[] var = data.mixture().axisVariance();
        stdout.printf(Locale.ROOT, "data: mean (%.4f, %.4f), per-axis variances (%.4f, %.4f)%n", mean[0], mean[1], var[0], var[1]);
        for (GaussianFitter.Fit f : frame.fits()) {
            stdout.printf(Locale.ROOT, "%-10s mean (%8.4f, %8.4f)  sigma %.4f  value %.6g%n", f.objective().cliName(),
                    f.gaussian().meanX(), f.gaussian().meanY(), f.gaussian().sigma(), f.value());
        }
        stdout.printf(Locale.ROOT, "fitted in %.0f ms%n", millis);
        stdout.printf(Locale.ROOT, "wrote %s (%s)%n", out, format);
        return 0;
    }
}
