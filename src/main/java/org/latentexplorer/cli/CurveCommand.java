package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import org.latentexplorer.backend.Environments;
import org.latentexplorer.common.Linspace;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.divergence.AlphaGrid;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.Gaussian1d;
import org.latentexplorer.divergence.TwoGaussians;
import org.latentexplorer.evaluation.DivergenceCurves;
import org.latentexplorer.evaluation.DivergenceProfile;
import org.latentexplorer.evaluation.Posteriors;
import org.latentexplorer.latent.PosteriorBatch;
import org.latentexplorer.model.ModelIdentity;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.render.chart.AlphaCurves;
import org.latentexplorer.render.chart.GaussianTeaching;
import org.latentexplorer.render.chart.TeachingChart;
import org.latentexplorer.render.export.ChartExport;
import org.latentexplorer.render.export.ChartSheet;
import org.latentexplorer.render.export.CurveTable;
import org.latentexplorer.render.export.ExportMetadata;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code curve}: divergence against α for a model, the Fig. 1 teaching case, or a sweep's loss breakdown. */
@Command(name = "curve", mixinStandardHelpOptions = true,
        description = {"Divergence against alpha for a model, the Fig. 1 teaching case, or a sweep's loss breakdown: charts (.png, .svg) or numbers (.csv). One of:",
                "  --model: for the model's posteriors on a data sample, the closed forms over 101 alpha in [0, 1] of JS^{Ga'} and JS_*^{Ga'} "
                        + "(the paper's) and Nielsen's JS^{Ga} and JS_*^{Ga}, with KL(q||p) and KL(p||q) as horizontal lines and a marker at "
                        + "the alpha the model was trained with; no retraining.",
                "  --gaussians MU1,SIGMA1,MU2,SIGMA2: Fig. 1 for p = N(MU1, SIGMA1^2), q = N(MU2, SIGMA2^2): densities, mixture vs "
                        + "geometric mean, geometric means G_a for a = 0, 0.1, ..., 1, and the point-wise JS and G-JS integrands.",
                "  --sweep M1,M2,...: from the models' loss histories (last epoch, training means), Figs 6-9 (kl_loss1, kl_loss2 and "
                        + "the weighted total against alpha) or, with --figure reconstruction, Fig. 3 (reconstruction against alpha "
                        + "with kl-qp and kl-pq models as baselines).",
                "  --fit-demo: Fig. 2, an isotropic 2-D Gaussian fitted to a 2-D Gaussian mixture (K = 10, Dirichlet(0.5) weights, "
                        + "seed 22, 100,000 points) by KL, reverse KL, JS, the skew G-JS at --fit-alpha and its dual, and MMD."},
        footer = {"", "Example: curve --model m.zip --dataset dsprites --limit 1000 --out curve.png",
                "Example: curve --gaussians -2,1,2,2 --out fig1.svg",
                "Example: curve --sweep a1.zip,a5.zip,a9.zip,kl-qp.zip,kl-pq.zip --figure reconstruction --out fig3.png",
                "Example: curve --fit-demo --fit-alpha 0.3 --out fig2.svg"})
final class CurveCommand implements Callable<Integer> {
    /** Points of the α grid for model curves: i/100. */
    static final int ALPHAS = 101;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", description = "model file: divergence against alpha on a data sample")
    Path model;

    @Option(names = "--dataset", description = "data set spec for --model (default: the one the model was trained on): " + DatasetSpec.FORMS)
    String dataset;

    @Option(names = "--split", defaultValue = "test", description = "test or train (default ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--limit", defaultValue = "1000", description = "examples in the sample for --model, spread evenly over the set (default ${DEFAULT-VALUE}; 0 = all)")
    int limit;

    @Option(names = "--gaussians", description = "MU1,SIGMA1,MU2,SIGMA2: Fig. 1 for p = N(MU1, SIGMA1^2) and q = N(MU2, SIGMA2^2) (the paper: -2,1,2,2)")
    String gaussians;

    @Option(names = "--x", defaultValue = "-5,5", description = "LO,HI: the x range of --gaussians, 500 points (default ${DEFAULT-VALUE})")
    String xRange;

    @Option(names = "--sweep", description = "model files, comma-separated: one skew-JS divergence at several alpha, plus optional kl-qp and kl-pq baselines")
    String sweep;

    @Option(names = "--figure", defaultValue = "breakdown", description = "for --sweep: breakdown (Figs 6-9) or reconstruction (Fig. 3) (default ${DEFAULT-VALUE})")
    String figure;

    @Option(names = "--width", defaultValue = "900", description = "chart width in pixels (per panel for --gaussians; default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "600", description = "chart height in pixels (per panel for --gaussians; default ${DEFAULT-VALUE})")
    int height;

    @CommandLine.Mixin
    FitDemoOptions fitDemo = new FitDemoOptions();

    @Option(names = "--out", required = true, description = "output: .png, .svg or .csv")
    Path out;

    @Override
    public Integer call() {
        String format = Values.extension(out, List.of("png", "svg", "csv"));
        int sources = (model != null ? 1 : 0) + (gaussians != null ? 1 : 0) + (sweep != null ? 1 : 0) + (fitDemo.enabled ? 1 : 0);
        if (sources != 1) {
            throw new UserInputException("curve needs exactly one of --model FILE, --gaussians MU1,SIGMA1,MU2,SIGMA2, --sweep FILES"
                    + " or --fit-demo");
        }
        if (fitDemo.enabled) {
            var parsed = spec.commandLine().getParseResult();
            return fitDemo.run(out, format, parsed.hasMatchedOption("--width") ? width : 1200,
                    parsed.hasMatchedOption("--height") ? height : 860, spec.commandLine().getOut());
        }
        if (model != null) {
            return modelCurve(format);
        }
        if (gaussians != null) {
            return teaching(format);
        }
        return sweepCurve(format);
    }

    private int modelCurve(String format) {
        PrintWriter stdout = spec.commandLine().getOut();
        if (limit < 0) {
            throw new UserInputException("--limit must be >= 0, got " + limit);
        }
        VaeModel m = VaeModel.load(model);
        DatasetSpec ds = DatasetSpec.parse(dataset != null ? dataset : m.manifest().provenance().dataset());
        Dataset data = CliData.openFor(model, m, ds, CliData.split(split), limit);
        long start = System.nanoTime();
        PosteriorBatch sample = Posteriors.encode(m, data);
        DivergenceSpec trained = m.manifest().divergence();
        OptionalDouble trainedAlpha = trained.kind().isSkewJs() ? OptionalDouble.of(trained.alpha()) : OptionalDouble.empty();
        DivergenceCurves curves;
        try {
            curves = DivergenceProfile.of(sample, AlphaGrid.uniform(ALPHAS), trainedAlpha);
        } catch (IllegalArgumentException e) {
            // non-finite closed forms: posteriors so extreme (|logvar| in the hundreds) that double precision overflows
            throw UserInputException.forFile(model, "its posteriors on " + data.description()
                    + " give divergences that are not finite numbers (" + e.getMessage() + ")");
        }
        double millis = (System.nanoTime() - start) / 1e6;
        String settings = String.format(Locale.ROOT, "curve; %d alpha in [0, 1]; dataset=%s; split=%s; sample=%s (%d examples); "
                + "values are sums over dimensions averaged over the sample", ALPHAS, ds.canonical(), split, data.description(),
                sample.size());
        Map<String, String> text = ExportMetadata.of(settings, ModelIdentity.of(model, m), Environments.current());
        if (format.equals("csv")) {
            AlphaCurves.table(curves).writeCsv(out, text);
        } else {
            JFreeChart chart = AlphaCurves.divergenceChart("Divergence vs α: " + model.getFileName() + " (" + m.manifest().divergenceLabel()
                    + "), " + sample.size() + " examples", curves);
            ChartExport.write(chart, out, width, height, text);
        }
        stdout.printf(Locale.ROOT, "model %s (%s)%n", model, m.manifest().describe());
        stdout.println("settings " + settings);
        stdout.printf(Locale.ROOT, "KL(q||p) %.6f  KL(p||q) %.6f  JS^{Ga'} at 0.5 %.6f  JS_*^{Ga'} at 0.5 %.6f%n", curves.klQp(),
                curves.klPq(), curves.jsPrime()[ALPHAS / 2], curves.dualPrime()[ALPHAS / 2]);
        stdout.println("trained alpha: " + (trainedAlpha.isPresent() ? trainedAlpha.getAsDouble() + " (marked)"
                : "none (" + trained.describe() + " has no skew)"));
        stdout.printf(Locale.ROOT, "encoded and computed in %.0f ms%n", millis);
        stdout.printf(Locale.ROOT, "wrote %s (%s)%n", out, format);
        return 0;
    }

    private int teaching(String format) {
        PrintWriter stdout = spec.commandLine().getOut();
        double[] v = Values.doubles("--gaussians", gaussians);
        if (v.length != 4) {
            throw new UserInputException("--gaussians needs four numbers MU1,SIGMA1,MU2,SIGMA2, got " + v.length + " in '" + gaussians + "'");
        }
        double[] x = Values.doubles("--x", xRange);
        if (x.length != 2 || !(x[0] < x[1])) {
            throw new UserInputException("--x needs LO,HI with LO < HI, got '" + xRange + "'");
        }
        Gaussian1d p = Values.checked("--gaussians (p)", () -> new Gaussian1d(v[0], sigmaSquared(v[1])));
        Gaussian1d q = Values.checked("--gaussians (q)", () -> new Gaussian1d(v[2], sigmaSquared(v[3])));
        double[] alphas = new double[11];
        for (int i = 0; i <= 10; i++) {
            alphas[i] = i / 10.0;
        }
        GaussianTeaching.Result r = GaussianTeaching.compute(p, q, Linspace.float64(x[0], x[1], 500), alphas, 0.5);
        String settings = String.format(Locale.ROOT, "curve --gaussians; p=N(%s, %s^2); q=N(%s, %s^2); x=linspace(%s, %s, 500); "
                + "geometric means normalised, computed with variances; G-JS integrand at alpha=0.5", v[0], v[1], v[2], v[3], x[0], x[1]);
        Map<String, String> text = ExportMetadata.of(settings, null, Environments.withoutNd4j());
        if (format.equals("csv")) {
            r.toTable().writeCsv(out, text);
        } else {
            List<JFreeChart> panels = new ArrayList<>();
            for (TeachingChart.Panel panel : TeachingChart.Panel.values()) {
                panels.add(TeachingChart.chart(r, panel));
            }
            ChartSheet.write(panels, 2, width, height, out, text);
        }
        stdout.println("settings " + settings);
        stdout.printf(Locale.ROOT, "skew geometric JS at alpha 0.5: %.6f%n", TwoGaussians.skewGeometricJs(p, q, 0.5));
        stdout.printf(Locale.ROOT, "wrote %s (%s)%n", out, format);
        return 0;
    }

    private static double sigmaSquared(double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("standard deviations must be > 0, got " + sigma);
        }
        return sigma * sigma;
    }

    private int sweepCurve(String format) {
        PrintWriter stdout = spec.commandLine().getOut();
        String which = Values.choice("--figure", figure, List.of("breakdown", "reconstruction"));
        List<Path> files = new ArrayList<>();
        for (String part : sweep.split(",")) {
            if (!part.isBlank()) {
                files.add(Path.of(part.trim()));
            }
        }
        SweepCurves curves = SweepCurves.read(files);
        CurveTable table;
        JFreeChart chart;
        if (which.equals("breakdown")) {
            var b = curves.breakdown();
            table = b.toTable();
            chart = AlphaCurves.breakdownChart(b);
        } else {
            var rc = curves.reconstruction();
            table = rc.toTable();
            chart = AlphaCurves.reconstructionChart("Reconstruction vs α (" + curves.kind().label() + ", " + SweepCurves.SPLIT + ")",
                    curves.kind().label(), rc, null);
        }
        String settings = "curve --sweep; figure=" + which + "; models=" + files + "; numbers from each model's last epoch record"
                + " (training means), not the Table 2 evaluation";
        StringBuilder models = new StringBuilder();
        for (Path f : files) {
            models.append(models.length() == 0 ? "" : " | ").append("file=").append(f.getFileName()).append("; sha256=")
                    .append(ModelIdentity.sha256(f));
        }
        Map<String, String> text = ExportMetadata.of(settings, models.toString(), Environments.withoutNd4j());
        if (format.equals("csv")) {
            table.writeCsv(out, text);
        } else {
            ChartExport.write(chart, out, width, height, text);
        }
        stdout.println("settings " + settings);
        stdout.printf(Locale.ROOT, "wrote %s (%s, %d alpha values)%n", out, format, table.rowCount());
        return 0;
    }
}
