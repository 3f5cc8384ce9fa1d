package org.latentexplorer.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.Environment;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.render.export.PngExport;

/**
 * {@code sweep report} from hand-written {@code result.json} files (no model file, no training): the table's values,
 * the paper's column, a CSV that parses back to the same numbers, and the figures as PNG and SVG with provenance.
 */
class SweepReportTest {
    @TempDir
    Path dir;

    private static final Environment ENV = new Environment("test", "abc", "cpu", "generic", "17", "linux");

    /** A result file as a user would find it in a run folder; kl1/kl2 null outside the JS family. */
    static String result(String sweep, String run, String label, String divergence, String alpha, String beta, double lambda,
                         double rec, String kl1, String kl2, double weighted, char shaDigit) {
        char hex = Character.digit(shaDigit, 16) >= 0 ? shaDigit : Character.forDigit(shaDigit % 16, 16);
        String sha = String.valueOf(hex).repeat(64);
        return String.format(Locale.ROOT, """
                {
                  "format" : "latent-explorer-sweep-result",
                  "version" : 1,
                  "run" : "%s",
                  "label" : "%s",
                  "sweep" : "%s",
                  "divergence" : { "name" : "%s", "alpha" : %s, "beta" : %s, "lambda" : %s },
                  "seed" : 1234,
                  "training" : { "dataset" : "dsprites", "datasetIdentity" : "procedural", "limit" : 4096, "subset" : "spread",
                                 "examples" : 4096, "epochs" : 1, "imagesSeen" : 4096, "batch" : 256, "lr" : 1.0E-4,
                                 "latents" : 10, "recon" : "mse", "seconds" : 12.5 },
                  "budget" : "4096 images",
                  "evaluation" : { "data" : "dSprites, 4096 spread evenly", "split" : "train", "examples" : 4096, "batches" : 32,
                                   "reconstruction" : %s, "loss" : %s, "divergence" : %s, "weightedDivergence" : %s,
                                   "klLoss1" : %s, "klLoss2" : %s, "seconds" : 2.0 },
                  "model" : { "file" : "model.zip", "sha256" : "%s" },
                  "wallSeconds" : 14.5,
                  "finishedAt" : "2026-12-06T10:00:00Z",
                  "software" : "Latent Explorer test",
                  "environment" : "app=test",
                  "mig" : null
                }
                """, run, label, sweep, divergence, alpha, beta, lambda, rec, rec + weighted, weighted / lambda, weighted,
                kl1, kl2, sha);
    }

    private void put(String sweep, String run, String json) throws IOException {
        Path f = dir.resolve("runs").resolve(run).resolve("result.json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, json);
    }

    private void table2Fixtures() throws IOException {
        put("table2", "kl-qp-s1234", result("table2", "kl-qp-s1234", "KL(q‖p)", "kl-qp", "null", "null", 1, 30.5, "null", "null", 3.0, 'a'));
        put("table2", "kl-pq-s1234", result("table2", "kl-pq-s1234", "KL(p‖q)", "kl-pq", "null", "null", 1, 35.25, "null", "null", 9.0, 'b'));
        char sha = 'c';
        double[] alphas = {0.1, 0.5, 0.9};
        for (int i = 0; i < 3; i++) {
            String a = String.valueOf(alphas[i]);
            put("table2", "jsg-a" + a + "-s1234", result("table2", "jsg-a" + a + "-s1234", "JS^{Gα'} α=" + a, "jsg", a, "null", 1,
                    20 + 2 * i, String.valueOf(1.0 + i), String.valueOf(0.5 + i), 1.25 + i, sha++));
            put("table2", "jsg-dual-a" + a + "-s1234", result("table2", "jsg-dual-a" + a + "-s1234", "JS_*^{Gα'} α=" + a, "jsg-dual",
                    a, "null", 1, 18 - i, String.valueOf(2.0 + i), String.valueOf(1.5 + i), 2.25 + i, sha++));
        }
    }

    @Test
    void table2HasOurValuesBesideThePapersAndTheCsvParsesBack() throws IOException {
        table2Fixtures();
        Path out = dir.resolve("report");
        SweepReport.Written w = SweepReport.write(dir, out, ENV);
        String md = Files.readString(out.resolve("table2.md"));
        // rows in the paper's order, ours beside the paper's dSprites column
        assertTrue(md.contains("| divergence | run | reconstruction | paper (dSprites) |"), md);
        int qp = md.indexOf("| KL(q‖p) | kl-qp-s1234 | 30.50 | 13.55 |");
        int pq = md.indexOf("| KL(p‖q) | kl-pq-s1234 | 35.25 | 14.18 |");
        int js = md.indexOf("| JSᴳᵅ′ α=0.5 | jsg-a0.5-s1234 | 22.00 | 9.89 | 2.00 | 1.50 | 2.25 |");
        int dual = md.indexOf("| JS⁎ᴳᵅ′ α=0.9 | jsg-dual-a0.9-s1234 | 16.00 | 5.74 |");
        assertTrue(qp > 0 && pq > qp && js > pq && dual > js, md);
        assertTrue(md.contains("4096 images"), "the budget is recorded: " + md);
        assertTrue(md.contains("a".repeat(64)), "every model's full SHA-256 is in the provenance: " + md);

        List<String> lines = Files.readAllLines(out.resolve("table2.csv")).stream().filter(l -> !l.startsWith("#")).toList();
        String[] header = lines.get(0).split(",");
        assertEquals(9, lines.size(), "a header and 8 rows");
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            col.put(header[i], i);
        }
        String[] row = lines.stream().filter(l -> l.startsWith("jsg-dual-a0.1-s1234,")).findFirst().orElseThrow().split(",", -1);
        assertEquals(header.length, row.length);
        assertEquals(18.0, Double.parseDouble(row[col.get("reconstruction")]));
        assertEquals(5.54, Double.parseDouble(row[col.get("paper")]));
        assertEquals(2.0, Double.parseDouble(row[col.get("kl_loss1")]));
        assertEquals(0.1, Double.parseDouble(row[col.get("alpha")]));
        assertEquals("", row[col.get("beta")]);
        assertEquals("", row[col.get("mig")]);
        String[] klRow = lines.stream().filter(l -> l.startsWith("kl-qp-s1234,")).findFirst().orElseThrow().split(",", -1);
        assertEquals("", klRow[col.get("kl_loss1")], "no kl_loss1 outside the JS family");
        assertEquals("a".repeat(64), klRow[col.get("model_sha256")]);
        assertTrue(Files.readString(out.resolve("table2.csv")).startsWith("# Software: "));

        // figures: Fig 3 and Figs 6–9 for both JS variants, PNG and SVG, with the settings and the models' SHA-256
        for (String f : List.of("fig3-jsg", "fig3-jsg-dual", "fig6-9-breakdown-jsg", "fig6-9-breakdown-jsg-dual")) {
            Path png = out.resolve(f + ".png");
            assertTrue(w.files().contains(png), f);
            assertEquals(SweepReport.WIDTH, ImageIO.read(png.toFile()).getWidth());
            Map<String, String> text = PngExport.readText(png);
            assertTrue(text.get(PngExport.SETTINGS).contains("4096 images"), text.toString());
            assertTrue(text.get(PngExport.MODEL).contains("jsg"), text.toString());
            String svg = Files.readString(out.resolve(f + ".svg"), StandardCharsets.UTF_8);
            assertTrue(svg.contains("<svg") && svg.contains("sha256="), f);
        }
        assertTrue(PngExport.readText(out.resolve("fig3-jsg.png")).get(PngExport.MODEL).contains("kl-qp-s1234 sha256=" + "a".repeat(64)));
        // Fig 3 of jsg shows its reconstruction values and the two KL lines
        String fig3 = Files.readString(out.resolve("fig3-jsg.svg"));
        assertTrue(fig3.contains("KL(q‖p)") && fig3.contains("KL(p‖q)"), "the baselines are in the legend");
        assertTrue(fig3.contains("JSᴳᵅ′ train"), "the α curve is named after its divergence");
        assertTrue(Files.readString(out.resolve("fig3-jsg-dual.svg")).contains("JS⁎ᴳᵅ′ train"));
        // its y axis holds the curve (20 … 24) and both lines (30.5, 35.25), and not 0
        var range = SweepReportTest.fig3Range(List.of(20.0, 22.0, 24.0), 30.5, 35.25);
        assertTrue(range.getLowerBound() > 0 && range.getLowerBound() < 20 && range.getUpperBound() > 35.25, range.toString());
        // what the results cannot show is said, not drawn
        assertTrue(w.skipped().stream().anyMatch(s -> s.startsWith("Fig 13")), w.skipped().toString());
        assertTrue(w.skipped().stream().anyMatch(s -> s.startsWith("Figs 10–11")), w.skipped().toString());
        assertTrue(Files.readString(out.resolve("README.md")).contains("Not drawn"));
        // no MIG in these results: a blank MIG column, and no MIG figure
        assertTrue(md.contains("| weighted divergence | MIG | images seen |"), md);
        assertTrue(md.contains("| JSᴳᵅ′ α=0.5 | jsg-a0.5-s1234 | 22.00 | 9.89 | 2.00 | 1.50 | 2.25 |  | 4096 |"), md);
        assertFalse(Files.exists(out.resolve("mig-alpha.png")));
        assertTrue(w.skipped().stream().anyMatch(s -> s.startsWith("MIG vs α")), w.skipped().toString());
    }

    /** A fixture with a MIG object in place of {@code "mig" : null}. */
    static String withMig(String json, double mig) {
        return json.replace("\"mig\" : null", String.format(Locale.ROOT, "\"mig\" : { \"value\" : %s, \"examples\" : 1000, "
                + "\"bins\" : 20, \"factors\" : [ \"shape\", \"scale\" ], \"gaps\" : [ %s, %s ], \"bestLatent\" : [ 3, 1 ] }",
                mig, mig - 0.05, mig + 0.05));
    }

    @Test
    void migValuesGiveAColumnAndAFigureAgainstAlpha() throws IOException {
        char sha = 'a';
        put("t", "kl-qp-s1234", result("t", "kl-qp-s1234", "KL(q‖p)", "kl-qp", "null", "null", 1, 30.5, "null", "null", 3.0, sha++));
        double[] alphas = {0.1, 0.5, 0.9};
        for (int i = 0; i < 3; i++) {
            String a = String.valueOf(alphas[i]);
            put("t", "jsg-a" + a + "-s1234", withMig(result("t", "jsg-a" + a + "-s1234", "JS^{Gα'} α=" + a, "jsg", a, "null", 1,
                    20 + i, "1.0", "0.5", 1.25, sha++), 0.1 + 0.1 * i));
            put("t", "jsg-dual-a" + a + "-s1234", withMig(result("t", "jsg-dual-a" + a + "-s1234", "JS_*^{Gα'} α=" + a,
                    "jsg-dual", a, "null", 1, 18 - i, "2.0", "1.5", 2.25, sha++), 0.4 - 0.1 * i));
        }
        RunResult read = RunResultJson.read(dir.resolve("runs/jsg-a0.5-s1234/result.json"));
        assertEquals(0.2, read.migValue(), 1e-12);
        assertEquals(List.of("shape", "scale"), read.mig().factors());
        assertArrayEquals(new double[] {0.15, 0.25}, read.mig().gaps(), 1e-12);
        assertArrayEquals(new int[] {3, 1}, read.mig().bestLatent());
        Path copy = dir.resolve("copy.json");
        RunResultJson.write(copy, read);
        assertEquals(read, RunResultJson.read(copy), "the MIG object round-trips");

        Path out = dir.resolve("r");
        SweepReport.Written w = SweepReport.write(dir, out, ENV);
        String md = Files.readString(out.resolve("table2.md"));
        assertTrue(md.contains("| JSᴳᵅ′ α=0.9 | jsg-a0.9-s1234 | 22.00 | 1.00 | 0.50 | 1.25 | 0.300 | 4096 |"), md);
        assertTrue(md.contains("| KL(q‖p) | kl-qp-s1234 | 30.50 |  |  | 3.00 |  | 4096 |"), "blank where null: " + md);
        List<String> lines = Files.readAllLines(out.resolve("table2.csv")).stream().filter(l -> !l.startsWith("#")).toList();
        int col = List.of(lines.get(0).split(",")).indexOf("mig");
        String[] dual = lines.stream().filter(l -> l.startsWith("jsg-dual-a0.1-s1234,")).findFirst().orElseThrow().split(",", -1);
        assertEquals(0.4, Double.parseDouble(dual[col]), 1e-12);
        // MIG against α: both JS families, PNG and SVG with the provenance of the runs drawn
        assertTrue(w.files().contains(out.resolve("mig-alpha.png")) && w.files().contains(out.resolve("mig-alpha.svg")));
        Map<String, String> text = PngExport.readText(out.resolve("mig-alpha.png"));
        assertTrue(text.get(PngExport.MODEL).contains("jsg-dual-a0.9-s1234 sha256="), text.toString());
        assertFalse(text.get(PngExport.MODEL).contains("kl-qp-s1234"), "only the runs drawn: " + text);
        String svg = Files.readString(out.resolve("mig-alpha.svg"));
        assertTrue(svg.contains("<svg") && svg.contains("JSᴳᵅ′") && svg.contains("JS⁎ᴳᵅ′"), "one line per family");
        assertFalse(svg.replaceAll("<!--[\\s\\S]*?-->", "").contains("^{"), "the notation is typeset in what is drawn");
    }

    @Test
    void anOlderResultWithABareMigNumberIsRead() throws IOException {
        put("t", "kl-qp-s1234", result("t", "kl-qp-s1234", "KL(q‖p)", "kl-qp", "null", "null", 1, 30.5, "null", "null", 3.0, 'a')
                .replace("\"mig\" : null", "\"mig\" : 0.125"));
        RunResult r = RunResultJson.read(dir.resolve("runs/kl-qp-s1234/result.json"));
        assertEquals(0.125, r.migValue());
        put("t", "kl-pq-s1234", result("t", "kl-pq-s1234", "KL(p‖q)", "kl-pq", "null", "null", 1, 30.5, "null", "null", 3.0, 'b')
                .replace("\"mig\" : null", "\"mig\" : \"high\""));
        UserInputException bad = assertThrows(UserInputException.class,
                () -> RunResultJson.read(dir.resolve("runs/kl-pq-s1234/result.json")));
        assertTrue(bad.getMessage().contains("\"mig\""), bad.getMessage());
    }

    static org.jfree.data.Range fig3Range(List<Double> curve, double klQp, double klPq) {
        double[] alpha = {0.1, 0.5, 0.9};
        double[] y = curve.stream().mapToDouble(Double::doubleValue).toArray();
        var chart = org.latentexplorer.render.chart.AlphaCurves.reconstructionChart("t", "JS",
                new org.latentexplorer.render.chart.ReconstructionCurve("train", alpha, y, klQp, klPq), null);
        SweepReport.fitRange(chart, y, klQp, klPq);
        return chart.getXYPlot().getRangeAxis().getRange();
    }

    @Test
    void betaAndLambdaGridsDrawFigs12And13WithoutThePapersColumn() throws IOException {
        char sha = 'a';
        for (double b : new double[] {0.25, 1, 4}) {
            String n = "beta-b" + SweepRun.number(b) + "-s1234";
            put("beta-grid", n, result("beta-grid", n, "β-VAE β=" + SweepRun.number(b), "beta", "null", String.valueOf(b), 1,
                    10 + b, "null", "null", b, sha++));
        }
        for (double l : new double[] {1, 2}) {
            for (double a : new double[] {0.1, 0.5}) {
                String n = SweepRun.nameOf(org.latentexplorer.divergence.DivergenceSpec.of(
                        org.latentexplorer.divergence.DivergenceKind.JSG, a), l, 1234);
                put("lambda-grid", n, result("lambda-grid", n, "JS^{Gα'} α=" + a, "jsg", String.valueOf(a), "null", l,
                        5 + l + a, "1.0", "1.0", 1.0 * l, sha++));
            }
        }
        Path out = dir.resolve("r");
        SweepReport.Written w = SweepReport.write(dir, out, ENV);
        assertTrue(w.files().contains(out.resolve("fig13-beta.png")) && w.files().contains(out.resolve("fig13-beta.svg")));
        assertTrue(w.files().contains(out.resolve("fig12-jsg.png")) && w.files().contains(out.resolve("fig12-jsg.svg")));
        String fig12 = Files.readString(out.resolve("fig12-jsg.svg"));
        assertTrue(fig12.contains("λ = 1") && fig12.contains("λ = 2"), "one line per λ");
        String md = Files.readString(out.resolve("table2.md"));
        assertFalse(md.contains("paper ("), "no paper column outside the table2 sweep");
        assertTrue(md.contains("| β-VAE β=0.25 | beta-b0.25-s1234 | 10.25 |"), md);
    }

    @Test
    void noResultsOrABrokenResultIsRefusedNamingTheFile() throws IOException {
        UserInputException none = assertThrows(UserInputException.class, () -> SweepReport.write(dir, dir.resolve("r"), ENV));
        assertTrue(none.getMessage().contains("holds no result.json"), none.getMessage());
        put("x", "kl-qp-s1234", "{\"format\": \"latent-explorer-sweep-result\", \"version\": 1}");
        UserInputException bad = assertThrows(UserInputException.class, () -> SweepReport.write(dir, dir.resolve("r"), ENV));
        assertTrue(bad.getMessage().contains("result.json: is not a valid sweep result"), bad.getMessage());
        assertFalse(Files.exists(dir.resolve("r").resolve("table2.md")), "nothing half-written");
    }

    @Test
    void aResultRoundTripsThroughItsJson() throws IOException {
        put("table2", "jsg-a0.5-s1234", result("table2", "jsg-a0.5-s1234", "JS^{Gα'} α=0.5", "jsg", "0.5", "null", 1, 22, "1.0",
                "0.5", 1.25, 'e'));
        Path f = dir.resolve("runs/jsg-a0.5-s1234/result.json");
        RunResult r = RunResultJson.read(f);
        assertEquals("jsg-a0.5-s1234", r.configuration().name());
        assertEquals(1.0, r.evaluation().klLoss1());
        assertNull(r.mig());
        Path copy = dir.resolve("copy.json");
        RunResultJson.write(copy, r);
        assertEquals(r, RunResultJson.read(copy));
    }
}
