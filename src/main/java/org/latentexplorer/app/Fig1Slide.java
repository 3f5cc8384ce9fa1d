package org.latentexplorer.app;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentexplorer.render.chart.GaussianTeaching;

/**
 * Fig 1 for the presentation layout: the α explorer's two Gaussians, their mixture and the geometric mean G_α
 * drawn large, with the α slider and the divergences, all bound to the same {@link AlphaViewModel} properties
 * as the α explorer's teaching view.
 */
final class Fig1Slide {
    private final BorderPane root = new BorderPane();
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final Label values = new Label();

    Fig1Slide(AlphaViewModel vm, AppContext ctx) {
        JFreeChart chart = Charts.lines("Two Gaussians p and q, their mixture and the geometric mean Gα", "x", "density", data);
        Charts.style(chart, ctx.dark.get());
        ctx.dark.addListener((o, was, now) -> Charts.style(chart, now));
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("teaching-fig1-chart");
        Slider alpha = new Slider(0, 1, vm.teachingAlpha.get());
        alpha.setId("teaching-fig1-alpha");
        alpha.setTooltip(new javafx.scene.control.Tooltip("α, the skew: the geometric mean Gα ∝ p^(1−α)·q^α moves from p "
                + "at α = 0 to q at α = 1, and the divergences below change with it"));
        alpha.valueProperty().bindBidirectional(vm.teachingAlpha);
        HBox.setHgrow(alpha, Priority.ALWAYS);
        Label a = new Label();
        a.textProperty().bind(vm.teachingAlpha.asString("α = %.2f"));
        values.setId("teaching-fig1-values");
        a.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        alpha.setMinWidth(240); // the values beside it wrap, the slider keeps room to be dragged
        HBox.setHgrow(values, Priority.SOMETIMES);
        HBox controls = new HBox(16, a, alpha, values);
        controls.setPadding(new Insets(10));
        root.setCenter(viewer);
        root.setBottom(controls);
        vm.teachingProperty().addListener((o, was, now) -> show(now));
        vm.teachingValuesProperty().addListener((o, was, now) -> showValues(vm));
        show(vm.teachingProperty().get());
        showValues(vm);
    }

    private void show(GaussianTeaching.Result r) {
        if (r == null) {
            return;
        }
        data.removeAllSeries();
        data.addSeries(series("p", r.x(), r.pDensity()));
        data.addSeries(series("q", r.x(), r.qDensity()));
        data.addSeries(series("(p+q)/2", r.x(), r.mixture()));
        data.addSeries(series(String.format(Locale.ROOT, "Gα, α = %.2f", r.alphas()[0]), r.x(), r.geometric()[0]));
    }

    private void showValues(AlphaViewModel vm) {
        StringBuilder b = new StringBuilder();
        for (GaussianTeaching.NamedValue v : vm.teachingValuesProperty().get()) {
            b.append(String.format(Locale.ROOT, "%s = %.3f   ", Labels.typeset(v.name()), v.value()));
        }
        values.setText(b.toString());
        values.setWrapText(true);
    }

    private static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i], false);
        }
        return s;
    }

    Node node() {
        return root;
    }
}
