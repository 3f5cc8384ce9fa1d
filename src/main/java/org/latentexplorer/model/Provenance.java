package org.latentexplorer.model;

/**
 * How a model was trained: enough to rebuild it. Written into every model file.
 *
 * @param dataset       the data set spec as given on the command line (canonical form)
 * @param limit         N examples used, or 0 for all
 * @param subset        which N, as the data package names it: {@code first} (also files written before
 *                      subsets were recorded) or {@code spread}
 * @param epochs        epochs planned
 * @param batchSize     mini-batch size
 * @param learningRate  Adam's learning rate
 * @param seed          seed of initialisation, shuffling and noise
 * @param datasetIdentity what exactly the data set was ({@code data.DatasetIdentity}: the generator's version or a
 *                      hash of the files read), {@value #UNKNOWN} in files written before it was recorded
 */
public record Provenance(String dataset, int limit, String subset, int epochs, int batchSize, double learningRate,
                         long seed, String datasetIdentity) {
    /** The subset name of the first N examples, the only kind before subsets were recorded. */
    public static final String FIRST = "first";
    /** The data-set identity of files that do not record one. */
    public static final String UNKNOWN = "unknown";

    public Provenance {
        subset = subset == null ? FIRST : subset;
        datasetIdentity = datasetIdentity == null || datasetIdentity.isBlank() ? UNKNOWN : datasetIdentity;
    }

    /** Provenance without a recorded data-set identity. */
    public Provenance(String dataset, int limit, String subset, int epochs, int batchSize, double learningRate, long seed) {
        this(dataset, limit, subset, epochs, batchSize, learningRate, seed, UNKNOWN);
    }

    /** Provenance of a run that used the first {@code limit} examples. */
    public Provenance(String dataset, int limit, int epochs, int batchSize, double learningRate, long seed) {
        this(dataset, limit, FIRST, epochs, batchSize, learningRate, seed);
    }
}
