package org.latentexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.latent.LatentDecoder;
import org.latentexplorer.model.ModelIdentity;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.render.export.GifExport;
import org.latentexplorer.render.export.PngExport;
import org.latentexplorer.render.traversal.TraversalGrid;
import org.latentexplorer.render.traversal.TraversalSpec;

/** {@code traverse} end to end on untrained models built from fresh weights. */
class TraverseCommandTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @TempDir
    Path dir;

    @TempDir
    static Path models;

    private static Path dsprites;
    private static Path small;
    private static Path mnist;

    @BeforeAll
    static void writeModels() {
        dsprites = CliFixtures.dspritesModel(models);
        mnist = CliFixtures.mnistDir(models.resolve("mnist"), 16);
        small = CliFixtures.mnistModel(models, "mnist:" + mnist);
    }

    private static BufferedImage read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null, "readable PNG " + png);
        return image;
    }

    /** Every pixel on a padding line (make_grid geometry) has the given RGB. */
    private static void assertPadding(BufferedImage image, int tile, int padding, int rgb) {
        int pitch = tile + padding;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (x % pitch < padding || y % pitch < padding) {
                    assertEquals(rgb, image.getRGB(x, y) & 0xFFFFFF, "padding pixel at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void paperPresetOnADSpritesModelIs662SquareWithWhitePaddingAndTheSettingsInItsMetadata() throws IOException {
        Path model = dsprites;
        Path out = dir.resolve("grid.png");
        Cli r = Cli.run("traverse", "--model", model.toString(), "--preset", "paper", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("decoded 100 latent vectors in 1 batch in"), r.out());
        BufferedImage image = read(out);
        assertEquals(662, image.getWidth());
        assertEquals(662, image.getHeight());
        assertPadding(image, 64, 2, 0xFFFFFF);

        CountingDecoder counting = new CountingDecoder(VaeModel.load(model));
        BufferedImage expected = TraversalGrid.render(TraversalSpec.paper(), counting).toBufferedImage();
        assertEquals(List.of(100), counting.calls, "the library decodes the whole grid in one call of 100 latent vectors");
        int differing = 0;
        for (int y = 0; y < 662; y++) {
            for (int x = 0; x < 662; x++) {
                differing += expected.getRGB(x, y) == image.getRGB(x, y) ? 0 : 1;
            }
        }
        assertEquals(0, differing, "the command draws exactly the library's paper grid");
        int tilePixel = image.getRGB(2 + 32, 2 + 32) & 0xFF;
        assertEquals(tilePixel, (image.getRGB(2 + 32, 2 + 32) >> 16) & 0xFF, "greyscale repeated to RGB");

        Map<String, String> text = PngExport.readText(out);
        String settings = text.get(PngExport.SETTINGS);
        assertTrue(settings.contains("preset=paper"), settings);
        assertTrue(settings.contains("prior-quantile q=0.475 (±1.959964)"), settings);
        assertTrue(settings.contains("steps=10"), settings);
        assertTrue(settings.contains("direction=descending"), settings);
        assertTrue(settings.contains("order=index"), settings);
        assertTrue(settings.contains("background=0.0"), settings);
        String model1 = text.get(PngExport.MODEL);
        assertTrue(model1.contains("file=dsprites.zip"), model1);
        assertTrue(model1.contains("sha256=" + ModelIdentity.sha256(model)), model1);
        assertTrue(model1.contains("jsg-dual(alpha=0.5)"), model1);
        String environment = text.get(org.latentexplorer.render.export.ExportMetadata.ENVIRONMENT);
        assertTrue(environment.contains("native=") && environment.contains("java=" + System.getProperty("java.version"))
                && environment.contains("os=" + System.getProperty("os.name")), environment);
        assertTrue(text.get(PngExport.SOFTWARE).contains("(git "), text.toString());
        String columns = text.get(org.latentexplorer.render.export.ExportMetadata.COLUMN_VALUES);
        String[] rows = columns.split("; ");
        assertEquals(10, rows.length, columns);
        for (int d = 0; d < 10; d++) {
            String[] v = rows[d].split(" ");
            assertEquals("z" + d + ":", v[0]);
            double[] expectedValues = {1.959964, 1.524416, 1.088869, 0.653321, 0.217774, -0.217774, -0.653321, -1.088869,
                    -1.524416, -1.959964};
            for (int j = 0; j < 10; j++) {
                assertEquals(expectedValues[j], Double.parseDouble(v[j + 1]), 1e-6, rows[d]);
            }
        }
    }

    @Test
    void paperPresetOnA32By32ModelIs342Square() throws IOException {
        Path model = small;
        Path out = dir.resolve("grid32.png");
        Cli r = Cli.run("traverse", "--model", model.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        BufferedImage image = read(out);
        assertEquals(342, image.getWidth());
        assertEquals(342, image.getHeight());
        assertPadding(image, 32, 2, 0xFFFFFF);
    }

    @Test
    void aChairsModelGetsBlackPadding() throws IOException {
        // 662 wide like Chairs; two latent rows instead of 32 keep the test fast (render tests check 662×2114).
        Path model = CliFixtures.model(dir.resolve("chairs.zip"), 64, 2, DivergenceSpec.of(DivergenceKind.KL_QP),
                "folder:/data/chairs", List.of());
        Path out = dir.resolve("chairs.png");
        Cli r = Cli.run("traverse", "--model", model.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        BufferedImage image = read(out);
        assertEquals(662, image.getWidth());
        assertEquals(2 * 66 + 2, image.getHeight());
        assertPadding(image, 64, 2, 0x000000);
        assertTrue(PngExport.readText(out).get(PngExport.SETTINGS).contains("background=1.0"));
    }

    @Test
    void gifHasOneFramePerColumn() throws IOException {
        Path model = small;
        Path out = dir.resolve("grid.gif");
        Cli r = Cli.run("traverse", "--model", model.toString(), "--preset", "dlib", "--dims", "0,3", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        GifExport.GifSummary gif = GifExport.inspect(out);
        assertEquals(11, gif.frames(), "dlib preset: 11 columns");
        assertEquals(32 + 4, gif.width());
        assertEquals(2 * 34 + 2, gif.height());
        assertTrue(gif.loopsForever());
        String comment = String.join("\n", GifExport.readComments(Files.readAllBytes(out)));
        assertTrue(comment.contains("latent-explorer:column-values: z0: ") && comment.contains("; z3: "),
                "the frames' values are in the comment: " + comment);
    }

    @Test
    void rowsSortedByKlOnADataSampleCarryLabels() throws IOException {
        Path out = dir.resolve("kl.png");
        Cli r = Cli.run("traverse", "--model", small.toString(), "--preset", "disentangling-vae", "--dataset", "mnist:" + mnist,
                "--limit", "16", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        BufferedImage image = read(out);
        assertTrue(image.getWidth() > 7 * 34 + 2, "a label margin to the right of the 240-pixel grid: " + image.getWidth());
        assertEquals(342, image.getHeight());
        assertTrue(r.out().contains("KL="), r.out());
        String settings = PngExport.readText(out).get(PngExport.SETTINGS);
        assertTrue(settings.contains("order=kl (descending)"), settings);
        assertTrue(settings.contains("dataset=mnist:"), settings);
        assertTrue(settings.contains("16 examples"), settings);

        Cli byDivergence = Cli.run("traverse", "--model", small.toString(), "--order", "divergence", "--dataset", "mnist:" + mnist,
                "--limit", "8", "--labels", "left", "--steps", "2", "--out", dir.resolve("div.png").toString());
        assertEquals(0, byDivergence.exitCode(), byDivergence.err());
        assertTrue(byDivergence.out().contains("kl-qp="), "rows scored by the model's own divergence: " + byDivergence.out());
    }

    @Test
    void posteriorAndDataRangeModesUseTheData() {
        String m = small.toString();
        Cli posterior = Cli.run("traverse", "--model", m, "--mode", "posterior", "--range", "3", "--anchor", "index:5",
                "--dataset", "mnist:" + mnist, "--steps", "4", "--dims", "1", "--out", dir.resolve("p.png").toString());
        assertEquals(0, posterior.exitCode(), posterior.err());
        Cli dataRange = Cli.run("traverse", "--model", m, "--mode", "data-range", "--dataset", "mnist:" + mnist,
                "--limit", "8", "--steps", "3", "--out", dir.resolve("d.png").toString());
        assertEquals(0, dataRange.exitCode(), dataRange.err());
        Cli random = Cli.run("traverse", "--model", m, "--anchor", "random:3", "--mode", "absolute",
                "--range", "1.5", "--steps", "3", "--out", dir.resolve("r.png").toString());
        assertEquals(0, random.exitCode(), random.err());
        assertTrue(PngExport.readText(dir.resolve("r.png")).get(org.latentexplorer.render.export.ExportMetadata.COLUMN_VALUES).startsWith("z0: 1.5 0.0 -1.5"));
    }

    private static void assertUserError(Cli r, String... fragments) {
        assertEquals(2, r.exitCode(), "exit 2 expected; out: " + r.out() + " err: " + r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
        }
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void badSettingsExitWithCode2() {
        String model = dsprites.toString();
        String out = dir.resolve("x.png").toString();
        assertUserError(Cli.run("traverse", "--model", model, "--dims", "12", "--out", out), "latent dimension 12", "0..9");
        assertUserError(Cli.run("traverse", "--model", model, "--dims", "1,x", "--out", out), "--dims", "'x'");
        assertUserError(Cli.run("traverse", "--model", model, "--dims", "1,1", "--out", out), "listed twice");
        assertUserError(Cli.run("traverse", "--model", model, "--steps", "0", "--out", out), "steps", "got 0");
        assertUserError(Cli.run("traverse", "--model", model, "--anchor", "middle", "--out", out), "--anchor", "middle");
        assertUserError(Cli.run("traverse", "--model", model, "--anchor", "index:-1", "--out", out), "--anchor");
        assertUserError(Cli.run("traverse", "--model", model, "--anchor", "index:3", "--out", out), "--dataset", "index:3");
        assertUserError(Cli.run("traverse", "--model", model, "--order", "kl", "--out", out), "--dataset");
        assertUserError(Cli.run("traverse", "--model", model, "--mode", "posterior", "--out", out), "--anchor index:I");
        assertUserError(Cli.run("traverse", "--model", model, "--delay", "-1", "--out", dir.resolve("x.gif").toString()), "--delay");
        assertUserError(Cli.run("traverse", "--model", model, "--mode", "sideways", "--out", out), "--mode", "sideways");
        assertUserError(Cli.run("traverse", "--model", model, "--mode", "absolute", "--range", "-1", "--out", out), "--range");
        assertUserError(Cli.run("traverse", "--model", model, "--mode", "prior-quantile", "--range", "1.5", "--out", out), "(0, 1)");
        assertUserError(Cli.run("traverse", "--model", model, "--preset", "nice", "--out", out), "--preset", "nice");
        assertUserError(Cli.run("traverse", "--model", model, "--out", dir.resolve("x.jpg").toString()), "x.jpg", ".png, .gif");
        assertUserError(Cli.run("traverse", "--model", model, "--anchor", "index:800000", "--dataset", "dsprites", "--out", out),
                "index:800000", "737280");
        assertFalse(Files.exists(dir.resolve("x.png")), "nothing written on errors");
    }

    @Test
    void missingOrCorruptModelFilesExitWithCode2() throws IOException {
        Path missing = dir.resolve("nope.zip");
        assertUserError(Cli.run("traverse", "--model", missing.toString(), "--out", dir.resolve("a.png").toString()),
                missing.toString(), "no such file");
        Path corrupt = dir.resolve("corrupt.zip");
        byte[] good = Files.readAllBytes(dsprites);
        Files.write(corrupt, Arrays.copyOf(good, good.length / 3));
        assertUserError(Cli.run("traverse", "--model", corrupt.toString(), "--out", dir.resolve("a.png").toString()),
                corrupt.toString());
        Path text = dir.resolve("text.zip");
        Files.writeString(text, "not a model");
        assertUserError(Cli.run("traverse", "--model", text.toString(), "--out", dir.resolve("a.png").toString()), text.toString());
    }

    @Test
    void wrongModelAndDataCombinationsNameBoth() {
        assertUserError(Cli.run("traverse", "--model", small.toString(), "--dataset", "dsprites", "--out",
                dir.resolve("a.png").toString()), small.toString(), "32×32", "dsprites", "64×64");
        Path big = dsprites;
        assertUserError(Cli.run("traverse", "--model", big.toString(), "--dataset", "mnist:" + mnist, "--out",
                dir.resolve("b.png").toString()), big.toString(), "64×64", "MNIST", "32×32");
    }

    @Test
    void helpDescribesEveryOption() {
        Cli r = Cli.run("traverse", "--help");
        assertEquals(0, r.exitCode());
        for (String option : List.of("--model", "--out", "--preset", "--mode", "--range", "--steps", "--dims", "--anchor", "--order",
                "--dataset", "--limit")) {
            assertTrue(r.out().contains(option), option + " in help");
        }
    }

    /** Counts decode calls and their batch sizes. */
    private static final class CountingDecoder implements LatentDecoder {
        private final LatentDecoder inner;
        private final List<Integer> calls = new java.util.ArrayList<>();

        CountingDecoder(LatentDecoder inner) {
            this.inner = inner;
        }

        @Override
        public int latentSize() {
            return inner.latentSize();
        }

        @Override
        public int imageHeight() {
            return inner.imageHeight();
        }

        @Override
        public int imageWidth() {
            return inner.imageWidth();
        }

        @Override
        public float[] decode(float[] latents, int n) {
            calls.add(n);
            return inner.decode(latents, n);
        }
    }
}
