package org.latentexplorer.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.data.DatasetSpec;
import org.latentexplorer.data.Subset;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.DivergenceSpec;
import org.latentexplorer.model.Reconstruction;
import org.latentexplorer.training.TrainingConfig;

/**
 * A sweep's definition (docs/method.md §9): the data set, a grid of divergences with their α/β/λ lists, the budget of
 * every run, and the settings all runs share (batch, learning rate, latent size, reconstruction, seeds, limit and
 * subset). A spec built here is complete: settings left out take the paper's value for the data set
 * ({@link TrainingConfig#defaults}) when the spec is made, so the same spec always means the same runs, and
 * {@link SweepSpecJson} writes every value. Invalid values cannot be constructed; an empty grid or seed list is
 * refused, and so is a grid whose runs would share a name.
 *
 * @param name    the sweep's name (a preset's name, or the JSON file's {@code name})
 * @param dataset the data set spec, canonical ({@code dsprites}, {@code mnist:DIR}, …)
 * @param budget  epochs or images per run
 * @param limit   examples each run trains on (0 = all, or as the image budget implies; see {@link RunPlan})
 * @param subset  which examples a limit keeps
 * @param batch   batch size
 * @param lr      Adam's learning rate
 * @param latents latent size D
 * @param recon   reconstruction term
 * @param seeds   the seeds; every grid point runs once per seed
 * @param grid    the divergences and their parameter lists
 */
public record SweepSpec(String name, String dataset, Budget budget, int limit, Subset subset, int batch, double lr,
                        int latents, Reconstruction recon, List<Long> seeds, List<GridEntry> grid) {
    /** The subset a sweep keeps when it limits the data and none is named: spread over the whole set. */
    public static final Subset DEFAULT_SUBSET = Subset.SPREAD;

    public SweepSpec {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new UserInputException("a sweep's name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        dataset = DatasetSpec.parse(dataset).canonical();
        if (budget == null) {
            throw new UserInputException("a sweep needs a budget (epochs or images)");
        }
        subset = subset == null ? DEFAULT_SUBSET : subset;
        recon = recon == null ? Reconstruction.MSE : recon;
        seeds = List.copyOf(seeds == null ? List.of() : seeds);
        grid = List.copyOf(grid == null ? List.of() : grid);
        if (seeds.isEmpty()) {
            throw new UserInputException("empty grid: sweep '" + name + "' has no seeds");
        }
        if (grid.isEmpty()) {
            throw new UserInputException("empty grid: sweep '" + name + "' has no divergences");
        }
        // the per-run settings are checked as one training run would check them
        new TrainingConfig(dataset, limit, subset, DivergenceSpec.of(DivergenceKind.KL_QP), 1, recon, latents,
                Math.max(1, budget.epochs()), batch, lr, seeds.get(0), 0);
        Set<String> names = new LinkedHashSet<>();
        for (SweepRun r : expand(grid, seeds)) {
            if (!names.add(r.name())) {
                throw new UserInputException("sweep '" + name + "' lists the run " + r.name() + " twice");
            }
        }
    }

    /**
     * A spec with the paper's settings for {@code dataset} (batch, latent size, epochs; learning rate 1e-4, seed 1234,
     * MSE, all examples) for the given grid.
     */
    public static SweepSpec paper(String name, String dataset, List<GridEntry> grid) {
        DatasetSpec ds = DatasetSpec.parse(dataset);
        TrainingConfig d = TrainingConfig.defaults(ds, DivergenceSpec.of(DivergenceKind.KL_QP));
        return new SweepSpec(name, ds.canonical(), Budget.epochs(d.epochs()), 0, DEFAULT_SUBSET, d.batchSize(),
                d.learningRate(), d.latents(), d.reconstruction(), List.of(d.seed()), grid);
    }

    /** Every configuration, in grid order: entry by entry, then λ, α, β, seed. */
    public List<SweepRun> runs() {
        return expand(grid, seeds);
    }

    private static List<SweepRun> expand(List<GridEntry> grid, List<Long> seeds) {
        List<SweepRun> runs = new ArrayList<>();
        for (GridEntry e : grid) {
            DivergenceKind k = e.divergence();
            List<Double> lambdas = e.lambdas().isEmpty() ? List.of(k.defaultLambda()) : e.lambdas();
            List<Double> alphas = e.alphas().isEmpty() ? List.of(DivergenceSpec.DEFAULT_ALPHA) : e.alphas();
            List<Double> betas = e.betas().isEmpty() ? List.of(DivergenceSpec.DEFAULT_BETA) : e.betas();
            for (double l : lambdas) {
                for (double a : alphas) {
                    for (double b : betas) {
                        for (long s : seeds) {
                            runs.add(SweepRun.of(new DivergenceSpec(k, a, b), l, s));
                        }
                    }
                }
            }
        }
        return runs;
    }

    /**
     * The run named {@code runName}.
     *
     * @throws UserInputException naming the sweep and a few of its runs if there is none
     */
    public SweepRun run(String runName) {
        List<SweepRun> all = runs();
        for (SweepRun r : all) {
            if (r.name().equals(runName)) {
                return r;
            }
        }
        List<String> names = all.stream().map(SweepRun::name).limit(6).toList();
        throw new UserInputException("sweep '" + name + "' has no run '" + runName + "'; its runs are "
                + String.join(", ", names) + (all.size() > names.size() ? ", … (" + all.size() + " in all; see sweep list)" : ""));
    }

    /** The training settings of one run under {@code plan} (the plan fixes the limit and the epochs). */
    public TrainingConfig config(SweepRun run, RunPlan plan) {
        return new TrainingConfig(dataset, plan.limit(), subset, run.divergence(), run.lambda(), recon, latents,
                plan.epochs(), batch, lr, run.seed(), 0);
    }

    public SweepSpec withName(String n) {
        return new SweepSpec(n, dataset, budget, limit, subset, batch, lr, latents, recon, seeds, grid);
    }

    public SweepSpec withBudget(Budget b) {
        return new SweepSpec(name, dataset, b, limit, subset, batch, lr, latents, recon, seeds, grid);
    }

    public SweepSpec withLimit(int l, Subset s) {
        return new SweepSpec(name, dataset, budget, l, s, batch, lr, latents, recon, seeds, grid);
    }

    public SweepSpec withBatch(int b) {
        return new SweepSpec(name, dataset, budget, limit, subset, b, lr, latents, recon, seeds, grid);
    }

    public SweepSpec withLr(double r) {
        return new SweepSpec(name, dataset, budget, limit, subset, batch, r, latents, recon, seeds, grid);
    }

    public SweepSpec withLatents(int d) {
        return new SweepSpec(name, dataset, budget, limit, subset, batch, lr, d, recon, seeds, grid);
    }

    public SweepSpec withRecon(Reconstruction r) {
        return new SweepSpec(name, dataset, budget, limit, subset, batch, lr, latents, r, seeds, grid);
    }

    public SweepSpec withSeeds(List<Long> s) {
        return new SweepSpec(name, dataset, budget, limit, subset, batch, lr, latents, recon, s, grid);
    }

    public SweepSpec withGrid(List<GridEntry> g) {
        return new SweepSpec(name, dataset, budget, limit, subset, batch, lr, latents, recon, seeds, g);
    }

    /**
     * This sweep on another data set. Settings that were the paper's for the old data set (batch, latent size, and
     * an epoch budget) become the paper's for the new one; settings chosen otherwise are kept.
     */
    public SweepSpec withDataset(String other) {
        DatasetSpec from = DatasetSpec.parse(dataset);
        DatasetSpec to = DatasetSpec.parse(other);
        int b = batch == from.defaultBatchSize() ? to.defaultBatchSize() : batch;
        int d = latents == from.defaultLatents() ? to.defaultLatents() : latents;
        Budget bu = !budget.inImages() && budget.epochs() == from.defaultEpochs() ? Budget.epochs(to.defaultEpochs()) : budget;
        return new SweepSpec(name, to.canonical(), bu, limit, subset, b, lr, d, recon, seeds, grid);
    }
}
