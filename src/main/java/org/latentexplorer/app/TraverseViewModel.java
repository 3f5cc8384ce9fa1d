package org.latentexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.backend.Environments;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.Divergences;
import org.latentexplorer.latent.Posterior;
import org.latentexplorer.latent.PosteriorBatch;
import org.latentexplorer.model.ModelIdentity;
import org.latentexplorer.render.export.ExportMetadata;
import org.latentexplorer.render.export.GifExport;
import org.latentexplorer.render.export.PngExport;
import org.latentexplorer.render.traversal.GridImage;
import org.latentexplorer.render.traversal.Interpolation;
import org.latentexplorer.render.traversal.InterpolationMethod;
import org.latentexplorer.render.traversal.InterpolationSpec;
import org.latentexplorer.render.traversal.LabelPosition;
import org.latentexplorer.render.traversal.RowOrder;
import org.latentexplorer.render.traversal.TraversalAnchor;
import org.latentexplorer.render.traversal.TraversalGrid;
import org.latentexplorer.render.traversal.TraversalInputs;
import org.latentexplorer.render.traversal.TraversalRange;
import org.latentexplorer.render.traversal.TraversalSpec;

/**
 * The Traverse view's state: the grid settings (preset, range mode, steps, row order), the anchor
 * (prior, random, or a data example from the thumbnail strip) as one value per latent, which the
 * per-latent sliders edit, and the two examples of the interpolation strip. Every decode runs on the
 * runner's single thread with its own graph; a slider drag submits to slots that keep only the
 * newest request.
 */
public final class TraverseViewModel {
    /** How far each row moves. */
    public enum RangeMode {
        PRIOR_QUANTILE("prior half-mass q"), ABSOLUTE("± c"), POSTERIOR("μ ± k·σ (data anchor)"), DATA_RANGE("data min…max");

        private final String label;

        RangeMode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Where the anchor comes from. */
    public enum AnchorKind {
        PRIOR("Prior mean"), RANDOM("Random"), DATA("Data example");

        private final String label;

        AnchorKind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One decoded image, C×H×W in [0, 1] (C = 1 grey or 3 RGB). */
    public record Tile(float[] pixels, int channels, int height, int width) {
    }

    /** Encoded thumbnails and a sample of the model's data. */
    public record Encoded(int[] indices, float[] images, int height, int width, PosteriorBatch thumbnails,
                          PosteriorBatch sample, double[] klPerDimension) {
    }

    static final int THUMBNAILS = 12;
    static final int SAMPLE = 256;

    public final StringProperty preset = new SimpleStringProperty("paper");
    public final ObjectProperty<RangeMode> rangeMode = new SimpleObjectProperty<>(RangeMode.PRIOR_QUANTILE);
    public final DoubleProperty rangeValue = new SimpleDoubleProperty(TraversalSpec.PAPER_MAX_TRAVERSAL);
    public final IntegerProperty steps = new SimpleIntegerProperty(10);
    public final ObjectProperty<RowOrder> rowOrder = new SimpleObjectProperty<>(RowOrder.INDEX);
    public final BooleanProperty labels = new SimpleBooleanProperty(false);
    public final ObjectProperty<AnchorKind> anchorKind = new SimpleObjectProperty<>(AnchorKind.PRIOR);
    public final LongProperty randomSeed = new SimpleLongProperty(1);
    public final IntegerProperty selectedExample = new SimpleIntegerProperty(-1);
    public final IntegerProperty interpolationFrom = new SimpleIntegerProperty(-1);
    public final IntegerProperty interpolationTo = new SimpleIntegerProperty(-1);
    public final ObjectProperty<InterpolationMethod> interpolationMethod = new SimpleObjectProperty<>(InterpolationMethod.SPHERICAL);
    /**
     * Whether a latent slider is being dragged: meanwhile only the anchor image is decoded (one vector, newest
     * request only), and the whole grid follows once, on release.
     */
    public final BooleanProperty dragging = new SimpleBooleanProperty(false);

    private final ObservableList<DoubleProperty> latents = FXCollections.observableArrayList();
    private final ObjectProperty<GridImage> grid = new SimpleObjectProperty<>();
    private final ObjectProperty<Tile> live = new SimpleObjectProperty<>();
    private final ObjectProperty<GridImage> interpolation = new SimpleObjectProperty<>();
    private final ObjectProperty<Encoded> encoded = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final IntegerProperty gridsRendered = new SimpleIntegerProperty();
    private final TaskRunner runner;
    private final java.util.function.Function<LoadedModel, LoadedModel.Codec> codecs;
    private volatile LoadedModel model;
    private LoadedModel.Codec codec;
    private LoadedModel codecOwner;
    private boolean applying;
    private boolean edited;

    public TraverseViewModel(TaskRunner runner) {
        this(runner, LoadedModel::codec);
    }

    /** With a seam for the codec (tests use an analytic one). */
    TraverseViewModel(TaskRunner runner, java.util.function.Function<LoadedModel, LoadedModel.Codec> codecs) {
        this.runner = runner;
        this.codecs = codecs;
        preset.addListener((o, was, now) -> applyPreset(now));
        InvalidationRevalidate.on(this::renderGrid, rangeMode, rangeValue, steps, rowOrder, labels);
        anchorKind.addListener(o -> resetAnchor());
        randomSeed.addListener(o -> resetAnchor());
        selectedExample.addListener(o -> {
            if (selectedExample.get() >= 0) {
                if (anchorKind.get() == AnchorKind.DATA) {
                    resetAnchor();
                } else {
                    anchorKind.set(AnchorKind.DATA);
                }
            }
        });
        InvalidationRevalidate.on(this::renderInterpolation, interpolationFrom, interpolationTo, interpolationMethod);
        dragging.addListener((o, was, now) -> {
            if (!now) {
                renderGrid(); // released: the grid catches up with the sliders once
            }
        });
    }

    /** Shows a new model: anchor at the prior mean, thumbnails and sample encoded in the background. */
    public void setModel(LoadedModel m) {
        model = m;
        encoded.set(null);
        grid.set(null);
        interpolation.set(null);
        live.set(null);
        if (m == null) {
            return;
        }
        applying = true;
        latents.clear();
        for (int d = 0; d < m.manifest().architecture().latents(); d++) {
            DoubleProperty p = new SimpleDoubleProperty(0);
            p.addListener(o -> {
                if (!applying) {
                    edited = true;
                    decodeLive();
                    if (!dragging.get()) {
                        renderGrid();
                    }
                }
            });
            latents.add(p);
        }
        selectedExample.set(-1);
        interpolationFrom.set(-1);
        interpolationTo.set(-1);
        if (anchorKind.get() == AnchorKind.DATA) {
            anchorKind.set(AnchorKind.PRIOR);
        }
        applying = false;
        resetAnchor();
        if (m.sample() != null) {
            runner.submit("encode", () -> {
                LoadedModel.Codec c = codec();
                int[] idx = Samples.spread(m.sample(), THUMBNAILS);
                float[] images = Samples.read(m.sample(), idx);
                PosteriorBatch thumbs = PosteriorBatch.encode(c, images, idx.length);
                int[] sIdx = Samples.spread(m.sample(), SAMPLE);
                PosteriorBatch sample = PosteriorBatch.encode(c, Samples.read(m.sample(), sIdx), sIdx.length);
                double[] kl = Divergences.perDimension(DivergenceSpec.of(DivergenceKind.KL_QP), sample.means(),
                        sample.logVariances(), sample.size(), sample.latentSize()).value();
                return new Encoded(idx, images, m.sample().height(), m.sample().width(), thumbs, sample, kl);
            }, e -> {
                if (model == m) {
                    encoded.set(e);
                    if (anchorKind.get() == AnchorKind.DATA && selectedExample.get() >= 0) {
                        resetAnchor(); // an example picked before the encodings arrived becomes the anchor now
                    } else {
                        renderGrid();
                    }
                }
            }, t -> status.set("could not encode examples: " + t.getMessage()));
        } else {
            status.set("no data set fits this model: data anchors are off");
        }
    }

    /** Lazily creates the runner thread's own decoder (called on that thread only). */
    private synchronized LoadedModel.Codec codec() {
        LoadedModel m = model;
        if (codecOwner != m) {
            codec = codecs.apply(m);
            codecOwner = m;
        }
        return codec;
    }

    private void applyPreset(String name) {
        TraversalSpec spec = TraversalSpec.preset(name);
        applying = true;
        if (spec.range() instanceof TraversalRange.PriorQuantile q) {
            rangeMode.set(RangeMode.PRIOR_QUANTILE);
            rangeValue.set(q.q());
        } else if (spec.range() instanceof TraversalRange.Absolute a) {
            rangeMode.set(RangeMode.ABSOLUTE);
            rangeValue.set(a.halfWidth());
        }
        steps.set(spec.steps());
        rowOrder.set(spec.rowOrder());
        labels.set(spec.labels() != LabelPosition.NONE);
        applying = false;
        renderGrid();
    }

    /** Sets the sliders from the anchor kind: zeros, a prior sample, or the chosen example's mean. */
    public void resetAnchor() {
        if (model == null) {
            return;
        }
        int d = latents.size();
        float[] v = switch (anchorKind.get()) {
            case PRIOR -> new float[d];
            case RANDOM -> new TraversalAnchor.RandomPrior(randomSeed.get()).sample(d);
            case DATA -> {
                Encoded e = encoded.get();
                int k = selectedExample.get();
                yield e != null && k >= 0 && k < e.thumbnails().size() ? e.thumbnails().get(k).mean() : new float[d];
            }
        };
        applying = true;
        for (int i = 0; i < d; i++) {
            latents.get(i).set(v[i]);
        }
        applying = false;
        edited = false;
        decodeLive();
        renderGrid();
    }

    /** Sets the sliders to {@code z} (e.g. a point picked on the latent map) and redraws once. */
    public void setAnchor(float[] z) {
        if (model == null || z.length != latents.size()) {
            return;
        }
        applying = true;
        for (int i = 0; i < z.length; i++) {
            latents.get(i).set(z[i]);
        }
        applying = false;
        decodeLive();
        renderGrid();
    }

    /** The anchor as the sliders show it. */
    public float[] anchor() {
        float[] v = new float[latents.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) latents.get(i).get();
        }
        return v;
    }

    /** The grid's spec and inputs from the current settings; throws a user-facing message when they do not fit. */
    TraversalSpec spec() {
        TraversalSpec base = TraversalSpec.preset(preset.get());
        TraversalRange range = switch (rangeMode.get()) {
            case PRIOR_QUANTILE -> new TraversalRange.PriorQuantile(rangeValue.get());
            case ABSOLUTE -> new TraversalRange.Absolute(rangeValue.get());
            case POSTERIOR -> new TraversalRange.Posterior(rangeValue.get());
            case DATA_RANGE -> new TraversalRange.DataRange();
        };
        float[] a = anchor();
        boolean zero = true;
        for (float f : a) {
            zero &= f == 0f;
        }
        TraversalAnchor anchor = zero && rangeMode.get() != RangeMode.POSTERIOR ? new TraversalAnchor.PriorMean()
                : new TraversalAnchor.DataIndex(Math.max(0, selectedExample.get()));
        // the anchor first: a posterior range is only valid with a data anchor, and each step validates the spec
        return base.withAnchor(anchor).withRange(range).withSteps(steps.get()).withRowOrder(rowOrder.get())
                .withLabels(labels.get() ? LabelPosition.RIGHT : LabelPosition.NONE);
    }

    private TraversalInputs inputs() {
        Encoded e = encoded.get();
        float[] a = anchor();
        float[] logvar = new float[a.length];
        if (anchorKind.get() == AnchorKind.DATA && e != null && selectedExample.get() >= 0) {
            logvar = e.thumbnails().get(selectedExample.get()).logVariance();
        }
        TraversalInputs in = TraversalInputs.none().withAnchorPosterior(new Posterior(a, logvar));
        if (e != null) {
            in = in.withSample(e.sample()).withScores(e.klPerDimension(), "KL");
        }
        return in;
    }

    /** Re-renders the grid in the background (stale requests are dropped). */
    public void renderGrid() {
        if (model == null || applying) {
            return;
        }
        TraversalSpec spec;
        TraversalInputs in;
        String cannot = cannotApply();
        if (cannot != null) {
            grid.set(null); // never a grid that the caption does not describe
            status.set(cannot);
            return;
        }
        try {
            spec = spec();
            in = inputs();
            if ((spec.rowOrder() == RowOrder.SCORE_DESCENDING || spec.range() instanceof TraversalRange.DataRange)
                    && encoded.get() == null) {
                status.set(model.sample() == null
                        ? "rows by score and the data range need a data sample, and no data set fits this model"
                        : "waiting for the encoded data sample …");
                return;
            }
        } catch (RuntimeException ex) {
            grid.set(null);
            status.set(ex.getMessage());
            return;
        }
        LoadedModel m = model;
        String caption = describe(spec);
        runner.submit("grid", () -> TraversalGrid.render(spec, codec(), in), g -> {
            if (model == m) {
                grid.set(g);
                gridsRendered.set(gridsRendered.get() + 1);
                status.set(String.format(Locale.ROOT, "%d rows × %d columns: %s", g.rows(), g.columns(), caption));
            }
        }, t -> {
            if (model == m) {
                grid.set(null);
                status.set("could not draw the grid: " + t.getMessage());
            }
        });
    }

    /** Why the current settings cannot give a grid, in the form's words; null when they can. */
    String cannotApply() {
        if (rangeMode.get() == RangeMode.POSTERIOR && !dataAnchor()) {
            return model != null && model.sample() == null
                    ? "μ ± k·σ needs a data example, and no data set fits this model: choose another range"
                    : "μ ± k·σ moves around a data example's encoding: pick an example from the strip below";
        }
        return null;
    }

    /** Whether the anchor is a picked data example whose encoding is known. */
    private boolean dataAnchor() {
        Encoded e = encoded.get();
        return anchorKind.get() == AnchorKind.DATA && e != null && selectedExample.get() >= 0
                && selectedExample.get() < e.thumbnails().size();
    }

    /** The caption of a grid, in words: its range, anchor and row order. */
    String describe(TraversalSpec s) {
        String range;
        if (s.range() instanceof TraversalRange.PriorQuantile q) {
            range = String.format(Locale.ROOT, "prior range, half-mass q = %s (z from −%.3f to +%.3f)", plain(q.q()),
                    q.halfWidth(), q.halfWidth());
        } else if (s.range() instanceof TraversalRange.Absolute a) {
            range = String.format(Locale.ROOT, "z from −%s to +%s", plain(a.halfWidth()), plain(a.halfWidth()));
        } else if (s.range() instanceof TraversalRange.Posterior p) {
            range = "μ ± " + plain(p.k()) + "·σ of the example";
        } else {
            range = "from the smallest to the largest encoded mean of the data sample";
        }
        String anchor = switch (anchorKind.get()) {
            case PRIOR -> anchorEdited() ? "anchor: edited sliders" : "anchor: prior mean (all z = 0)";
            case RANDOM -> anchorEdited() ? "anchor: edited sliders" : "anchor: random draw from the prior";
            case DATA -> dataAnchor() ? "anchor: data example #" + encoded.get().indices()[selectedExample.get()]
                    + (anchorEdited() ? " (sliders edited)" : "") : "anchor: sliders";
        };
        String order = s.rowOrder() == RowOrder.SCORE_DESCENDING ? "rows by KL(q‖p), largest first" : "rows in latent order";
        return range + "; " + anchor + "; " + order;
    }

    /** Whether the sliders were moved away from the anchor that the anchor kind gives. */
    private boolean anchorEdited() {
        return edited;
    }

    /** A number as typed: 0.475 stays 0.475, 2.0 reads 2. */
    static String plain(double v) {
        java.math.BigDecimal b = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    /** Decodes the anchor alone for the live view. */
    public void decodeLive() {
        if (model == null) {
            return;
        }
        float[] z = anchor();
        LoadedModel m = model;
        runner.submit("live", () -> {
            LoadedModel.Codec c = codec();
            return new Tile(c.decode(z, 1), c.channels(), c.imageHeight(), c.imageWidth());
        }, t -> {
            if (model == m) {
                live.set(t);
            }
        }, t -> status.set(t.getMessage()));
    }

    private void renderInterpolation() {
        Encoded e = encoded.get();
        int a = interpolationFrom.get();
        int b = interpolationTo.get();
        if (model == null || e == null || a < 0 || b < 0) {
            return;
        }
        float[] from = e.thumbnails().get(a).mean();
        float[] to = e.thumbnails().get(b).mean();
        InterpolationSpec spec = InterpolationSpec.of(interpolationMethod.get(), 10);
        LoadedModel m = model;
        runner.submit("interpolation", () -> Interpolation.render(codec(), from, to, spec), g -> {
            if (model == m) {
                interpolation.set(g);
            }
        }, t -> status.set(t.getMessage()));
    }

    /** The settings recorded in exported files (read on the FX thread). */
    String exportSettings() {
        return "app traverse; preset=" + preset.get() + " range=" + rangeMode.get().name() + ":" + rangeValue.get()
                + " steps=" + steps.get() + " order=" + rowOrder.get() + " anchor=" + anchorKind.get().name()
                + (selectedExample.get() >= 0 && encoded.get() != null
                    ? "#" + encoded.get().indices()[selectedExample.get()] : "");
    }

    /**
     * The provenance of an exported file ({@link ExportMetadata}): the settings, the model's identity with the SHA-256
     * of its file (when it has one) and the environment. Reads the model file: call it in the background.
     */
    static Map<String, String> exportText(String settings, LoadedModel m) {
        String identity = m == null ? null
                : m.file() != null && Files.isRegularFile(m.file()) ? ModelIdentity.of(m.file(), m.model())
                : ModelIdentity.unsaved(m.model());
        return ExportMetadata.of(settings, identity, Environments.current());
    }

    /** Writes the grid as PNG (with the settings as text) or as a GIF of its columns; runs in the background. */
    public void export(Path file, Runnable done, java.util.function.Consumer<Throwable> failed) {
        GridImage g = grid.get();
        if (g == null) {
            failed.accept(new IllegalStateException("no grid to export yet"));
            return;
        }
        String settings = exportSettings();
        LoadedModel m = model;
        boolean gif = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif");
        runner.runOnce("export", () -> {
            Map<String, String> text = ExportMetadata.withColumnValues(exportText(settings, m), g);
            if (gif) {
                GifExport.writeTraversalColumns(file, g, 200, text);
            } else {
                PngExport.write(g.toAnnotatedImage(), file, text);
            }
            return file;
        }, f -> {
            status.set("exported " + f);
            done.run();
        }, failed::accept);
    }

    public ObservableList<DoubleProperty> latents() {
        return latents;
    }

    public ObjectProperty<GridImage> gridProperty() {
        return grid;
    }

    public ObjectProperty<Tile> liveProperty() {
        return live;
    }

    public ObjectProperty<GridImage> interpolationProperty() {
        return interpolation;
    }

    public ObjectProperty<Encoded> encodedProperty() {
        return encoded;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public IntegerProperty gridsRenderedProperty() {
        return gridsRendered;
    }

    /** The names of the presets, for the picker. */
    public static List<String> presets() {
        return new ArrayList<>(TraversalSpec.PRESETS);
    }
}
