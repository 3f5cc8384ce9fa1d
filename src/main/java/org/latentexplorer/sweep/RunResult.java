package org.latentexplorer.sweep;

/**
 * What a finished run of a sweep records in its {@code result.json} (docs/method.md §9.3): the configuration, the
 * training it had, the Table 2 evaluation with the Figs 6–9 components on the same data, the model file's SHA-256 and
 * where it came from. {@link RunResultJson} writes and reads it; {@code sweep report} reads nothing else.
 *
 * @param run         the run's name (its folder's name)
 * @param label       the row label in the paper's notation
 * @param sweep       the sweep's name
 * @param divergence  the divergence's command-line name
 * @param alpha       α of the skew JS family, else null
 * @param beta        β of β-VAE, else null
 * @param lambda      the weight λ of the divergence
 * @param seed        the run's seed
 * @param training    the training settings and how much was trained
 * @param budget      the sweep's budget as it was asked for ("4096 images", "30 epochs")
 * @param evaluation  the evaluation of the final model
 * @param modelFile   the model file's name in the run folder
 * @param modelSha256 the SHA-256 of the model file the evaluation read
 * @param wallSeconds training (all epochs, over every invocation) plus evaluation, in seconds
 * @param finishedAt  when the result was written (ISO-8601)
 * @param software    the software that wrote it (version and git commit)
 * @param environment the environment (backend, native build, Java, OS)
 * @param mig         the mutual information gap of the model on data with known factors (docs/method.md §5.1); null
 *                    where the data has none, the run skipped it ({@code --mig-examples 0}) or an older version wrote it
 */
public record RunResult(String run, String label, String sweep, String divergence, Double alpha, Double beta,
                        double lambda, long seed, Training training, String budget, Evaluation evaluation,
                        String modelFile, String modelSha256, double wallSeconds, String finishedAt, String software,
                        String environment, MigScore mig) {
    /**
     * The training a run had.
     *
     * @param dataset         data set spec
     * @param datasetIdentity the data set's identity as the model file records it
     * @param limit           examples trained on (0 = all)
     * @param subset          which examples the limit kept
     * @param examples        the number of training examples
     * @param epochs          epochs trained
     * @param imagesSeen      images seen in all (examples × epochs)
     * @param batch           batch size
     * @param lr              learning rate
     * @param latents         latent size
     * @param recon           reconstruction term
     * @param seconds         training time of all epochs (the model file's history)
     */
    public record Training(String dataset, String datasetIdentity, int limit, String subset, int examples, int epochs,
                           long imagesSeen, int batch, double lr, int latents, String recon, double seconds) {
    }

    /**
     * The Table 2 metric and its companions, every value a mean of batch means (docs/method.md §5).
     *
     * @param data               the data evaluated, in words
     * @param split              "test" (MNIST, Fashion) or "train" (data sets without a test split: their whole set,
     *                           or the run's own limited subset)
     * @param examples           examples evaluated
     * @param batches            batches of 128
     * @param reconstruction     the reconstruction error (Table 2)
     * @param loss               the total loss REC + λ·DIV
     * @param divergence         DIV, unweighted
     * @param weightedDivergence {@code loss − reconstruction} (the "total" of Figs 6–9)
     * @param klLoss1            {@code kl_loss1} of Figs 6–9 (skew JS only, else null)
     * @param klLoss2            {@code kl_loss2} of Figs 6–9 (skew JS only, else null)
     * @param seconds            evaluation time
     */
    public record Evaluation(String data, String split, int examples, int batches, double reconstruction, double loss,
                             double divergence, double weightedDivergence, Double klLoss1, Double klLoss2,
                             double seconds) {
    }

    /**
     * The MIG of a run's model (docs/method.md §5.1), as {@code result.json} records it.
     *
     * @param value      the MIG, the mean of {@code gaps}
     * @param examples   examples encoded (0 where an older file recorded only the value)
     * @param bins       bins per latent (0 where an older file recorded only the value)
     * @param factors    the factors that count, in order
     * @param gaps       per factor: largest minus second largest normalised mutual information
     * @param bestLatent per factor: the latent with the largest normalised mutual information
     */
    public record MigScore(double value, int examples, int bins, java.util.List<String> factors, double[] gaps,
                           int[] bestLatent) {
        public MigScore {
            factors = java.util.List.copyOf(factors);
            gaps = gaps.clone();
            bestLatent = bestLatent.clone();
        }

        /** The score of a {@link org.latentexplorer.evaluation.Mig.Result}. */
        public static MigScore of(org.latentexplorer.evaluation.Mig.Result r) {
            return new MigScore(r.mig(), r.examples(), r.bins(), r.factors(), r.gaps(), r.bestLatent());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MigScore m && Double.compare(value, m.value) == 0 && examples == m.examples
                    && bins == m.bins && factors.equals(m.factors) && java.util.Arrays.equals(gaps, m.gaps)
                    && java.util.Arrays.equals(bestLatent, m.bestLatent);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(value, examples, bins, factors, java.util.Arrays.hashCode(gaps),
                    java.util.Arrays.hashCode(bestLatent));
        }

        @Override
        public String toString() {
            return "MigScore[value=" + value + ", examples=" + examples + ", bins=" + bins + ", factors=" + factors
                    + ", gaps=" + java.util.Arrays.toString(gaps) + ", bestLatent=" + java.util.Arrays.toString(bestLatent) + "]";
        }

        /** A score of which only the value is known. */
        public static MigScore valueOnly(double value) {
            return new MigScore(value, 0, 0, java.util.List.of(), new double[0], new int[0]);
        }
    }

    /** The MIG's value, or null where there is none. */
    public Double migValue() {
        return mig == null ? null : mig.value();
    }

    /** This run as a {@link SweepRun} (its configuration). */
    public SweepRun configuration() {
        var kind = org.latentexplorer.divergence.DivergenceKind.fromCliName(divergence);
        return SweepRun.of(new org.latentexplorer.divergence.DivergenceSpec(kind,
                alpha == null ? org.latentexplorer.divergence.DivergenceSpec.DEFAULT_ALPHA : alpha,
                beta == null ? org.latentexplorer.divergence.DivergenceSpec.DEFAULT_BETA : beta), lambda, seed);
    }
}
