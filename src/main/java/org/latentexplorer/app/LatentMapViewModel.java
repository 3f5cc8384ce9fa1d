package org.latentexplorer.app;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.model.VaeModel;
import org.latentexplorer.latent.PosteriorBatch;
import org.latentexplorer.teaching.LatentMap;
import org.latentexplorer.teaching.LatentMapFigure;
import org.latentexplorer.teaching.ReconstructionStrip;

/**
 * The latent map's and the reconstruction strip's state: for the current model (or the model of the latest
 * training epoch), {@link #SAMPLE} examples spread over the data sample are encoded in the background, their
 * means projected by PCA, and {@link #STRIP} examples reconstructed at z = μ. Points are coloured by a chosen
 * factor; hovering finds the nearest point, clicking decodes its μ and hands it to the Traverse anchor.
 * <p>
 * Methods run on the FX thread (or the test thread with {@link TaskRunner#sameThread()}); encoding, decoding
 * and drawing run on the runner.
 */
public final class LatentMapViewModel {
    /** Examples on the map. */
    static final int SAMPLE = 2000;
    /** Examples in the reconstruction strip. */
    static final int STRIP = 10;
    private static final int BATCH = 250;

    /** The factor to colour by: an index into the map's factor names, or −1 for none. */
    public final IntegerProperty factor = new SimpleIntegerProperty(0);

    private final ObjectProperty<LatentMap> map = new SimpleObjectProperty<>();
    private final ObjectProperty<BufferedImage> page = new SimpleObjectProperty<>();
    private final ObjectProperty<LatentMapFigure.Layout> layout = new SimpleObjectProperty<>();
    private final ObjectProperty<ReconstructionStrip> strip = new SimpleObjectProperty<>();
    private final ObjectProperty<float[]> decoded = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private final StringProperty status = new SimpleStringProperty("");
    private final TaskRunner runner;
    private final Function<LoadedModel, LoadedModel.Codec> codecs;
    private Consumer<float[]> anchor = z -> { };
    private LoadedModel model;
    private Dataset sample;
    private LoadedModel.Codec codec;
    private LoadedModel codecOwner;
    private boolean active;
    private long stripSeed;
    private LoadedModel pending;
    private int width = 900;
    private int height = 700;

    public LatentMapViewModel(TaskRunner runner) {
        this(runner, LoadedModel::codec);
    }

    /** With a seam for the codec (tests use an analytic one). */
    LatentMapViewModel(TaskRunner runner, Function<LoadedModel, LoadedModel.Codec> codecs) {
        this.runner = runner;
        this.codecs = codecs;
        factor.addListener(o -> redraw());
    }

    /** Where a click sends the decoded point's μ (the Traverse view's anchor). */
    public void onAnchor(Consumer<float[]> c) {
        anchor = c;
    }

    /** Starts encoding (the view is shown): shows the latest model given. Until then models are only remembered. */
    public void activate() {
        if (!active) {
            active = true;
            show(pending);
        }
    }

    /** Shows a loaded model: encodes its data sample. */
    public void setModel(LoadedModel m) {
        if (m != null && m.sample() != null) {
            sample = m.sample();
        }
        show(m);
    }

    /** Shows the model of a training epoch, on the last data sample whose image size fits it. */
    public void setEpochModel(VaeModel v, int epoch) {
        Dataset s = sample != null && sample.height() == v.imageHeight() && sample.width() == v.imageWidth() ? sample : null;
        show(new LoadedModel(null, v, "training, epoch " + epoch, false, s));
    }

    private void show(LoadedModel m) {
        pending = m;
        if (!active) {
            return;
        }
        model = m;
        selected.set(-1);
        decoded.set(null);
        if (m == null) {
            map.set(null);
            strip.set(null);
            page.set(null);
            return;
        }
        if (m.sample() == null) {
            map.set(null);
            strip.set(null);
            page.set(null);
            status.set("no data sample fits this model: nothing to encode");
            return;
        }
        status.set("encoding " + Math.min(SAMPLE, m.sample().size()) + " examples …");
        int w = width;
        int h = height;
        int f = factor.get();
        long seed = stripSeed;
        runner.submit("map", () -> {
            LoadedModel.Codec c = codec(m);
            Dataset data = m.sample();
            int[] idx = Samples.spread(data, SAMPLE);
            PosteriorBatch batch = encode(c, data, idx);
            LatentMap lm = LatentMap.of(batch, idx, data.factors(), m.describe() + "; " + idx.length + " examples of "
                    + data.description() + ", spread over the set; PCA of the posterior means");
            ReconstructionStrip rs = reconstruct(c, m, stripIndices(data, seed));
            LatentMapFigure.Layout l = LatentMapFigure.layout(lm, w, h);
            return new Object[] {lm, rs, l, LatentMapFigure.image(l, lm, clamp(f, lm), -1, title(m))};
        }, r -> {
            if (model != m) {
                return;
            }
            LatentMap lm = (LatentMap) r[0];
            map.set(lm);
            strip.set((ReconstructionStrip) r[1]);
            layout.set((LatentMapFigure.Layout) r[2]);
            page.set((BufferedImage) r[3]);
            status.set(String.format(Locale.ROOT, "%d examples; PC 1 and 2 hold %.0f%% and %.0f%% of the variance of μ; "
                    + "mean reconstruction error %.2f", lm.size(), 100 * lm.explained(0), 100 * lm.explained(1),
                    ((ReconstructionStrip) r[1]).meanError()));
        }, t -> status.set("could not encode: " + t.getMessage()));
    }

    /** The strip's examples: spread evenly over the set for seed 0, otherwise drawn at random with the seed. */
    static int[] stripIndices(Dataset data, long seed) {
        if (seed == 0) {
            return Samples.spread(data, STRIP);
        }
        java.util.Random r = new java.util.Random(seed);
        int[] idx = new int[Math.min(STRIP, data.size())];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = r.nextInt(data.size());
        }
        return idx;
    }

    private static ReconstructionStrip reconstruct(LoadedModel.Codec c, LoadedModel m, int[] few) {
        Dataset data = m.sample();
        float[] originals = Samples.read(data, few);
        PosteriorBatch fb = PosteriorBatch.encode(c, originals, few.length);
        float[] rec = c.decode(fb.means(), few.length);
        return ReconstructionStrip.of(originals, rec, few.length, data.height(), data.width(), few, m.manifest().reconstruction());
    }

    /** Reconstructs ten other examples, drawn at random (the map stays). */
    public void otherExamples() {
        LoadedModel m = model;
        if (m == null || m.sample() == null || !active) {
            return;
        }
        long seed = ++stripSeed;
        runner.submit("strip", () -> reconstruct(codec(m), m, stripIndices(m.sample(), seed)), s -> {
            if (model == m) {
                strip.set(s);
            }
        }, t -> status.set("could not reconstruct: " + t.getMessage()));
    }

    private static int clamp(int f, LatentMap lm) {
        return f < lm.factorNames().size() ? f : -1;
    }

    private static String title(LoadedModel m) {
        return "Latent map: " + m.describe();
    }

    private static PosteriorBatch encode(LoadedModel.Codec c, Dataset data, int[] idx) {
        int d = c.latentSize();
        float[] all = new float[idx.length * 2 * d];
        for (int start = 0; start < idx.length; start += BATCH) {
            int n = Math.min(BATCH, idx.length - start);
            int[] part = java.util.Arrays.copyOfRange(idx, start, start + n);
            float[] enc = c.encode(Samples.read(data, part), n);
            System.arraycopy(enc, 0, all, start * 2 * d, n * 2 * d);
        }
        return new PosteriorBatch(all, idx.length);
    }

    /** Lazily creates the runner thread's own codec (called on that thread only). */
    private synchronized LoadedModel.Codec codec(LoadedModel m) {
        if (codecOwner != m) {
            codec = codecs.apply(m);
            codecOwner = m;
        }
        return codec;
    }

    /** The page size (the view's); redraws. */
    public void resize(int w, int h) {
        if (w < 200 || h < 200 || (w == width && h == height)) {
            return;
        }
        width = w;
        height = h;
        redraw();
    }

    private void redraw() {
        LatentMap lm = map.get();
        LoadedModel m = model;
        if (lm == null || m == null) {
            return;
        }
        int w = width;
        int h = height;
        int f = clamp(factor.get(), lm);
        int sel = selected.get();
        runner.submit("draw", () -> {
            LatentMapFigure.Layout l = LatentMapFigure.layout(lm, w, h);
            return new Object[] {l, LatentMapFigure.image(l, lm, f, sel, title(m))};
        }, r -> {
            if (map.get() == lm) {
                layout.set((LatentMapFigure.Layout) r[0]);
                page.set((BufferedImage) r[1]);
            }
        }, t -> status.set("could not draw: " + t.getMessage()));
    }

    /** The map point under page pixel (px, py) (within 12 pixels), or −1. */
    public int pointAt(double px, double py) {
        LatentMap lm = map.get();
        LatentMapFigure.Layout l = layout.get();
        if (lm == null || l == null || !l.inside(px, py)) {
            return -1;
        }
        double[] xy = l.toMap(px, py);
        int i = lm.nearest(xy[0], xy[1]);
        if (i < 0) {
            return -1;
        }
        double dx = l.px(lm.x(i)) - px;
        double dy = l.py(lm.y(i)) - py;
        return dx * dx + dy * dy <= 144 ? i : -1;
    }

    /** The image of map point {@code i} (H×W values), read from the data sample. */
    public float[] image(int i) {
        Dataset d = model.sample();
        float[] out = new float[d.height() * d.width()];
        d.read(map.get().index(i), out, 0);
        return out;
    }

    /** A short description of map point {@code i}: its index and factor classes. */
    public String describe(int i) {
        LatentMap lm = map.get();
        StringBuilder b = new StringBuilder("example " + lm.index(i));
        for (int f = 0; f < lm.factorNames().size(); f++) {
            b.append(f == 0 ? ": " : ", ").append(lm.factorNames().get(f)).append(' ').append(lm.factorClass(i, f));
        }
        return b.toString();
    }

    /** Selects map point {@code i}: decodes its μ in the background, and sets the Traverse anchor to it. */
    public void select(int i) {
        LatentMap lm = map.get();
        LoadedModel m = model;
        if (lm == null || i < 0 || i >= lm.size()) {
            return;
        }
        selected.set(i);
        float[] z = lm.mean(i);
        anchor.accept(z);
        redraw();
        runner.submit("decode", () -> codec(m).decode(z, 1), decoded::set, t -> status.set("could not decode: " + t.getMessage()));
    }

    /** Writes the map ({@code .png}, {@code .svg} or {@code .csv}) or, for a name ending in {@code -reconstructions.png}, the strip. */
    public void export(Path file, Runnable done, Consumer<Throwable> failed) {
        LatentMap lm = map.get();
        LoadedModel m = model;
        if (lm == null || m == null) {
            failed.accept(new IllegalStateException("nothing to export yet: the map has not been drawn"));
            return;
        }
        int f = clamp(factor.get(), lm);
        runner.submit("export", () -> {
            LatentMapFigure.write(file, lm, f, 1000, 800, title(m),
                    TraverseViewModel.exportText("latent map; " + lm.description(), m));
            return file;
        }, x -> done.run(), failed::accept);
    }

    /** Writes the reconstruction strip as PNG. */
    public void exportStrip(Path file, Runnable done, Consumer<Throwable> failed) {
        ReconstructionStrip s = strip.get();
        LoadedModel m = model;
        if (s == null || m == null) {
            failed.accept(new IllegalStateException("nothing to export yet: no reconstructions"));
            return;
        }
        runner.submit("export", () -> {
            java.util.Map<String, String> text = TraverseViewModel.exportText("reconstructions at z = mu; examples "
                    + java.util.Arrays.toString(s.indices()) + "; error " + s.kind().cliName() + " per image", m);
            org.latentexplorer.render.export.PngExport.write(s.image(3, stripTitle(m, s)), file, text);
            return file;
        }, x -> done.run(), failed::accept);
    }

    static String stripTitle(LoadedModel m, ReconstructionStrip s) {
        return String.format(Locale.ROOT, "%s: originals and reconstructions (z = μ), %s error per image, mean %.2f",
                m.describe(), s.kind().cliName(), s.meanError());
    }

    public List<String> factorNames() {
        return map.get() == null ? List.of() : map.get().factorNames();
    }

    LoadedModel model() {
        return model;
    }

    public ObjectProperty<LatentMap> mapProperty() {
        return map;
    }

    public ObjectProperty<LatentMapFigure.Layout> layoutProperty() {
        return layout;
    }

    public ObjectProperty<BufferedImage> pageProperty() {
        return page;
    }

    public ObjectProperty<ReconstructionStrip> stripProperty() {
        return strip;
    }

    public ObjectProperty<float[]> decodedProperty() {
        return decoded;
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }
}
