package org.latentexplorer.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;

/**
 * The paper's claims about its Table 2, checked on a sweep's results (docs/method.md §9.4), each with the count the
 * paper's own column gives for comparison:
 * <ol>
 * <li>JS_*^{Gα'} reconstructs better than KL(q‖p) at every α;</li>
 * <li>JS^{Gα'} reconstructs worse as α grows (consecutive increases and Spearman's ρ between α and the error);</li>
 * <li>for a {@code table2} sweep, how far the rows rank as in the paper: the order of the rows agrees with the paper's (Spearman's ρ over the rows
 * both have).</li>
 * </ol>
 * Runs that differ only in their seed are averaged first; a claim whose runs are missing says which.
 */
final class PaperClaims {
    /** One claim: what it says, the verdict on these results in words, and the numbers behind it. */
    record Check(String claim, String verdict, String detail) {
    }

    private PaperClaims() {
    }

    static List<Check> check(List<RunResult> results) {
        List<Check> checks = new ArrayList<>();
        PaperTable2.Column column = results.isEmpty() ? null : PaperTable2.columnFor(results.get(0).training().dataset());
        checks.add(dualBeatsKl(results, column));
        checks.add(jsgWorsensWithAlpha(results, column));
        if (!results.isEmpty() && results.stream().allMatch(r -> r.sweep().equals("table2"))) {
            checks.add(rankAgreement(results, column));
        }
        return checks;
    }

    /** Mean reconstruction error per α of one divergence at its default λ, over seeds. */
    static TreeMap<Double, Double> byAlpha(List<RunResult> results, DivergenceKind kind) {
        Map<Double, List<Double>> values = new TreeMap<>();
        for (RunResult r : results) {
            if (DivergenceKind.fromCliName(r.divergence()) == kind && r.lambda() == kind.defaultLambda() && r.alpha() != null) {
                values.computeIfAbsent(r.alpha(), a -> new ArrayList<>()).add(r.evaluation().reconstruction());
            }
        }
        TreeMap<Double, Double> means = new TreeMap<>();
        values.forEach((a, v) -> means.put(a, v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        return means;
    }

    private static OptionalDouble mean(List<RunResult> results, DivergenceKind kind) {
        return results.stream().filter(r -> DivergenceKind.fromCliName(r.divergence()) == kind && r.lambda() == kind.defaultLambda())
                .mapToDouble(r -> r.evaluation().reconstruction()).average();
    }

    private static Check dualBeatsKl(List<RunResult> results, PaperTable2.Column column) {
        String claim = "JS_*^{Gα'} reconstructs better than KL(q‖p) at every α";
        TreeMap<Double, Double> dual = byAlpha(results, DivergenceKind.JSG_DUAL);
        OptionalDouble kl = mean(results, DivergenceKind.KL_QP);
        if (dual.isEmpty() || kl.isEmpty()) {
            return new Check(claim, "not checked", "needs kl-qp and jsg-dual results");
        }
        List<String> not = new ArrayList<>();
        dual.forEach((a, v) -> {
            if (!(v < kl.getAsDouble())) {
                not.add(alpha(a) + " (" + SweepReport.fmt(v) + ")");
            }
        });
        int better = dual.size() - not.size();
        String verdict = not.isEmpty() ? "holds at all " + dual.size() + " α" : "holds at " + better + " of " + dual.size() + " α";
        StringBuilder detail = new StringBuilder("KL(q‖p) " + SweepReport.fmt(kl.getAsDouble()) + "; JS_*^{Gα'} "
                + values(dual));
        if (!not.isEmpty()) {
            detail.append("; not below it at α = ").append(String.join(", ", not));
        }
        if (column != null) {
            double paperKl = PaperTable2.value(SweepRun.of(new DivergenceSpec(DivergenceKind.KL_QP,
                    DivergenceSpec.DEFAULT_ALPHA, DivergenceSpec.DEFAULT_BETA), 1, 0), column).orElse(Double.NaN);
            long paperBetter = dual.keySet().stream().map(a -> paper(DivergenceKind.JSG_DUAL, a, column))
                    .filter(p -> p.isPresent() && p.getAsDouble() < paperKl).count();
            detail.append("; the paper (").append(column.title()).append("): at ").append(paperBetter).append(" of ")
                    .append(dual.size()).append(" of these α");
        }
        return new Check(claim, verdict, detail.toString());
    }

    private static Check jsgWorsensWithAlpha(List<RunResult> results, PaperTable2.Column column) {
        String claim = "JS^{Gα'} reconstructs worse as α grows";
        TreeMap<Double, Double> jsg = byAlpha(results, DivergenceKind.JSG);
        if (jsg.size() < 3) {
            return new Check(claim, "not checked", "needs jsg results at three or more α");
        }
        double[] a = jsg.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] v = jsg.values().stream().mapToDouble(Double::doubleValue).toArray();
        int rises = rises(v);
        double rho = spearman(a, v);
        String verdict = rises == v.length - 1 ? "holds: the error rises at every step of α"
                : rho > 0 ? "holds in trend only: the error rises at " + rises + " of " + (v.length - 1) + " steps"
                : "does not hold: the error rises at " + rises + " of " + (v.length - 1) + " steps";
        String detail = "JS^{Gα'} " + values(jsg) + String.format(Locale.ROOT, "; Spearman ρ(α, error) = %.2f", rho);
        if (column != null) {
            double[] p = Arrays.stream(a).map(x -> paper(DivergenceKind.JSG, x, column).orElse(Double.NaN)).toArray();
            if (Arrays.stream(p).allMatch(Double::isFinite)) {
                detail += String.format(Locale.ROOT, "; the paper (%s): rises at %d of %d steps, ρ = %.2f", column.title(),
                        rises(p), p.length - 1, spearman(a, p));
            }
        }
        return new Check(claim, verdict, detail);
    }

    private static Check rankAgreement(List<RunResult> results, PaperTable2.Column column) {
        String claim = "the rows rank as in the paper";
        Map<String, double[]> rows = new TreeMap<>();
        Map<String, List<RunResult>> byConfig = results.stream()
                .collect(Collectors.groupingBy(r -> r.configuration().name().replaceAll("-s\\d+$", "")));
        byConfig.forEach((name, rs) -> {
            OptionalDouble p = PaperTable2.value(rs.get(0).configuration(), column);
            if (p.isPresent()) {
                rows.put(name, new double[] {rs.stream().mapToDouble(r -> r.evaluation().reconstruction()).average().orElse(Double.NaN),
                        p.getAsDouble()});
            }
        });
        if (rows.size() < 3) {
            return new Check(claim, "not checked", "needs three or more of Table 2's rows");
        }
        double[] ours = rows.values().stream().mapToDouble(x -> x[0]).toArray();
        double[] paper = rows.values().stream().mapToDouble(x -> x[1]).toArray();
        double rho = spearman(ours, paper);
        String verdict = String.format(Locale.ROOT, "Spearman ρ = %.2f over %d rows", rho, rows.size());
        return new Check(claim, verdict, "1 would be the paper's order exactly, 0 no relation; the budgets differ (see above)");
    }

    private static OptionalDouble paper(DivergenceKind kind, double alpha, PaperTable2.Column column) {
        return PaperTable2.value(SweepRun.of(new DivergenceSpec(kind, alpha, DivergenceSpec.DEFAULT_BETA), 1, 0), column);
    }

    private static int rises(double[] v) {
        int n = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[i - 1]) {
                n++;
            }
        }
        return n;
    }

    private static String values(TreeMap<Double, Double> byAlpha) {
        return byAlpha.entrySet().stream().map(e -> alpha(e.getKey()) + ": " + SweepReport.fmt(e.getValue()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String alpha(double a) {
        return String.format(Locale.ROOT, "%.2f", a).replaceAll("0$", "");
    }

    /** Spearman's rank correlation, ties given their mean rank. */
    static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElse(0);
        double my = Arrays.stream(ry).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < rx.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }
}
