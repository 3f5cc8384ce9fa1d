package org.latentexplorer.sweep;

/**
 * How every run of a sweep spends its budget on a training set of a given size (docs/method.md §9.2):
 * <ul>
 *   <li>an epoch budget E trains E epochs on the sweep's limit (all examples when it is 0);</li>
 *   <li>an image budget N trains on L examples — the sweep's limit, or without one min(N, size) — for
 *       {@code ceil(N / L)} epochs, so a run sees {@code L × ceil(N / L)} images: exactly N when L divides N, and
 *       otherwise fewer than L more than N (the last epoch is always a whole one, so every checkpoint is an epoch's).</li>
 * </ul>
 * A limit at or above the size of the set means all of it (recorded as 0).
 *
 * @param limit      examples each run trains on (0 = the whole set)
 * @param examples   the number of those examples
 * @param epochs     epochs per run
 * @param imagesSeen images each run sees in all ({@code examples × epochs})
 */
public record RunPlan(int limit, int examples, int epochs, long imagesSeen) {
    /** The plan of {@code spec} on a training set of {@code size} examples. */
    public static RunPlan of(SweepSpec spec, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("the training set is empty");
        }
        int l = spec.limit() > 0 ? Math.min(spec.limit(), size) : size;
        Budget b = spec.budget();
        if (!b.inImages()) {
            return new RunPlan(l == size ? 0 : l, l, b.epochs(), (long) l * b.epochs());
        }
        if (spec.limit() == 0) {
            l = (int) Math.min(b.images(), size);
        }
        long epochs = (b.images() + l - 1) / l;
        if (epochs > Integer.MAX_VALUE) {
            throw new org.latentexplorer.common.UserInputException("--images " + b.images() + " on " + l
                    + " examples would be more than " + Integer.MAX_VALUE + " epochs");
        }
        return new RunPlan(l == size ? 0 : l, l, (int) epochs, l * epochs);
    }

    /** E.g. "4096 images (1 epoch of 4096 examples)". */
    public String describe() {
        return imagesSeen + " images (" + epochs + (epochs == 1 ? " epoch" : " epochs") + " of " + examples + " examples)";
    }
}
