package org.latentexplorer.app;

import java.util.List;
import java.util.OptionalDouble;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentexplorer.common.Linspace;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.divergence.Divergences;
import org.latentexplorer.divergence.Gaussian1d;
import org.latentexplorer.evaluation.DivergenceCurves;
import org.latentexplorer.evaluation.DivergenceProfile;
import org.latentexplorer.latent.PosteriorBatch;
import org.latentexplorer.render.chart.GaussianTeaching;

/**
 * The α explorer's state: the current model's divergence-vs-α curves on a data sample (computed in
 * the background by the library), its per-dimension divergence at a chosen α, and the Fig 1 teaching
 * view of two 1-D Gaussians (computed by {@link GaussianTeaching} whenever a slider moves).
 */
public final class AlphaViewModel {
    /** Examples encoded for the curves. */
    static final int SAMPLE = 256;

    /** The per-dimension values of one divergence at one α, with the KL(q‖p) baseline per dimension. */
    public record PerDimensionView(String name, double alpha, double[] value, double[] klQp) {
    }

    public final DoubleProperty dimensionAlpha = new SimpleDoubleProperty(0.5);
    public final DoubleProperty muP = new SimpleDoubleProperty(GaussianTeaching.PAPER_P.mean());
    public final DoubleProperty sigmaP = new SimpleDoubleProperty(GaussianTeaching.PAPER_P.std());
    public final DoubleProperty muQ = new SimpleDoubleProperty(GaussianTeaching.PAPER_Q.mean());
    public final DoubleProperty sigmaQ = new SimpleDoubleProperty(GaussianTeaching.PAPER_Q.std());
    public final DoubleProperty teachingAlpha = new SimpleDoubleProperty(0.5);

    private final ObjectProperty<DivergenceCurves> curves = new SimpleObjectProperty<>();
    private final ObjectProperty<PerDimensionView> perDimension = new SimpleObjectProperty<>();
    private final ObjectProperty<GaussianTeaching.Result> teaching = new SimpleObjectProperty<>();
    private final ObjectProperty<List<GaussianTeaching.NamedValue>> teachingValues = new SimpleObjectProperty<>(List.of());
    private final StringProperty status = new SimpleStringProperty("");
    private final TaskRunner runner;
    private final java.util.function.Function<LoadedModel, LoadedModel.Codec> codecs;
    private LoadedModel model;
    private PosteriorBatch sample;

    public AlphaViewModel(TaskRunner runner) {
        this(runner, LoadedModel::codec);
    }

    /** With a seam for the codec (tests use an analytic one). */
    AlphaViewModel(TaskRunner runner, java.util.function.Function<LoadedModel, LoadedModel.Codec> codecs) {
        this.runner = runner;
        this.codecs = codecs;
        InvalidationRevalidate.on(this::updateTeaching, muP, sigmaP, muQ, sigmaQ, teachingAlpha);
        dimensionAlpha.addListener(o -> updatePerDimension());
        updateTeaching();
    }

    /** Shows a new model: encodes a sample in the background, then computes the curves. */
    public void setModel(LoadedModel m) {
        this.model = m;
        this.sample = null;
        curves.set(null);
        perDimension.set(null);
        if (m == null) {
            return;
        }
        if (m.sample() == null) {
            status.set("no data sample fits this model (" + m.manifest().provenance().dataset() + " is not available)");
            return;
        }
        if (m.manifest().divergence().kind().isSkewJs()) {
            dimensionAlpha.set(m.manifest().divergence().alpha());
        }
        status.set("encoding " + SAMPLE + " examples …");
        runner.submit("curves", () -> {
            LoadedModel.Codec codec = codecs.apply(m);
            int[] idx = Samples.spread(m.sample(), SAMPLE);
            PosteriorBatch batch = PosteriorBatch.encode(codec, Samples.read(m.sample(), idx), idx.length);
            OptionalDouble trained = m.manifest().divergence().kind().isSkewJs()
                    ? OptionalDouble.of(m.manifest().divergence().alpha()) : OptionalDouble.empty();
            return new SampleCurves(batch, DivergenceProfile.of(batch, Linspace.float64(0, 1, 51), trained));
        }, r -> {
            if (model != m) {
                return;
            }
            sample = r.sample();
            curves.set(r.curves());
            status.set(String.format(java.util.Locale.ROOT, "%s — divergences averaged over %d examples of %s",
                    Labels.model(m.manifest()), sample.size(), Labels.dataset(m.manifest().provenance().dataset())));
            updatePerDimension();
        }, t -> status.set("could not compute the curves: " + t.getMessage()));
    }

    /** The encoded sample and its curves, computed together in the background. */
    private record SampleCurves(PosteriorBatch sample, DivergenceCurves curves) {
    }

    /** The divergence whose per-dimension values are shown: the model's own (KL(q‖p) for MMD, β-VAE's β·KL). */
    DivergenceSpec perDimensionSpec() {
        DivergenceSpec own = model.manifest().divergence();
        if (!own.kind().isPerDimension()) {
            own = DivergenceSpec.of(DivergenceKind.KL_QP);
        }
        return own.withAlpha(dimensionAlpha.get());
    }

    private void updatePerDimension() {
        if (model == null || sample == null) {
            return;
        }
        PosteriorBatch s = sample;
        DivergenceSpec spec = perDimensionSpec();
        runner.submit("dimensions", () -> {
            Divergences.PerDimension own = DivergenceProfile.perDimension(s, spec);
            Divergences.PerDimension kl = DivergenceProfile.perDimension(s, DivergenceSpec.of(DivergenceKind.KL_QP));
            return new PerDimensionView(spec.kind().label(), spec.alpha(), own.value(), kl.value());
        }, perDimension::set, t -> status.set(t.getMessage()));
    }

    private void updateTeaching() {
        try {
            Gaussian1d p = new Gaussian1d(muP.get(), sigmaP.get() * sigmaP.get());
            Gaussian1d q = new Gaussian1d(muQ.get(), sigmaQ.get() * sigmaQ.get());
            double a = teachingAlpha.get();
            teaching.set(GaussianTeaching.compute(p, q, Linspace.float64(-8, 8, 400), new double[] {a}, a));
            teachingValues.set(GaussianTeaching.divergences(p, q, a));
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
        }
    }

    public ObjectProperty<DivergenceCurves> curvesProperty() {
        return curves;
    }

    public ObjectProperty<PerDimensionView> perDimensionProperty() {
        return perDimension;
    }

    public ObjectProperty<GaussianTeaching.Result> teachingProperty() {
        return teaching;
    }

    public ObjectProperty<List<GaussianTeaching.NamedValue>> teachingValuesProperty() {
        return teachingValues;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
