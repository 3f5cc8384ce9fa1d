package org.latentexplorer.render.traversal;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a latent traversal grid shows: one row per traversed dimension, {@code steps} columns over
 * the {@link TraversalRange}, every other dimension held at the {@link TraversalAnchor}.
 * The grid is laid out like {@code torchvision.utils.make_grid(nrow=steps, padding, pad_value=1−background)}.
 *
 * @param range             how far each dimension moves
 * @param steps             columns per row, at least 2
 * @param direction         column order (the paper: descending, +c on the left)
 * @param dimensions        the traversed dimensions; empty means every dimension
 * @param anchor            the values of the non-traversed dimensions
 * @param rowOrder          row order; {@link RowOrder#SCORE_DESCENDING} needs scores at render time
 * @param labels            whether and where row labels are drawn ({@link LabelPosition#NONE}: pixel-exact grid)
 * @param padding           pixels between tiles and around the grid (paper: 2)
 * @param background        the data set's background intensity in [0, 1]; padding is drawn at 1 − background
 * @param inactiveThreshold a dimension whose score is below this (nats) is flagged inactive (default 0.01)
 */
public record TraversalSpec(TraversalRange range, int steps, TraversalDirection direction, List<Integer> dimensions,
                            TraversalAnchor anchor, RowOrder rowOrder, LabelPosition labels, int padding,
                            double background, double inactiveThreshold) {

    /** The paper's half-mass: {@code max_traversal = 0.475}, i.e. ±Φ⁻¹(0.975). */
    public static final double PAPER_MAX_TRAVERSAL = 0.475;
    /** Scores below this many nats flag a dimension as inactive. */
    public static final double DEFAULT_INACTIVE_THRESHOLD = 0.01;
    /** Largest accepted column count. */
    public static final int MAX_STEPS = 1000;

    public TraversalSpec {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(rowOrder, "rowOrder");
        Objects.requireNonNull(labels, "labels");
        if (steps < 2 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("traversal steps must be between 2 and " + MAX_STEPS + ", got " + steps);
        }
        dimensions = List.copyOf(Objects.requireNonNull(dimensions, "dimensions"));
        Set<Integer> seen = new HashSet<>();
        for (int d : dimensions) {
            if (d < 0) {
                throw new IllegalArgumentException("latent dimension indices must be non-negative, got " + d);
            }
            if (!seen.add(d)) {
                throw new IllegalArgumentException("latent dimension " + d + " is listed twice");
            }
        }
        if (padding < 0 || padding > 64) {
            throw new IllegalArgumentException("grid padding must be between 0 and 64 pixels, got " + padding);
        }
        if (!(background >= 0 && background <= 1)) {
            throw new IllegalArgumentException("background intensity must lie in [0, 1], got " + background);
        }
        if (!(inactiveThreshold >= 0) || !Double.isFinite(inactiveThreshold)) {
            throw new IllegalArgumentException("inactive threshold must be a non-negative finite number, got " + inactiveThreshold);
        }
        if (range instanceof TraversalRange.Posterior && !(anchor instanceof TraversalAnchor.DataIndex)) {
            throw new IllegalArgumentException("a posterior traversal range (mu ± k·sigma) needs a data anchor, got " + anchor);
        }
    }

    /**
     * The paper's grid (§6, Figs 14–16): prior traversal of every dimension in index order, others at 0,
     * 10 columns {@code torch.linspace(1.959964, −1.959964, 10)}, padding 2, no labels, black background
     * (white padding). Use {@link #withBackground(double) withBackground(1)} for Chairs.
     */
    public static TraversalSpec paper() {
        return new TraversalSpec(new TraversalRange.PriorQuantile(PAPER_MAX_TRAVERSAL), 10, TraversalDirection.DESCENDING,
                List.of(), new TraversalAnchor.PriorMean(), RowOrder.INDEX, LabelPosition.NONE, 2, 0.0,
                DEFAULT_INACTIVE_THRESHOLD);
    }

    /**
     * YannDubs/disentangling-vae's defaults: [−2, 2] ascending, 7 columns, prior mean anchor, rows sorted
     * by a score (mean KL(q‖p) per dimension) with the value printed to the right of each row.
     */
    public static TraversalSpec disentanglingVae() {
        return new TraversalSpec(new TraversalRange.Absolute(2), 7, TraversalDirection.ASCENDING, List.of(),
                new TraversalAnchor.PriorMean(), RowOrder.SCORE_DESCENDING, LabelPosition.RIGHT, 2, 0.0,
                DEFAULT_INACTIVE_THRESHOLD);
    }

    /** 1Konny/Beta-VAE's traversal values: [−3, 3] ascending in 10 columns (−3, −2.33, …, 3), prior mean anchor. */
    public static TraversalSpec betaVae() {
        return new TraversalSpec(new TraversalRange.Absolute(3), 10, TraversalDirection.ASCENDING, List.of(),
                new TraversalAnchor.PriorMean(), RowOrder.INDEX, LabelPosition.NONE, 2, 0.0, DEFAULT_INACTIVE_THRESHOLD);
    }

    /** disentanglement_lib's static traversal: [−1, 1] ascending in 11 columns, prior mean anchor. */
    public static TraversalSpec dlib() {
        return new TraversalSpec(new TraversalRange.Absolute(1), 11, TraversalDirection.ASCENDING, List.of(),
                new TraversalAnchor.PriorMean(), RowOrder.INDEX, LabelPosition.NONE, 2, 0.0, DEFAULT_INACTIVE_THRESHOLD);
    }

    /** The named preset: {@code paper}, {@code disentangling-vae}, {@code beta-vae} or {@code dlib}. */
    public static TraversalSpec preset(String name) {
        return switch (Objects.requireNonNull(name, "preset name")) {
            case "paper" -> paper();
            case "disentangling-vae" -> disentanglingVae();
            case "beta-vae" -> betaVae();
            case "dlib" -> dlib();
            default -> throw new org.latentexplorer.common.UserInputException("unknown traversal preset '" + name
                    + "'; expected one of " + PRESETS);
        };
    }

    /** The preset names accepted by {@link #preset(String)}. */
    public static final List<String> PRESETS = List.of("paper", "disentangling-vae", "beta-vae", "dlib");

    /** Padding intensity, 1 − background. */
    public float padValue() {
        return (float) (1.0 - background);
    }

    public TraversalSpec withRange(TraversalRange r) {
        return new TraversalSpec(r, steps, direction, dimensions, anchor, rowOrder, labels, padding, background, inactiveThreshold);
    }

    public TraversalSpec withSteps(int s) {
        return new TraversalSpec(range, s, direction, dimensions, anchor, rowOrder, labels, padding, background, inactiveThreshold);
    }

    public TraversalSpec withDimensions(List<Integer> dims) {
        return new TraversalSpec(range, steps, direction, dims, anchor, rowOrder, labels, padding, background, inactiveThreshold);
    }

    public TraversalSpec withAnchor(TraversalAnchor a) {
        return new TraversalSpec(range, steps, direction, dimensions, a, rowOrder, labels, padding, background, inactiveThreshold);
    }

    public TraversalSpec withRowOrder(RowOrder o) {
        return new TraversalSpec(range, steps, direction, dimensions, anchor, o, labels, padding, background, inactiveThreshold);
    }

    public TraversalSpec withLabels(LabelPosition l) {
        return new TraversalSpec(range, steps, direction, dimensions, anchor, rowOrder, l, padding, background, inactiveThreshold);
    }

    public TraversalSpec withPadding(int p) {
        return new TraversalSpec(range, steps, direction, dimensions, anchor, rowOrder, labels, p, background, inactiveThreshold);
    }

    public TraversalSpec withBackground(double b) {
        return new TraversalSpec(range, steps, direction, dimensions, anchor, rowOrder, labels, padding, b, inactiveThreshold);
    }

    public TraversalSpec withInactiveThreshold(double t) {
        return new TraversalSpec(range, steps, direction, dimensions, anchor, rowOrder, labels, padding, background, t);
    }
}
