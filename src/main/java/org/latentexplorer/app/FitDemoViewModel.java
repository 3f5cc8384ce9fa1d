package org.latentexplorer.app;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentexplorer.divergence.FitForm;
import org.latentexplorer.divergence.FitObjective;
import org.latentexplorer.teaching.FitDemo;
import org.latentexplorer.teaching.FitDemoData;
import org.latentexplorer.teaching.FitDemoFigure;
import org.latentexplorer.teaching.FitDemoSettings;
import org.latentexplorer.teaching.GaussianFitter;

/**
 * The Fig 2 view's state: the mixture settings (K, seed, α, form) or the points drawn by clicking, and the six
 * fits, optimised in the background in chunks of {@link #CHUNK} Adam steps so the page (drawn off the FX thread
 * by {@link FitDemoFigure}) updates while they converge. Changing α refits only the two skew objectives, from
 * the start; anything else refits all six. {@link #cancel()} stops after the current step.
 * <p>
 * All methods run on the FX thread (or the test thread with {@link TaskRunner#sameThread()}).
 */
public final class FitDemoViewModel {
    /** Adam steps between page updates. */
    static final int CHUNK = 20;

    public final DoubleProperty alpha = new SimpleDoubleProperty(FitDemoSettings.paper().alpha());
    public final IntegerProperty components = new SimpleIntegerProperty(FitDemoSettings.paper().components());
    public final IntegerProperty seed = new SimpleIntegerProperty((int) FitDemoSettings.paper().seed());
    public final IntegerProperty points = new SimpleIntegerProperty(FitDemoSettings.paper().points());
    public final IntegerProperty steps = new SimpleIntegerProperty(FitDemoSettings.paper().steps());
    public final ObjectProperty<FitForm> form = new SimpleObjectProperty<>(FitForm.TEXTBOOK);
    /** When on, a click on a panel adds a data point instead of using the mixture. */
    public final BooleanProperty drawing = new SimpleBooleanProperty(false);

    private final ObjectProperty<BufferedImage> page = new SimpleObjectProperty<>();
    private final ObjectProperty<GaussianFitter.Frame> frame = new SimpleObjectProperty<>();
    private final ObjectProperty<FitDemoFigure.Layout> layout = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final TaskRunner runner;
    private final List<double[]> drawn = new ArrayList<>();
    private final Map<FitObjective, GaussianFitter.Fit> fits = new EnumMap<>(FitObjective.class);
    /** The objectives whose fits ran to the end on the current data (the others are refitted with any change). */
    private final java.util.Set<FitObjective> finished = java.util.EnumSet.noneOf(FitObjective.class);
    private FitDemoData data;
    private FitDemoSettings dataSettings;
    private boolean dataDrawn;
    private volatile FitDemoFigure.Scatter scatter;
    private AtomicBoolean cancel = new AtomicBoolean();
    private int generation;
    private boolean active;
    private int width = 1200;
    private int height = 860;

    public FitDemoViewModel(TaskRunner runner) {
        this.runner = runner;
        alpha.addListener(o -> {
            if (active) {
                refit(List.of(FitObjective.SKEW_GJS, FitObjective.DUAL_SKEW_GJS));
            }
        });
        InvalidationRevalidate.on(() -> {
            if (active) {
                refitAll();
            }
        }, components, seed, points, steps, form, drawing);
    }

    /** The settings the controls describe now. */
    FitDemoSettings settings() {
        return FitDemoSettings.paper().withComponents(components.get()).withSeed(seed.get()).withPoints(points.get())
                .withSteps(steps.get()).withAlpha(alpha.get()).withForm(form.get());
    }

    /** The page size to draw (the view's size); redraws the current fits. */
    public void resize(int w, int h) {
        if (w < 200 || h < 200 || (w == width && h == height)) {
            return;
        }
        width = w;
        height = h;
        if (frame.get() != null && data != null) {
            GaussianFitter.Frame f = frame.get();
            FitDemoData d = data;
            FitDemoSettings s = settings();
            int gen = generation;
            runner.submit("redraw", () -> draw(d, s, f, w, h), r -> {
                if (gen == generation || !running.get()) {
                    show(r);
                }
            }, t -> status.set("could not draw: " + t.getMessage()));
        }
    }

    /** Starts (or restarts) all six fits; from then on every change of a control refits. */
    public void refitAll() {
        active = true;
        fits.clear();
        finished.clear();
        refit(List.of(FitObjective.values()));
    }

    private void refit(List<FitObjective> asked) {
        // an objective whose fit never finished (a run cut short by this change) is refitted too
        List<FitObjective> which = new ArrayList<>();
        for (FitObjective o : FitObjective.values()) {
            if (asked.contains(o) || !finished.contains(o)) {
                which.add(o);
            }
        }
        finished.removeAll(which);
        FitDemoSettings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        cancel.set(true);
        AtomicBoolean mine = new AtomicBoolean();
        cancel = mine;
        int gen = ++generation;
        boolean useDrawn = drawing.get();
        List<double[]> points = List.copyOf(drawn);
        if (useDrawn && points.isEmpty()) {
            data = null;
            fits.clear();
            frame.set(null);
            running.set(false);
            FitDemoFigure.Layout l = FitDemoFigure.layout(width, height, FitObjective.values().length, s.areaLo(), s.areaHi());
            show(new Drawn(l, FitDemoFigure.empty(l, "Click in any panel to add data points; the six fits restart with each point.")));
            status.set("Click on a panel to add points; every fit restarts with each point.");
            return;
        }
        if (useDrawn) {
            // drawn data: the fits start at the points' mean with σ = 1
            double mx = 0;
            double my = 0;
            for (double[] pt : points) {
                mx += pt[0] / points.size();
                my += pt[1] / points.size();
            }
            s = s.withStart(new org.latentexplorer.divergence.IsotropicGaussian2d(mx, my, 0));
        }
        FitDemoSettings fs = s;
        FitDemoData known = !dataDrawn && dataSettings != null && dataSettings.components() == s.components()
                && dataSettings.seed() == s.seed() && dataSettings.points() == s.points() ? data : null;
        Map<FitObjective, GaussianFitter.Fit> others = new EnumMap<>(fits);
        which.forEach(others::remove);
        List<FitObjective> fitted = List.copyOf(which);
        int w = width;
        int h = height;
        running.set(true);
        status.set(useDrawn ? "fitting " + points.size() + " drawn points …" : "drawing " + fs.points() + " points and fitting …");
        runner.submit("fit", () -> {
            // the data and the first chunk; later chunks continue the same fitter
            FitDemoData d = useDrawn ? drawnData(points) : known != null ? known : FitDemoData.generate(fs);
            GaussianFitter fitter = new GaussianFitter(d, fs, which);
            return chunk(d, fs, fitter, others, mine, w, h);
        }, r -> accept(r, gen, fs, useDrawn, mine, others, fitted), this::failed);
    }

    private static FitDemoData drawnData(List<double[]> points) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(i)[0];
            ys[i] = points.get(i)[1];
        }
        return FitDemoData.drawn(xs, ys);
    }

    /** One chunk's result: the fitter (to continue), the merged frame and its page. */
    private record Chunk(FitDemoData data, GaussianFitter fitter, GaussianFitter.Frame frame, FitDemoFigure.Layout layout,
                         BufferedImage image) {
    }

    private record Drawn(FitDemoFigure.Layout layout, BufferedImage image) {
    }

    private Chunk chunk(FitDemoData d, FitDemoSettings s, GaussianFitter fitter, Map<FitObjective, GaussianFitter.Fit> others,
                        AtomicBoolean stop, int w, int h) {
        GaussianFitter.Frame own = fitter.advance(CHUNK, stop::get);
        List<GaussianFitter.Fit> all = new ArrayList<>();
        for (FitObjective o : FitObjective.values()) {
            GaussianFitter.Fit f = others.get(o);
            if (f == null) {
                for (GaussianFitter.Fit x : own.fits()) {
                    if (x.objective() == o) {
                        f = x;
                    }
                }
            }
            if (f != null) {
                all.add(f);
            }
        }
        GaussianFitter.Frame merged = new GaussianFitter.Frame(own.step(), own.steps(), own.form(), own.alpha(), all);
        Drawn page = draw(d, s, merged, w, h);
        return new Chunk(d, fitter, merged, page.layout(), page.image());
    }

    private Drawn draw(FitDemoData d, FitDemoSettings s, GaussianFitter.Frame f, int w, int h) {
        FitDemoFigure.Layout l = FitDemoFigure.layout(w, h, FitObjective.values().length, s.areaLo(), s.areaHi());
        FitDemoFigure.Scatter sc = scatter;
        if (sc == null || sc.data() != d || sc.size() != l.plotSize()) {
            sc = FitDemoFigure.scatter(d, l.plotSize(), s.areaLo(), s.areaHi());
            scatter = sc;
        }
        return new Drawn(l, FitDemoFigure.image(l, sc, f, FitDemo.footer(d, s, f)));
    }

    private void accept(Chunk r, int gen, FitDemoSettings s, boolean drawnData, AtomicBoolean stop,
                        Map<FitObjective, GaussianFitter.Fit> others, List<FitObjective> fitted) {
        if (gen != generation) {
            return;
        }
        if (data != r.data()) {
            data = r.data();
            dataSettings = s;
            dataDrawn = drawnData;
        }
        for (GaussianFitter.Fit f : r.frame().fits()) {
            fits.put(f.objective(), f);
        }
        frame.set(r.frame());
        show(new Drawn(r.layout(), r.image()));
        if (r.frame().done() || stop.get()) {
            if (!stop.get()) {
                finished.addAll(fitted);
            }
            running.set(false);
            status.set(stop.get() ? "stopped at step " + r.frame().step() : String.format(java.util.Locale.ROOT,
                    "converged: %d Adam steps on %s", r.frame().steps(), r.data().description()));
            return;
        }
        status.set("step " + r.frame().step() + " of " + r.frame().steps() + " …");
        int w = width;
        int h = height;
        runner.submit("fit", () -> chunk(r.data(), s, r.fitter(), others, stop, w, h), next -> accept(next, gen, s, drawnData, stop, others, fitted),
                this::failed);
    }

    private void show(Drawn d) {
        layout.set(d.layout());
        page.set(d.image());
    }

    private void failed(Throwable t) {
        running.set(false);
        status.set("fit failed: " + t.getMessage());
    }

    /** Stops the running fits after their current step. */
    public void cancel() {
        cancel.set(true);
    }

    /**
     * A click at page pixel (px, py): in drawing mode, adds the data point under it (when it is on a panel) and
     * refits. Returns whether a point was added.
     */
    public boolean click(double px, double py) {
        if (!drawing.get()) {
            return false;
        }
        FitDemoFigure.Layout at = layout.get() != null ? layout.get() : FitDemoFigure.layout(width, height,
                FitObjective.values().length, FitDemoSettings.paper().areaLo(), FitDemoSettings.paper().areaHi());
        int panel = at.panelAt(px, py);
        if (panel < 0) {
            return false;
        }
        drawn.add(at.toData(panel, px, py));
        refitAll();
        return true;
    }

    /** Removes the drawn points. */
    public void clearDrawn() {
        drawn.clear();
        if (drawing.get()) {
            refitAll();
        }
    }

    public int drawnPoints() {
        return drawn.size();
    }

    /** Writes the current figure at 1200×860 (PNG or SVG by extension) in the background. */
    public void export(Path file, Runnable done, java.util.function.Consumer<Throwable> failed) {
        GaussianFitter.Frame f = frame.get();
        FitDemoData d = data;
        if (f == null || d == null) {
            failed.accept(new IllegalStateException("nothing to export yet: no fit has been drawn"));
            return;
        }
        FitDemoSettings s = settings();
        String source = drawing.get() ? d.description() : s.describe();
        runner.submit("export", () -> {
            FitDemoFigure.Layout l = FitDemoFigure.layout(1200, 860, f.fits().size(), s.areaLo(), s.areaHi());
            FitDemoFigure.write(file, l, FitDemoFigure.scatter(d, l.plotSize(), s.areaLo(), s.areaHi()), f,
                    FitDemo.footer(d, s, f), org.latentexplorer.render.export.ExportMetadata.of("Fig 2 view; " + source, null,
                            org.latentexplorer.backend.Environments.withoutNd4j()));
            return file;
        }, x -> done.run(), failed::accept);
    }

    public ObjectProperty<BufferedImage> pageProperty() {
        return page;
    }

    public ObjectProperty<GaussianFitter.Frame> frameProperty() {
        return frame;
    }

    public ObjectProperty<FitDemoFigure.Layout> layoutProperty() {
        return layout;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
