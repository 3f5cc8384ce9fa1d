package org.latentexplorer.teaching;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.divergence.FitObjective;
import org.latentexplorer.render.export.ExportMetadata;

/** The Fig 2 teaching figure from settings to a finished frame, its footer line and its CSV table. */
public final class FitDemo {
    private FitDemo() {
    }

    /** Fits every objective in {@code which} to completion (or until {@code cancelled}). */
    public static GaussianFitter.Frame run(FitDemoData data, FitDemoSettings settings, List<FitObjective> which,
                                           BooleanSupplier cancelled) {
        return new GaussianFitter(data, settings, which).advance(settings.steps(), cancelled);
    }

    /** The line under the figure: data, form, α, progress. */
    public static String footer(FitDemoData data, FitDemoSettings settings, GaussianFitter.Frame frame) {
        return String.format(Locale.ROOT, "p (data): %s.  q (fit): isotropic Gaussian, contours at 0.5σ … 2.5σ.\n"
                + "%s form, α = %.2f, MMD kernel ℓ = %s.  Adam step %d/%d.", data.description(), settings.form().label(),
                settings.alpha(), settings.mmdBandwidth(), frame.step(), frame.steps());
    }

    /** One row per fit: objective, label, form, α, mean, σ, value, after the metadata as {@code #} lines. Atomic. */
    public static void writeCsv(Path file, FitDemoSettings settings, GaussianFitter.Frame frame, Map<String, String> metadata) {
        StringBuilder b = new StringBuilder(ExportMetadata.lines(metadata, "# "));
        b.append("objective,label,form,alpha,mean_x,mean_y,sigma,value,steps\n");
        for (GaussianFitter.Fit f : frame.fits()) {
            String form = f.objective().hasNotebookForm() ? settings.form().name().toLowerCase(Locale.ROOT) : "textbook";
            b.append(String.format(Locale.ROOT, "%s,\"%s\",%s,%s,%.9g,%.9g,%.9g,%.9g,%d%n", f.objective().cliName(),
                    f.objective().label(), form, f.objective().usesAlpha() ? Double.toString(settings.alpha()) : "",
                    f.gaussian().meanX(), f.gaussian().meanY(), f.gaussian().sigma(), f.value(), frame.step()));
        }
        AtomicFiles.write(file, b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
