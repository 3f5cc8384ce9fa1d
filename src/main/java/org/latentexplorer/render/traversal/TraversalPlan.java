package org.latentexplorer.render.traversal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.latentexplorer.common.Linspace;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.latent.Posterior;
import org.latentexplorer.latent.PosteriorBatch;

/**
 * Every latent vector of a traversal grid, before decoding: row r traverses dimension
 * {@link #dimension(int) dimension(r)} through {@link #columnValues(int) columnValues(r)} while the
 * other dimensions keep the anchor's values. Latents are (rows·columns)×D row-major, row by row.
 */
public final class TraversalPlan {
    private final int latentSize;
    private final int columns;
    private final int[] dimensions;
    private final float[][] columnValues;
    private final float[] anchor;
    private final List<String> labels;
    private final boolean[] inactive;

    private TraversalPlan(int latentSize, int columns, int[] dimensions, float[][] columnValues, float[] anchor,
                          List<String> labels, boolean[] inactive) {
        this.latentSize = latentSize;
        this.columns = columns;
        this.dimensions = dimensions;
        this.columnValues = columnValues;
        this.anchor = anchor;
        this.labels = List.copyOf(labels);
        this.inactive = inactive;
    }

    /**
     * Resolves a spec for a latent size.
     *
     * @throws UserInputException if the spec needs an input that is absent or does not fit the latent size
     */
    public static TraversalPlan of(TraversalSpec spec, int latentSize, TraversalInputs inputs) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(inputs, "inputs");
        if (latentSize < 1) {
            throw new IllegalArgumentException("latent size must be positive, got " + latentSize);
        }
        double[] scores = inputs.scores();
        if (scores != null && scores.length != latentSize) {
            throw new UserInputException("expected one score per latent dimension (" + latentSize + "), got " + scores.length);
        }
        Posterior posterior = inputs.anchorPosterior();
        if (posterior != null && posterior.latentSize() != latentSize) {
            throw new UserInputException("the anchor posterior has " + posterior.latentSize()
                    + " dimensions but the decoder's latent size is " + latentSize);
        }
        PosteriorBatch sample = inputs.sample();
        if (sample != null && sample.latentSize() != latentSize) {
            throw new UserInputException("the encoded sample has " + sample.latentSize()
                    + " dimensions but the decoder's latent size is " + latentSize);
        }

        float[] anchor = anchorVector(spec.anchor(), latentSize, posterior);
        int[] dims = rowDimensions(spec, latentSize, scores);
        float[][] values = new float[dims.length][];
        for (int r = 0; r < dims.length; r++) {
            double[] lohi = interval(spec.range(), dims[r], posterior, sample);
            values[r] = spec.direction() == TraversalDirection.DESCENDING
                    ? Linspace.float32(lohi[1], lohi[0], spec.steps())
                    : Linspace.float32(lohi[0], lohi[1], spec.steps());
        }
        List<String> labels = new ArrayList<>();
        boolean[] inactive = new boolean[dims.length];
        for (int r = 0; r < dims.length; r++) {
            int d = dims[r];
            if (scores == null) {
                labels.add("z" + d);
            } else {
                inactive[r] = scores[d] < spec.inactiveThreshold();
                String name = inputs.scoreName().isEmpty() ? "" : inputs.scoreName() + "=";
                labels.add(String.format(Locale.ROOT, "z%d %s%.2f%s", d, name, scores[d], inactive[r] ? " (inactive)" : ""));
            }
        }
        return new TraversalPlan(latentSize, spec.steps(), dims, values, anchor, labels, inactive);
    }

    private static float[] anchorVector(TraversalAnchor anchor, int latentSize, Posterior posterior) {
        if (anchor instanceof TraversalAnchor.PriorMean) {
            return new float[latentSize];
        }
        if (anchor instanceof TraversalAnchor.RandomPrior random) {
            return random.sample(latentSize);
        }
        TraversalAnchor.DataIndex data = (TraversalAnchor.DataIndex) anchor;
        if (posterior == null) {
            throw new UserInputException("a traversal anchored at data example " + data.index()
                    + " needs that example's encoding, and none was given");
        }
        return posterior.mean();
    }

    private static int[] rowDimensions(TraversalSpec spec, int latentSize, double[] scores) {
        List<Integer> listed = new ArrayList<>(spec.dimensions());
        if (listed.isEmpty()) {
            for (int d = 0; d < latentSize; d++) {
                listed.add(d);
            }
        }
        for (int d : listed) {
            if (d >= latentSize) {
                throw new UserInputException("latent dimension " + d + " does not exist; the model has dimensions 0.."
                        + (latentSize - 1));
            }
        }
        switch (spec.rowOrder()) {
            case INDEX -> listed.sort(Comparator.naturalOrder());
            case AS_LISTED -> {
            }
            case SCORE_DESCENDING -> {
                if (scores == null) {
                    throw new UserInputException("rows sorted by score need one score per latent dimension, and none were given");
                }
                listed.sort(Comparator.<Integer>comparingDouble(d -> -scores[d]).thenComparing(Comparator.naturalOrder()));
            }
            default -> throw new IllegalStateException(spec.rowOrder().toString());
        }
        return listed.stream().mapToInt(Integer::intValue).toArray();
    }

    /** [lo, hi] for dimension d. */
    private static double[] interval(TraversalRange range, int d, Posterior posterior, PosteriorBatch sample) {
        if (range instanceof TraversalRange.Absolute a) {
            return new double[]{-a.halfWidth(), a.halfWidth()};
        }
        if (range instanceof TraversalRange.PriorQuantile q) {
            double c = q.halfWidth();
            return new double[]{-c, c};
        }
        if (range instanceof TraversalRange.Posterior p) {
            if (posterior == null) {
                throw new UserInputException("a posterior traversal range needs the anchor example's encoding, and none was given");
            }
            double mu = posterior.mean(d);
            double half = p.k() * posterior.sigma(d);
            if (!Double.isFinite(mu - half) || !Double.isFinite(mu + half)) {
                throw new UserInputException("the anchor posterior of dimension " + d + " is not finite (mean " + mu
                        + ", sigma " + posterior.sigma(d) + ")");
            }
            return new double[]{mu - half, mu + half};
        }
        if (sample == null) {
            throw new UserInputException("a data-range traversal needs an encoded data sample, and none was given");
        }
        double lo = sample.minMean(d);
        double hi = sample.maxMean(d);
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new UserInputException("the encoded means of dimension " + d + " are not finite");
        }
        return new double[]{lo, hi};
    }

    public int latentSize() {
        return latentSize;
    }

    public int rows() {
        return dimensions.length;
    }

    public int columns() {
        return columns;
    }

    /** rows·columns, the number of latent vectors (and decoded images). */
    public int count() {
        return dimensions.length * columns;
    }

    /** The latent dimension traversed in row r. */
    public int dimension(int row) {
        return dimensions[row];
    }

    public int[] dimensions() {
        return dimensions.clone();
    }

    /** The values dimension(row) takes, left to right. */
    public float[] columnValues(int row) {
        return columnValues[row].clone();
    }

    public float[] anchor() {
        return anchor.clone();
    }

    /** Row labels: "z{d}", or "z{d} {name}={score}" (with " (inactive)" below the threshold) when scores were given. */
    public List<String> labels() {
        return labels;
    }

    /** Whether row r's score is below the inactive threshold (always false without scores). */
    public boolean inactive(int row) {
        return inactive[row];
    }

    /** All latent vectors, (rows·columns)×D row-major: vector r·columns + j is row r, column j. */
    public float[] latents() {
        float[] out = new float[count() * latentSize];
        for (int r = 0; r < dimensions.length; r++) {
            for (int j = 0; j < columns; j++) {
                int base = (r * columns + j) * latentSize;
                System.arraycopy(anchor, 0, out, base, latentSize);
                out[base + dimensions[r]] = columnValues[r][j];
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "TraversalPlan[rows=" + Arrays.toString(dimensions) + ", columns=" + columns + "]";
    }
}
