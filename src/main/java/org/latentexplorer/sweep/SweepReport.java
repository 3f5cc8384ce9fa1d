package org.latentexplorer.sweep;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jfree.chart.JFreeChart;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.Environment;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.Notation;
import org.latentexplorer.render.chart.AlphaCurves;
import org.latentexplorer.render.chart.LossBreakdown;
import org.latentexplorer.render.chart.ParameterCurves;
import org.latentexplorer.render.chart.ReconstructionCurve;
import org.latentexplorer.render.export.ChartExport;
import org.latentexplorer.render.export.ExportMetadata;

/**
 * A sweep's report from its {@code result.json} files alone (docs/method.md §9.4): Table 2 as Markdown and CSV (rows in
 * the paper's order, the paper's numbers beside ours for the {@code table2} sweep) and, as PNG and SVG, the figures of
 * §6.3 that the results allow: Fig 3, Figs 6–9, Figs 10–11, Fig 12 and Fig 13. Every file records the sweep's
 * settings, budget and each model's SHA-256 ({@link ExportMetadata}). Figures average runs that differ only in their
 * seed; the table lists every run.
 */
public final class SweepReport {
    /** Chart size in pixels. */
    static final int WIDTH = 900;
    static final int HEIGHT = 600;
    private static final List<DivergenceKind> ORDER = List.of(DivergenceKind.KL_QP, DivergenceKind.KL_PQ,
            DivergenceKind.BETA, DivergenceKind.MMD, DivergenceKind.JSG, DivergenceKind.JSG_DUAL, DivergenceKind.JSG_NIELSEN,
            DivergenceKind.JSG_NIELSEN_DUAL);

    /** What a report wrote, and the figures it could not draw with why. */
    public record Written(List<Path> files, List<String> skipped) {
    }

    private final List<RunResult> results;
    private final Environment environment;
    private final List<Path> files = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    private SweepReport(List<RunResult> results, Environment environment) {
        this.results = new ArrayList<>(results);
        this.results.sort(Comparator.comparingInt((RunResult r) -> ORDER.indexOf(kind(r)))
                .thenComparingDouble(RunResult::lambda)
                .thenComparingDouble(r -> r.alpha() == null ? 0 : r.alpha())
                .thenComparing(r -> -(r.beta() == null ? 0 : r.beta()))
                .thenComparingLong(RunResult::seed));
        this.environment = environment;
    }

    /**
     * Reads every {@code result.json} under {@code sweepDir} and writes the report into {@code out}.
     *
     * @throws UserInputException if there is no result, or a result file is invalid (naming it)
     */
    public static Written write(Path sweepDir, Path out, Environment environment) {
        List<Path> found = SweepFolder.existing(sweepDir).resultFiles();
        if (found.isEmpty()) {
            throw UserInputException.forFile(sweepDir, "holds no result.json (no finished run); run 'sweep run … --dir "
                    + sweepDir + "' first");
        }
        List<RunResult> results = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Path f : found) {
            RunResult r = RunResultJson.read(f);
            if (!names.add(r.sweep() + "/" + r.run())) {
                throw UserInputException.forFile(f, "is a second result of the run " + r.run() + "; keep one");
            }
            results.add(r);
        }
        return of(results, out, environment);
    }

    /** Writes the report of {@code results} into {@code out}. */
    public static Written of(List<RunResult> results, Path out, Environment environment) {
        SweepReport report = new SweepReport(results, environment);
        report.table();
        report.figures();
        report.index();
        List<Path> written = new ArrayList<>();
        for (Path p : report.files) {
            written.add(out.resolve(p));
        }
        report.writeAll(out);
        return new Written(written, List.copyOf(report.skipped));
    }

    // the files are collected as (name, content) and written at the end, so a failure leaves no half report
    private final Map<Path, byte[]> texts = new LinkedHashMap<>();
    private final Map<Path, Chart> charts = new LinkedHashMap<>();

    private record Chart(JFreeChart chart, Map<String, String> metadata) {
    }

    private void writeAll(Path out) {
        for (Map.Entry<Path, byte[]> t : texts.entrySet()) {
            AtomicFiles.write(out.resolve(t.getKey()), t.getValue());
        }
        for (Map.Entry<Path, Chart> c : charts.entrySet()) {
            ChartExport.write(c.getValue().chart(), out.resolve(c.getKey()), WIDTH, HEIGHT, c.getValue().metadata());
        }
    }

    private static DivergenceKind kind(RunResult r) {
        return DivergenceKind.fromCliName(r.divergence());
    }

    // ---- settings and provenance -----------------------------------------------------------------------------------

    /** The sweep's settings in one line, from the results (several values are listed when the results differ). */
    String settings(List<RunResult> rs) {
        return "sweep " + distinct(rs, RunResult::sweep) + "; dataset " + distinct(rs, r -> r.training().dataset())
                + "; budget " + distinct(rs, RunResult::budget) + "; images seen per run "
                + distinct(rs, r -> String.valueOf(r.training().imagesSeen())) + " (" + distinct(rs, r -> r.training().epochs()
                + (r.training().epochs() == 1 ? " epoch of " : " epochs of ") + r.training().examples()) + " examples, " + distinct(rs, r -> r.training().subset()) + ")"
                + "; batch " + distinct(rs, r -> String.valueOf(r.training().batch())) + "; lr "
                + distinct(rs, r -> String.valueOf(r.training().lr())) + "; D " + distinct(rs, r -> String.valueOf(r.training().latents()))
                + "; recon " + distinct(rs, r -> r.training().recon()) + "; evaluated on "
                + distinct(rs, r -> r.evaluation().split() + " (" + r.evaluation().examples() + " examples)");
    }

    private static String distinct(List<RunResult> rs, Function<RunResult, String> f) {
        Set<String> values = new LinkedHashSet<>();
        rs.forEach(r -> values.add(f.apply(r)));
        return String.join(" | ", values);
    }

    /** Each model's name and SHA-256. */
    static String models(List<RunResult> rs) {
        StringBuilder sb = new StringBuilder();
        for (RunResult r : rs) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(r.run()).append(" sha256=").append(r.modelSha256());
        }
        return sb.toString();
    }

    private Map<String, String> metadata(String what, List<RunResult> rs) {
        return ExportMetadata.of("sweep report: " + what + "; " + settings(rs), models(rs), environment);
    }

    // ---- Table 2 ---------------------------------------------------------------------------------------------------

    private boolean withPaper() {
        return results.stream().allMatch(r -> r.sweep().equals("table2"));
    }

    private void table() {
        boolean paper = withPaper();
        Map<String, String> meta = metadata("Table 2 (reconstruction error, Table 2 metric)", results);
        StringBuilder md = new StringBuilder("# Table 2: reconstruction error\n\n");
        md.append(settings(results)).append(".\n\n");
        String paperTitle = "";
        if (paper) {
            paperTitle = "paper (" + PaperTable2.columnFor(results.get(0).training().dataset()).title() + ")";
        }
        md.append("| divergence | run | reconstruction |").append(paper ? " " + paperTitle + " |" : "")
                .append(" kl_loss1 | kl_loss2 | weighted divergence | MIG | images seen | model SHA-256 |\n");
        md.append("|---|---|---|").append(paper ? "---|" : "").append("---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder(ExportMetadata.lines(meta, "# "));
        csv.append("run,label,divergence,alpha,beta,lambda,seed,reconstruction,paper,kl_loss1,kl_loss2,divergence_value,"
                + "weighted_divergence,loss,eval_split,eval_examples,images_seen,epochs,train_seconds,model_sha256,mig\n");
        for (RunResult r : results) {
            OptionalDouble p = paper ? PaperTable2.value(r.configuration(), PaperTable2.columnFor(r.training().dataset())) : OptionalDouble.empty();
            RunResult.Evaluation e = r.evaluation();
            md.append("| ").append(Notation.typeset(r.label())).append(" | ").append(r.run()).append(" | ").append(fmt(e.reconstruction()))
                    .append(" |");
            if (paper) {
                md.append(' ').append(p.isPresent() ? fmt(p.getAsDouble()) : "").append(" |");
            }
            md.append(' ').append(fmt(e.klLoss1())).append(" | ").append(fmt(e.klLoss2())).append(" | ")
                    .append(fmt(e.weightedDivergence())).append(" | ").append(migFmt(r.migValue())).append(" | ")
                    .append(r.training().imagesSeen()).append(" | `")
                    .append(r.modelSha256(), 0, 12).append("…` |\n");
            csv.append(String.join(",", List.of(r.run(), quote(r.label()), r.divergence(), num(r.alpha()), num(r.beta()),
                    num(r.lambda()), String.valueOf(r.seed()), num(e.reconstruction()),
                    p.isPresent() ? num(p.getAsDouble()) : "", num(e.klLoss1()), num(e.klLoss2()), num(e.divergence()),
                    num(e.weightedDivergence()), num(e.loss()), e.split(), String.valueOf(e.examples()),
                    String.valueOf(r.training().imagesSeen()), String.valueOf(r.training().epochs()),
                    num(r.training().seconds()), r.modelSha256(), num(r.migValue())))).append('\n');
        }
        md.append("\nThe reconstruction error is the Table 2 metric (docs/method.md §5): the model in evaluation mode "
                + "(z = μ), batches of 128 in order, the mean of batch means; kl_loss1, kl_loss2 and the weighted "
                + "divergence (loss − reconstruction) are the Figs 6–9 components on the same data; MIG is the mutual "
                + "information gap (docs/method.md §5.1), blank where the data has no factors or the run skipped it.");
        if (paper) {
            md.append(" The paper's column is its Table 2 (docs/method.md §5), trained with the paper's full budget.");
        }
        md.append("\n\n## The paper's claims on these results\n\n");
        for (PaperClaims.Check c : PaperClaims.check(results)) {
            md.append("- **").append(Notation.typeset(c.claim())).append("**: ").append(c.verdict()).append(". ")
                    .append(Notation.typeset(c.detail())).append(".\n");
        }
        md.append("\n## Provenance\n\n");
        for (Map.Entry<String, String> m : meta.entrySet()) {
            md.append("- ").append(m.getKey()).append(": ").append(m.getValue()).append('\n');
        }
        texts.put(Path.of("table2.md"), md.toString().getBytes(StandardCharsets.UTF_8));
        texts.put(Path.of("table2.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        files.add(Path.of("table2.md"));
        files.add(Path.of("table2.csv"));
    }

    static String fmt(Double v) {
        return v == null || !Double.isFinite(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String migFmt(Double v) {
        return v == null || !Double.isFinite(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String num(Double v) {
        return v == null || !Double.isFinite(v) ? "" : String.valueOf(v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    // ---- figures ---------------------------------------------------------------------------------------------------

    /** Runs of one kind at its default λ, their values averaged over seeds per α (sorted). */
    private record Curve(double[] x, double[] y, List<RunResult> runs) {
    }

    private Curve curve(Predicate<RunResult> which, Function<RunResult, Double> x, Function<RunResult, Double> y) {
        TreeMap<Double, List<RunResult>> byX = new TreeMap<>();
        for (RunResult r : results) {
            if (which.test(r) && x.apply(r) != null && y.apply(r) != null && Double.isFinite(y.apply(r))) {
                byX.computeIfAbsent(x.apply(r), k -> new ArrayList<>()).add(r);
            }
        }
        double[] xs = new double[byX.size()];
        double[] ys = new double[byX.size()];
        List<RunResult> runs = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Double, List<RunResult>> e : byX.entrySet()) {
            xs[i] = e.getKey();
            ys[i] = e.getValue().stream().mapToDouble(y::apply).average().orElse(Double.NaN);
            runs.addAll(e.getValue());
            i++;
        }
        return new Curve(xs, ys, runs);
    }

    private static Predicate<RunResult> atDefaultLambda(DivergenceKind k) {
        return r -> kind(r) == k && r.lambda() == k.defaultLambda();
    }

    private static double rec(List<RunResult> rs) {
        return rs.stream().mapToDouble(r -> r.evaluation().reconstruction()).average().orElse(Double.NaN);
    }

    private void figures() {
        List<RunResult> qp = results.stream().filter(atDefaultLambda(DivergenceKind.KL_QP)).toList();
        List<RunResult> pq = results.stream().filter(atDefaultLambda(DivergenceKind.KL_PQ)).toList();
        String split = distinct(results, r -> r.evaluation().split());
        for (DivergenceKind k : List.of(DivergenceKind.JSG, DivergenceKind.JSG_DUAL)) {
            Curve c = curve(atDefaultLambda(k), RunResult::alpha, r -> r.evaluation().reconstruction());
            String slug = k.cliName();
            if (c.x().length == 0) {
                skipped.add("Fig 3 and Figs 6–9 for " + slug + ": no " + slug + " results");
                continue;
            }
            if (qp.isEmpty() || pq.isEmpty()) {
                skipped.add("Fig 3 for " + slug + ": needs kl-qp and kl-pq results for its baselines");
            } else {
                List<RunResult> used = new ArrayList<>(c.runs());
                used.addAll(qp);
                used.addAll(pq);
                ReconstructionCurve rc = new ReconstructionCurve(split, c.x(), c.y(), rec(qp), rec(pq));
                JFreeChart fig3 = AlphaCurves.reconstructionChart("Fig 3: reconstruction vs α, " + label(k) + " (" + split
                        + ")", label(k), rc, null);
                fitRange(fig3, c.y(), rec(qp), rec(pq));
                chart("fig3-" + slug, fig3, "Fig 3 (" + slug + ")", used);
            }
            Curve kl1 = curve(atDefaultLambda(k), RunResult::alpha, r -> r.evaluation().klLoss1());
            Curve kl2 = curve(atDefaultLambda(k), RunResult::alpha, r -> r.evaluation().klLoss2());
            Curve total = curve(atDefaultLambda(k), RunResult::alpha, r -> r.evaluation().weightedDivergence());
            if (kl1.x().length != total.x().length || kl2.x().length != total.x().length) {
                skipped.add("Figs 6–9 for " + slug + ": some results lack kl_loss1/kl_loss2");
            } else {
                LossBreakdown b = new LossBreakdown("Figs 6–9: loss breakdown, " + label(k) + " (" + split + ")",
                        k == DivergenceKind.JSG_DUAL, total.x(), kl1.y(), kl2.y(), total.y());
                chart("fig6-9-breakdown-" + slug, AlphaCurves.breakdownChart(b), "Figs 6–9 (" + slug + ")", total.runs());
            }
        }
        alphaVariants(DivergenceKind.JSG, DivergenceKind.JSG_NIELSEN);
        alphaVariants(DivergenceKind.JSG_DUAL, DivergenceKind.JSG_NIELSEN_DUAL);
        for (DivergenceKind k : List.of(DivergenceKind.JSG, DivergenceKind.JSG_DUAL)) {
            lambdaGrid(k);
        }
        betaGrid();
        migFigure();
    }

    /** MIG against α for the JS families at their default λ (docs/method.md §5.1), where results have a MIG. */
    private void migFigure() {
        if (results.stream().noneMatch(r -> r.migValue() != null)) {
            skipped.add("MIG vs α: no result has a MIG (it needs data with ground-truth factors, e.g. dsprites)");
            return;
        }
        List<ParameterCurves.Line> lines = new ArrayList<>();
        List<RunResult> used = new ArrayList<>();
        int i = 0;
        for (DivergenceKind k : ORDER) {
            if (!k.isSkewJs()) {
                continue;
            }
            Curve c = curve(atDefaultLambda(k), RunResult::alpha, RunResult::migValue);
            if (c.x().length > 0) {
                lines.add(new ParameterCurves.Line(label(k), c.x(), c.y(),
                        ParameterCurves.PALETTE.get(Math.min(i++, ParameterCurves.PALETTE.size() - 1))));
                used.addAll(c.runs());
            }
        }
        if (lines.isEmpty()) {
            skipped.add("MIG vs α: no JS-family result has a MIG");
            return;
        }
        chart("mig-alpha", ParameterCurves.chart("MIG vs α (mutual information gap, higher is more disentangled)", "α",
                "MIG", lines, List.of(), true), "MIG vs α", used);
    }

    /**
     * Fits the y axis to the curve and the two baseline lines (which an automatic range would leave out, and which
     * would otherwise sit beside a range forced down to 0, flattening differences of a few tenths at errors near 1000).
     */
    static void fitRange(JFreeChart chart, double[] values, double... lines) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (double v : lines) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double pad = Math.max((hi - lo) * 0.1, 1e-3 * Math.max(1, Math.abs(hi)));
        chart.getXYPlot().getRangeAxis().setRange(lo - pad, hi + pad);
    }

    private static String label(DivergenceKind k) {
        return Notation.symbol(k);
    }

    /** Figs 10–11: the paper's α' variant (blue) and Nielsen's (red), reconstruction against α. */
    private void alphaVariants(DivergenceKind prime, DivergenceKind nielsen) {
        Curve a = curve(atDefaultLambda(prime), RunResult::alpha, r -> r.evaluation().reconstruction());
        Curve b = curve(atDefaultLambda(nielsen), RunResult::alpha, r -> r.evaluation().reconstruction());
        if (b.x().length == 0) {
            skipped.add("Figs 10–11 for " + prime.cliName() + ": no " + nielsen.cliName() + " results (the alpha-grid preset has them)");
            return;
        }
        List<ParameterCurves.Line> lines = new ArrayList<>();
        List<RunResult> used = new ArrayList<>();
        if (a.x().length > 0) {
            lines.add(new ParameterCurves.Line(label(prime), a.x(), a.y(), Color.BLUE));
            used.addAll(a.runs());
        }
        lines.add(new ParameterCurves.Line(label(nielsen), b.x(), b.y(), Color.RED));
        used.addAll(b.runs());
        chart("fig10-11-" + prime.cliName(), ParameterCurves.chart("Figs 10–11: reconstruction vs α, " + label(prime)
                + " and Nielsen's", "α", "Reconstruction loss", lines, List.of(), true), "Figs 10–11 (" + prime.cliName() + ")", used);
    }

    /** Fig 12: reconstruction against α, one line per λ. */
    private void lambdaGrid(DivergenceKind k) {
        TreeMap<Double, Curve> byLambda = new TreeMap<>();
        for (RunResult r : results) {
            if (kind(r) == k) {
                byLambda.computeIfAbsent(r.lambda(), l -> curve(x -> kind(x) == k && x.lambda() == l, RunResult::alpha,
                        x -> x.evaluation().reconstruction()));
            }
        }
        if (byLambda.size() < 2) {
            skipped.add("Fig 12 for " + k.cliName() + ": needs results at two or more λ (the lambda-grid preset has them)");
            return;
        }
        List<ParameterCurves.Line> lines = new ArrayList<>();
        List<RunResult> used = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Double, Curve> e : byLambda.entrySet()) {
            lines.add(new ParameterCurves.Line("λ = " + SweepRun.number(e.getKey()), e.getValue().x(), e.getValue().y(),
                    ParameterCurves.PALETTE.get(Math.min(i++, ParameterCurves.PALETTE.size() - 1))));
            used.addAll(e.getValue().runs());
        }
        chart("fig12-" + k.cliName(), ParameterCurves.chart("Fig 12: reconstruction vs α for several λ, " + label(k), "α",
                "Reconstruction loss", lines, List.of(), true), "Fig 12 (" + k.cliName() + ")", used);
    }

    /** Fig 13: reconstruction against β, the VAE (β = 1) and the β-VAE (β = 4) highlighted. */
    private void betaGrid() {
        Curve c = curve(atDefaultLambda(DivergenceKind.BETA), RunResult::beta, r -> r.evaluation().reconstruction());
        if (c.x().length < 2) {
            skipped.add("Fig 13: needs beta results at two or more β (the beta-grid preset has them)");
            return;
        }
        List<ParameterCurves.Highlight> highlights = new ArrayList<>();
        for (int i = 0; i < c.x().length; i++) {
            if (c.x()[i] == 1.0) {
                highlights.add(new ParameterCurves.Highlight("VAE (β = 1)", 1.0, c.y()[i], Color.RED));
            } else if (c.x()[i] == 4.0) {
                highlights.add(new ParameterCurves.Highlight("β-VAE (β = 4)", 4.0, c.y()[i], new Color(0, 128, 0)));
            }
        }
        chart("fig13-beta", ParameterCurves.chart("Fig 13: reconstruction vs β", "β",
                "Reconstruction loss", List.of(new ParameterCurves.Line("β-VAE", c.x(), c.y(), Color.BLUE)), highlights, false),
                "Fig 13", c.runs());
    }

    private void chart(String base, JFreeChart chart, String what, List<RunResult> used) {
        org.latentexplorer.render.chart.ChartNotation.typeset(chart);
        Map<String, String> meta = metadata(what, used);
        for (String ext : List.of(".png", ".svg")) {
            charts.put(Path.of(base + ext), new Chart(chart, meta));
            files.add(Path.of(base + ext));
        }
    }

    /** {@code README.md} of the report: the settings, the files and the figures that could not be drawn. */
    private void index() {
        StringBuilder sb = new StringBuilder("# Sweep report\n\n").append(settings(results)).append(".\n\n")
                .append(results.size()).append(" results, read from their result.json files.\n\n");
        sb.append("- [Table 2](table2.md) ([CSV](table2.csv))\n");
        for (Path p : files) {
            String n = p.toString();
            if (n.endsWith(".png")) {
                sb.append("- ").append(n, 0, n.length() - 4).append(": [PNG](").append(n).append("), [SVG](")
                        .append(n, 0, n.length() - 4).append(".svg)\n");
            }
        }
        if (!skipped.isEmpty()) {
            sb.append("\nNot drawn:\n\n");
            skipped.forEach(s -> sb.append("- ").append(s).append('\n'));
        }
        sb.append("\nFigures average the runs that differ only in their seed. Every file records the settings and each "
                + "model's SHA-256 (PNG text chunks, an XML comment in SVGs, `#` lines in the CSV).\n");
        texts.put(Path.of("README.md"), sb.toString().getBytes(StandardCharsets.UTF_8));
        files.add(0, Path.of("README.md"));
    }
}
