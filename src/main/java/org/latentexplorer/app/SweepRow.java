package org.latentexplorer.app;

import java.nio.file.Path;
import org.latentexplorer.sweep.RunResult;
import org.latentexplorer.sweep.SweepRun;

/**
 * One row of the Sweep view's table: a run of the sweep with its configuration and, once finished, its
 * {@code result.json}'s numbers; {@code status} says in words where it stands.
 *
 * @param run    the run's name (its folder's name)
 * @param label  the configuration in the paper's notation, typeset for the screen
 * @param kind   the divergence's command-line name
 * @param alpha  α of the skew JS family, else null
 * @param beta   β of β-VAE, else null
 * @param lambda the weight λ
 * @param result the run's result, or null while it is not finished
 * @param status "finished", "running, epoch 2 of 8", "waiting", "failed: …"
 * @param model  the run's model file (finished runs), else null
 */
record SweepRow(String run, String label, String kind, Double alpha, Double beta, double lambda, RunResult result,
                String status, Path model) {
    /** A planned run that has not finished. */
    static SweepRow waiting(SweepRun r, String status) {
        var k = r.divergence().kind();
        return new SweepRow(r.name(), Labels.typeset(r.label()), k.cliName(), k.isSkewJs() ? r.divergence().alpha() : null,
                k == org.latentexplorer.divergence.DivergenceKind.BETA ? r.divergence().beta() : null, r.lambda(), null,
                status, null);
    }

    /** A finished run, from its result file. */
    static SweepRow finished(RunResult r, Path model) {
        return new SweepRow(r.run(), Labels.typeset(r.label()), r.divergence(), r.alpha(), r.beta(), r.lambda(), r, "finished",
                model);
    }

    SweepRow withStatus(String s) {
        return new SweepRow(run, label, kind, alpha, beta, lambda, result, s, model);
    }

    boolean isFinished() {
        return result != null;
    }
}
