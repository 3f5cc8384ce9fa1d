package org.latentexplorer.render.traversal;

import org.latentexplorer.latent.Posterior;
import org.latentexplorer.latent.PosteriorBatch;

/**
 * What a traversal needs beyond the spec and the decoder; each part may be absent (null) when the
 * spec does not use it.
 *
 * @param anchorPosterior the encoding of the anchor example; needed by a {@link TraversalAnchor.DataIndex}
 *                        anchor and a {@link TraversalRange.Posterior} range
 * @param sample          encoded means of a data sample; needed by {@link TraversalRange.DataRange}
 * @param scores          one score per latent dimension (e.g. mean KL(q‖p) in nats); needed by
 *                        {@link RowOrder#SCORE_DESCENDING}; when present it is shown in the row labels
 *                        and flags dimensions below the spec's inactive threshold
 * @param scoreName       the score's name in row labels, e.g. "KL"
 */
public record TraversalInputs(Posterior anchorPosterior, PosteriorBatch sample, double[] scores, String scoreName) {
    public TraversalInputs {
        if (scores != null) {
            scores = scores.clone();
            for (double s : scores) {
                if (Double.isNaN(s)) {
                    throw new IllegalArgumentException("per-dimension scores must not be NaN");
                }
            }
        }
        scoreName = scoreName == null ? "" : scoreName;
    }

    /** Nothing beyond the spec: prior anchors, prior or absolute ranges, index order. */
    public static TraversalInputs none() {
        return new TraversalInputs(null, null, null, "");
    }

    /** The same inputs with per-dimension scores named {@code name}. */
    public TraversalInputs withScores(double[] perDimension, String name) {
        return new TraversalInputs(anchorPosterior, sample, perDimension, name);
    }

    public TraversalInputs withAnchorPosterior(Posterior posterior) {
        return new TraversalInputs(posterior, sample, scores, scoreName);
    }

    public TraversalInputs withSample(PosteriorBatch batch) {
        return new TraversalInputs(anchorPosterior, batch, scores, scoreName);
    }

    @Override
    public double[] scores() {
        return scores == null ? null : scores.clone();
    }
}
