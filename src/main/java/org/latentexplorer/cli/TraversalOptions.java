package org.latentexplorer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.render.traversal.LabelPosition;
import org.latentexplorer.render.traversal.RowOrder;
import org.latentexplorer.render.traversal.TraversalAnchor;
import org.latentexplorer.render.traversal.TraversalDirection;
import org.latentexplorer.render.traversal.TraversalRange;
import org.latentexplorer.render.traversal.TraversalSpec;

/**
 * Turns {@code traverse}'s option strings into a {@link TraversalSpec}: start from the preset, then every
 * option given overrides it. Every bad value becomes a {@link UserInputException} naming the option.
 */
final class TraversalOptions {
    static final List<String> MODES = List.of("absolute", "prior-quantile", "posterior", "data-range");
    static final List<String> ORDERS = List.of("index", "listed", "kl", "divergence");
    static final List<String> DIRECTIONS = List.of("descending", "ascending");
    static final List<String> LABELS = List.of("none", "left", "right");

    /** Default --range per mode when the preset has another mode. */
    static final double DEFAULT_ABSOLUTE = 2.0;
    static final double DEFAULT_PRIOR_MASS = 0.95;
    static final double DEFAULT_POSTERIOR_K = 2.0;

    /** What score rows are sorted by. */
    enum Score { NONE, KL, DIVERGENCE }

    /**
     * The resolved settings.
     *
     * @param score which per-dimension score the rows need ({@link Score#NONE} unless sorted by score)
     */
    record Resolved(TraversalSpec spec, Score score) {
        /** Whether rendering needs an encoded data sample or an encoded anchor. */
        boolean needsData() {
            return score != Score.NONE || spec.anchor() instanceof TraversalAnchor.DataIndex
                    || spec.range() instanceof TraversalRange.DataRange;
        }

        /** Why data is needed, for the message when --dataset is missing. */
        String whyDataIsNeeded() {
            List<String> reasons = new ArrayList<>();
            if (spec.anchor() instanceof TraversalAnchor.DataIndex d) {
                reasons.add("the anchor index:" + d.index() + " is encoded from the data set");
            }
            if (spec.range() instanceof TraversalRange.DataRange) {
                reasons.add("--mode data-range spans the encoded means of a data sample");
            }
            if (score != Score.NONE) {
                reasons.add("rows ordered by " + score.name().toLowerCase(Locale.ROOT) + " need per-dimension scores on a data sample");
            }
            return String.join("; ", reasons);
        }
    }

    private TraversalOptions() {
    }

    /** Options left null keep the preset's value. */
    static Resolved resolve(String preset, String mode, Double range, Integer steps, String dims, String anchor,
                            String order, String direction, String labels, double background) {
        TraversalSpec base = TraversalSpec.preset(Values.choice("--preset", preset, TraversalSpec.PRESETS));
        TraversalRange r = range(base.range(), mode, range);
        TraversalAnchor a = anchor == null ? base.anchor() : anchor(anchor);
        if (r instanceof TraversalRange.Posterior && !(a instanceof TraversalAnchor.DataIndex)) {
            throw new UserInputException("--mode posterior traverses mu ± k·sigma of an encoded example: give --anchor index:I"
                    + " and --dataset SPEC");
        }
        Score score = Score.NONE;
        RowOrder rowOrder = base.rowOrder();
        if (order != null) {
            switch (Values.choice("--order", order, ORDERS)) {
                case "index" -> rowOrder = RowOrder.INDEX;
                case "listed" -> rowOrder = RowOrder.AS_LISTED;
                case "kl" -> {
                    rowOrder = RowOrder.SCORE_DESCENDING;
                    score = Score.KL;
                }
                default -> {
                    rowOrder = RowOrder.SCORE_DESCENDING;
                    score = Score.DIVERGENCE;
                }
            }
        } else if (rowOrder == RowOrder.SCORE_DESCENDING) {
            score = Score.KL;
        }
        LabelPosition labelPosition = base.labels();
        if (labels != null) {
            labelPosition = LabelPosition.valueOf(Values.choice("--labels", labels, LABELS).toUpperCase(Locale.ROOT));
        } else if (score != Score.NONE && labelPosition == LabelPosition.NONE) {
            labelPosition = LabelPosition.RIGHT;
        }
        TraversalDirection dir = direction == null ? base.direction()
                : TraversalDirection.valueOf(Values.choice("--direction", direction, DIRECTIONS).toUpperCase(Locale.ROOT));
        List<Integer> dimensions = dims == null ? base.dimensions() : dimensions(dims);
        int columns = steps == null ? base.steps() : steps;
        TraversalRange finalRange = r;
        TraversalAnchor finalAnchor = a;
        RowOrder finalOrder = rowOrder;
        LabelPosition finalLabels = labelPosition;
        TraversalSpec spec = Values.checked("traversal settings", () -> new TraversalSpec(finalRange, columns, dir, dimensions,
                finalAnchor, finalOrder, finalLabels, base.padding(), background, base.inactiveThreshold()));
        return new Resolved(spec, score);
    }

    private static TraversalRange range(TraversalRange preset, String mode, Double value) {
        String m = mode == null ? modeOf(preset) : Values.choice("--mode", mode, MODES);
        boolean sameMode = m.equals(modeOf(preset));
        return switch (m) {
            case "absolute" -> Values.checked("--range", () -> new TraversalRange.Absolute(value != null ? value
                    : sameMode ? ((TraversalRange.Absolute) preset).halfWidth() : DEFAULT_ABSOLUTE));
            case "prior-quantile" -> {
                if (value != null && !(value > 0 && value < 1)) {
                    throw new UserInputException("--range: with --mode prior-quantile it is the central prior probability mass,"
                            + " in (0, 1) (0.95 gives ±1.96), got " + value);
                }
                double q = value != null ? value / 2 : sameMode ? ((TraversalRange.PriorQuantile) preset).q() : DEFAULT_PRIOR_MASS / 2;
                yield Values.checked("--range", () -> new TraversalRange.PriorQuantile(q));
            }
            case "posterior" -> Values.checked("--range", () -> new TraversalRange.Posterior(value != null ? value : DEFAULT_POSTERIOR_K));
            default -> {
                if (value != null) {
                    throw new UserInputException("--range does not apply to --mode data-range (it spans the min to max encoded mean)");
                }
                yield new TraversalRange.DataRange();
            }
        };
    }

    static String modeOf(TraversalRange range) {
        if (range instanceof TraversalRange.Absolute) {
            return "absolute";
        }
        if (range instanceof TraversalRange.PriorQuantile) {
            return "prior-quantile";
        }
        if (range instanceof TraversalRange.Posterior) {
            return "posterior";
        }
        return "data-range";
    }

    static TraversalAnchor anchor(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("prior")) {
            return new TraversalAnchor.PriorMean();
        }
        try {
            if (t.startsWith("index:")) {
                int i = Integer.parseInt(t.substring("index:".length()).trim());
                return Values.checked("--anchor", () -> new TraversalAnchor.DataIndex(i));
            }
            if (t.startsWith("random:")) {
                return new TraversalAnchor.RandomPrior(Long.parseLong(t.substring("random:".length()).trim()));
            }
        } catch (NumberFormatException e) {
            throw new UserInputException("--anchor: '" + text + "' does not end in a whole number; expected prior, index:I or random:SEED");
        }
        throw new UserInputException("--anchor: '" + text + "' is not prior, index:I or random:SEED");
    }

    static List<Integer> dimensions(String csv) {
        int[] parsed = Values.indices("--dims", csv);
        if (parsed.length == 0) {
            throw new UserInputException("--dims needs at least one latent dimension index, e.g. 0,3,5");
        }
        List<Integer> out = new ArrayList<>();
        for (int d : parsed) {
            out.add(d);
        }
        return out;
    }

    /** A one-line description of a spec for image metadata and output. */
    static String describe(String preset, TraversalSpec s, Score score) {
        String range;
        if (s.range() instanceof TraversalRange.Absolute a) {
            range = "absolute ±" + a.halfWidth();
        } else if (s.range() instanceof TraversalRange.PriorQuantile q) {
            range = String.format(Locale.ROOT, "prior-quantile q=%s (±%.6f)", q.q(), q.halfWidth());
        } else if (s.range() instanceof TraversalRange.Posterior p) {
            range = "posterior mu ± " + p.k() + "·sigma";
        } else {
            range = "data-range (min..max encoded mean)";
        }
        String anchor;
        if (s.anchor() instanceof TraversalAnchor.DataIndex d) {
            anchor = "index:" + d.index();
        } else if (s.anchor() instanceof TraversalAnchor.RandomPrior rp) {
            anchor = "random:" + rp.seed();
        } else {
            anchor = "prior";
        }
        String order = switch (s.rowOrder()) {
            case INDEX -> "index";
            case AS_LISTED -> "listed";
            case SCORE_DESCENDING -> score.name().toLowerCase(Locale.ROOT) + " (descending)";
        };
        return "preset=" + preset + "; range=" + range + "; steps=" + s.steps() + "; direction="
                + s.direction().name().toLowerCase(Locale.ROOT) + "; dims=" + (s.dimensions().isEmpty() ? "all" : s.dimensions())
                + "; anchor=" + anchor + "; order=" + order + "; labels=" + s.labels().name().toLowerCase(Locale.ROOT)
                + "; padding=" + s.padding() + "; background=" + s.background() + "; inactive-below=" + s.inactiveThreshold();
    }
}
