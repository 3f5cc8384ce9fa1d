package org.latentexplorer.model;

/**
 * The loss components of one training epoch (means over its steps), as stored in a model's
 * history. kl1/kl2 are the unweighted KL terms of a JS composition (NaN otherwise, stored as null).
 */
public record EpochRecord(int epoch, double loss, double recLoss, double divergence, Double kl1, Double kl2,
                          double seconds, long images) {
}
