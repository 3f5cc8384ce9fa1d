package org.latentexplorer.model;

/**
 * How a model was trained: enough to rebuild it. Written into every model file.
 *
 * @param dataset       the data set spec as given on the command line (canonical form)
 * @param limit         first N examples used, or 0 for all
 * @param epochs        epochs planned
 * @param batchSize     mini-batch size
 * @param learningRate  Adam's learning rate
 * @param seed          seed of initialisation, shuffling and noise
 */
public record Provenance(String dataset, int limit, int epochs, int batchSize, double learningRate, long seed) {
}
