package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Split;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.EpochRecord;
import org.latentexplorer.model.ModelIdentity;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.render.export.ExportMetadata;
import org.latentexplorer.render.export.PngExport;

/** {@code curve}: a model's divergence against α, the Fig. 1 teaching case and a sweep's loss breakdown. */
class CurveCommandTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int SAMPLE = 16;

    @TempDir
    static Path models;

    @TempDir
    Path dir;

    /** A 32×32 jsg-dual (α = 0.5) model trained, says its manifest, on a small MNIST directory made here. */
    private static Path model;
    private static Path mnist;

    @BeforeAll
    static void writeModel() {
        mnist = CliFixtures.mnistDir(models.resolve("mnist"), SAMPLE);
        model = CliFixtures.model(models.resolve("small.zip"), 32, 10, DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.5),
                "mnist:" + mnist, List.of());
    }

    /** A CSV as a header and rows of doubles. */
    /** A CSV file as the command writes it: leading {@code # key: value} provenance lines, a header, rows. */
    private record Csv(java.util.Map<String, String> provenance, List<String> header, List<double[]> rows) {
        static Csv read(Path file) throws IOException {
            List<String> all = Files.readAllLines(file);
            java.util.Map<String, String> provenance = new java.util.LinkedHashMap<>();
            int first = 0;
            while (first < all.size() && all.get(first).startsWith("# ")) {
                String line = all.get(first++).substring(2);
                int colon = line.indexOf(": ");
                provenance.put(line.substring(0, colon), line.substring(colon + 2));
            }
            List<String> lines = all.subList(first, all.size());
            List<double[]> rows = lines.subList(1, lines.size()).stream()
                    .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray()).toList();
            return new Csv(provenance, List.of(lines.get(0).split(",")), rows);
        }

        double get(int row, String column) {
            int c = header.indexOf(column);
            assertTrue(c >= 0, column + " in " + header);
            return rows.get(row)[c];
        }
    }

    /** KL(q‖p) and KL(p‖q) of the {@link #SAMPLE} test images, from the encoder output, in this test's own code. */
    private static double[] independentKl() {
        VaeModel vae = VaeModel.load(model);
        Dataset data = DatasetSpec.parse("mnist:" + mnist).open(Split.TEST);
        float[] images = new float[SAMPLE * 32 * 32];
        for (int i = 0; i < SAMPLE; i++) {
            data.read(i, images, i * 32 * 32);
        }
        float[] encoded = vae.encode(images, SAMPLE);
        double qp = 0;
        double pq = 0;
        for (int i = 0; i < SAMPLE; i++) {
            for (int d = 0; d < 10; d++) {
                double mu = encoded[i * 20 + d];
                double lv = encoded[i * 20 + 10 + d];
                double v = Math.exp(lv);
                qp += 0.5 * (v + mu * mu - 1 - lv);
                pq += 0.5 * (1 / v + mu * mu / v - 1 + lv);
            }
        }
        return new double[] {qp / SAMPLE, pq / SAMPLE};
    }

    private static void assertRelative(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    @Test
    void csvEndsEqualTheKlBaselines() throws IOException {
        Path out = dir.resolve("curve.csv");
        Cli r = Cli.run("curve", "--model", model.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("trained alpha: 0.5 (marked)"), r.out());
        Csv csv = Csv.read(out);
        assertEquals(List.of("alpha", "js_prime", "dual_prime", "js_nielsen", "dual_nielsen", "kl_qp", "kl_pq"), csv.header());
        // provenance: software with its commit, the settings, the model's file hash and data set, the environment
        assertTrue(csv.provenance().get(PngExport.SOFTWARE).startsWith("Latent Explorer ")
                && csv.provenance().get(PngExport.SOFTWARE).contains("(git "), csv.provenance().toString());
        assertTrue(csv.provenance().get(PngExport.SETTINGS).startsWith("curve; 101 alpha"), csv.provenance().toString());
        assertTrue(csv.provenance().get(PngExport.MODEL).contains("sha256=" + ModelIdentity.sha256(model)),
                csv.provenance().toString());
        String environment = csv.provenance().get(ExportMetadata.ENVIRONMENT);
        assertTrue(environment.contains("java=" + System.getProperty("java.version")) && environment.contains("native=")
                && environment.contains("backend=CpuBackend"), environment);
        assertEquals(101, csv.rows().size());
        for (int i = 0; i <= 100; i++) {
            assertEquals(i / 100.0, csv.get(i, "alpha"), 0.0);
        }
        double[] kl = independentKl();
        assertTrue(Math.abs(kl[0] - kl[1]) > 1e-3 * kl[0], "the two baselines differ, so the test tells them apart: " + kl[0] + " " + kl[1]);
        assertRelative(kl[0], csv.get(0, "kl_qp"), 1e-9, "KL(q||p) baseline");
        assertRelative(kl[1], csv.get(0, "kl_pq"), 1e-9, "KL(p||q) baseline");
        // §1.5: JS^{Ga'} -> KL(q||p) at alpha = 0 and KL(p||q) at alpha = 1; §1.7: the dual the other way round.
        assertRelative(kl[0], csv.get(0, "js_prime"), 1e-6, "JS^{Ga'} at alpha 0");
        assertRelative(kl[1], csv.get(100, "js_prime"), 1e-6, "JS^{Ga'} at alpha 1");
        assertRelative(kl[1], csv.get(0, "dual_prime"), 1e-6, "JS_*^{Ga'} at alpha 0");
        assertRelative(kl[0], csv.get(100, "dual_prime"), 1e-6, "JS_*^{Ga'} at alpha 1");
        // §1.4, §1.6: Nielsen's versions vanish at both ends and are positive inside.
        for (String nielsen : List.of("js_nielsen", "dual_nielsen")) {
            assertEquals(0.0, csv.get(0, nielsen), 1e-9 * kl[0], nielsen);
            assertEquals(0.0, csv.get(100, nielsen), 1e-9 * kl[0], nielsen);
            assertTrue(csv.get(50, nielsen) > 0, nielsen);
        }
        // At alpha = 1/2 the primed and Nielsen conventions coincide (§1.5).
        assertRelative(csv.get(50, "js_nielsen"), csv.get(50, "js_prime"), 1e-9, "alpha 0.5");
    }

    @Test
    void chartsArePngWithMetadataAndSvg() throws IOException {
        Path png = dir.resolve("curve.png");
        Cli r = Cli.run("curve", "--model", model.toString(), "--limit", "8", "--width", "400", "--height", "300",
                "--out", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
        assertTrue(PngExport.readText(png).get(PngExport.MODEL).contains("sha256="));
        assertTrue(PngExport.readText(png).get(PngExport.SETTINGS).contains("101 alpha"));
        Path svg = dir.resolve("curve.svg");
        assertEquals(0, Cli.run("curve", "--model", model.toString(), "--limit", "8", "--width", "400", "--height", "300",
                "--out", svg.toString()).exitCode());
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), "an SVG document");
        assertTrue(text.contains("trained α"), "the trained alpha marker is in the legend");
    }

    @Test
    void gaussiansWriteFigureOneAsCsvPngAndSvg() throws IOException {
        Path csv = dir.resolve("fig1.csv");
        Cli r = Cli.run("curve", "--gaussians", "-2,1,2,2", "--out", csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        Csv table = Csv.read(csv);
        assertEquals(500, table.rows().size());
        assertEquals(List.of("x", "p", "q", "mixture"), table.header().subList(0, 4));
        assertTrue(table.header().contains("G_0.5"), table.header().toString());
        assertEquals(-5.0, table.get(0, "x"), 1e-12);
        assertEquals(Math.exp(-0.5 * 9) / Math.sqrt(2 * Math.PI), table.get(0, "p"), 1e-12, "p = N(-2, 1) at x = -5");
        assertEquals(Math.exp(-0.5 * 49 / 4.0) / Math.sqrt(2 * Math.PI * 4), table.get(0, "q"), 1e-12, "q = N(2, 2^2) at x = -5");
        Path png = dir.resolve("fig1.png");
        assertEquals(0, Cli.run("curve", "--gaussians", "-2,1,2,2", "--width", "300", "--height", "200", "--out", png.toString())
                .exitCode());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(600, image.getWidth(), "two panels of 300 side by side");
        assertEquals(400, image.getHeight(), "two rows of 200");
        Path svg = dir.resolve("fig1.svg");
        assertEquals(0, Cli.run("curve", "--gaussians", "0,1,1,0.5", "--width", "300", "--height", "200", "--out", svg.toString())
                .exitCode());
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    private static EpochRecord record(double loss, double rec, double kl1, double kl2) {
        return new EpochRecord(1, loss, rec, loss - rec, kl1, kl2, 1.0, 64);
    }

    @Test
    void sweepGivesTheBreakdownAndTheReconstructionPlot() throws IOException {
        Path a8 = CliFixtures.model(dir.resolve("a8.zip"), 32, 2, DivergenceSpec.of(DivergenceKind.JSG, 0.8), "test",
                List.of(record(20, 18, 9, 9), record(12, 10, 1.5, 2.25)));
        Path a2 = CliFixtures.model(dir.resolve("a2.zip"), 32, 2, DivergenceSpec.of(DivergenceKind.JSG, 0.2), "test",
                List.of(record(11, 9, 2, 3)));
        Path qp = CliFixtures.model(dir.resolve("qp.zip"), 32, 2, DivergenceSpec.of(DivergenceKind.KL_QP), "test",
                List.of(record(10, 7, Double.NaN, Double.NaN)));
        Path pq = CliFixtures.model(dir.resolve("pq.zip"), 32, 2, DivergenceSpec.of(DivergenceKind.KL_PQ), "test",
                List.of(record(14, 8.5, Double.NaN, Double.NaN)));
        Path breakdown = dir.resolve("b.csv");
        Cli r = Cli.run("curve", "--sweep", a8 + "," + a2 + "," + qp, "--out", breakdown.toString());
        assertEquals(0, r.exitCode(), r.err());
        Csv b = Csv.read(breakdown);
        assertEquals(List.of("alpha", "kl_loss1", "kl_loss2", "total"), b.header());
        assertEquals(2, b.rows().size());
        assertEquals(0.2, b.get(0, "alpha"), 0.0);
        assertEquals(2.0, b.get(0, "kl_loss1"), 0.0);
        assertEquals(3.0, b.get(0, "kl_loss2"), 0.0);
        assertEquals(2.0, b.get(0, "total"), 1e-12);
        assertEquals(0.8, b.get(1, "alpha"), 0.0);
        assertEquals(1.5, b.get(1, "kl_loss1"), 0.0, "the last epoch's record");
        assertEquals(2.0, b.get(1, "total"), 1e-12);
        Path fig3 = dir.resolve("fig3.csv");
        Cli rec = Cli.run("curve", "--sweep", String.join(",", a8.toString(), a2.toString(), qp.toString(), pq.toString()),
                "--figure", "reconstruction", "--out", fig3.toString());
        assertEquals(0, rec.exitCode(), rec.err());
        Csv f = Csv.read(fig3);
        assertEquals(9.0, f.get(0, "reconstruction"), 0.0);
        assertEquals(10.0, f.get(1, "reconstruction"), 0.0);
        assertEquals(7.0, f.get(0, "kl_qp"), 0.0);
        assertEquals(8.5, f.get(1, "kl_pq"), 0.0);
        Path png = dir.resolve("fig3.png");
        assertEquals(0, Cli.run("curve", "--sweep", a8 + "," + a2 + "," + qp + "," + pq, "--figure", "reconstruction",
                "--out", png.toString()).exitCode());
        assertTrue(Files.size(png) > 0);
        Path svg = dir.resolve("fig3.svg");
        assertEquals(0, Cli.run("curve", "--sweep", a8 + "," + a2 + "," + qp + "," + pq, "--figure", "reconstruction",
                "--out", svg.toString()).exitCode());
        String drawn = Files.readString(svg).replace("&apos;", "'").replace("&#39;", "'"); // SVG escapes the prime
        assertTrue(drawn.contains("JS^{Gα'} train"), "the α curve is named after its divergence");

        assertUserError(Cli.run("curve", "--sweep", a8 + "," + a2, "--figure", "reconstruction", "--out", fig3.toString()),
                "kl-qp", "kl-pq");
        Path dual = CliFixtures.model(dir.resolve("dual.zip"), 32, 2, DivergenceSpec.of(DivergenceKind.JSG_DUAL, 0.5), "test",
                List.of(record(11, 9, 2, 3)));
        assertUserError(Cli.run("curve", "--sweep", a8 + "," + dual, "--out", fig3.toString()), "jsg-dual", "jsg");
    }

    private static void assertUserError(Cli r, String... fragments) {
        assertEquals(2, r.exitCode(), "exit 2 expected; out: " + r.out() + " err: " + r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
        }
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void badInputsExitWithCode2() throws IOException {
        String out = dir.resolve("c.csv").toString();
        assertUserError(Cli.run("curve", "--gaussians", "1,2,3", "--out", out), "four numbers");
        assertUserError(Cli.run("curve", "--gaussians", "0,0,1,1", "--out", out), "--gaussians", "> 0");
        assertUserError(Cli.run("curve", "--gaussians", "0,1,1,1", "--x", "5,-5", "--out", out), "--x");
        assertUserError(Cli.run("curve", "--out", out), "exactly one of");
        assertUserError(Cli.run("curve", "--gaussians", "0,1,1,1", "--model", model.toString(), "--out", out), "exactly one of");
        assertUserError(Cli.run("curve", "--gaussians", "0,1,1,1", "--out", dir.resolve("c.txt").toString()), "c.txt", ".csv");
        assertUserError(Cli.run("curve", "--model", model.toString(), "--dataset", "dsprites", "--out", out),
                model.toString(), "32×32", "dsprites", "64×64");
        Path big = CliFixtures.dspritesModel(dir);
        assertUserError(Cli.run("curve", "--model", big.toString(), "--dataset", "mnist:" + mnist, "--out", out),
                big.toString(), "64×64", "MNIST", "32×32");
        Path missing = dir.resolve("missing.zip");
        assertUserError(Cli.run("curve", "--model", missing.toString(), "--out", out), missing.toString(), "no such file");
        assertUserError(Cli.run("curve", "--sweep", missing.toString(), "--out", out), missing.toString());
        assertFalse(Files.exists(Path.of(out)));
    }
}
