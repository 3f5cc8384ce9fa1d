package org.latentexplorer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.latentexplorer.common.UserInputException;
import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.model.EpochRecord;
import org.latentexplorer.model.ModelFile;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.render.chart.LossBreakdown;
import org.latentexplorer.render.chart.ReconstructionCurve;

/**
 * The curves of a sweep of trained models from their manifests' loss histories (the last epoch's
 * training means): one skew-JS divergence at several α, optionally with a KL(q‖p) and a KL(p‖q) model as
 * baselines. These are training-set numbers of the final epoch, not the Table 2 evaluation.
 */
final class SweepCurves {
    /** Label of the split the numbers come from. */
    static final String SPLIT = "train, last epoch";

    private final DivergenceKind kind;
    private final double[] alpha;
    private final EpochRecord[] runs;
    private final EpochRecord klQp;
    private final EpochRecord klPq;

    private SweepCurves(DivergenceKind kind, double[] alpha, EpochRecord[] runs, EpochRecord klQp, EpochRecord klPq) {
        this.kind = kind;
        this.alpha = alpha;
        this.runs = runs;
        this.klQp = klQp;
        this.klPq = klPq;
    }

    private record Run(Path file, ModelManifest manifest, EpochRecord last) {
    }

    /** Reads the models' manifests and checks that they form one sweep. */
    static SweepCurves read(List<Path> files) {
        List<Run> js = new ArrayList<>();
        EpochRecord qp = null;
        EpochRecord pq = null;
        for (Path f : files) {
            ModelManifest m = ModelFile.read(f).manifest();
            if (m.history().isEmpty()) {
                throw UserInputException.forFile(f, "has no loss history (no completed epoch)");
            }
            Run run = new Run(f, m, m.history().get(m.history().size() - 1));
            DivergenceKind k = m.divergence().kind();
            if (k == DivergenceKind.KL_QP) {
                qp = single(qp, run, "KL(q||p)");
            } else if (k == DivergenceKind.KL_PQ) {
                pq = single(pq, run, "KL(p||q)");
            } else if (k.isSkewJs()) {
                if (!js.isEmpty() && js.get(0).manifest().divergence().kind() != k) {
                    throw UserInputException.forFile(f, "is a " + k.cliName() + " model but " + js.get(0).file() + " is "
                            + js.get(0).manifest().divergence().kind().cliName() + "; a sweep varies α of one divergence");
                }
                js.add(run);
            } else {
                throw UserInputException.forFile(f, "is a " + k.cliName() + " model; a sweep takes skew-JS models"
                        + " (jsg, jsg-dual, jsg-nielsen, jsg-nielsen-dual) plus optional kl-qp and kl-pq baselines");
            }
        }
        if (js.isEmpty()) {
            throw new UserInputException("--sweep needs at least one skew-JS model (jsg, jsg-dual, ...) besides the KL baselines");
        }
        js.sort(Comparator.comparingDouble(r -> r.manifest().divergence().alpha()));
        double[] alpha = new double[js.size()];
        EpochRecord[] runs = new EpochRecord[js.size()];
        for (int i = 0; i < js.size(); i++) {
            alpha[i] = js.get(i).manifest().divergence().alpha();
            runs[i] = js.get(i).last();
            if (i > 0 && alpha[i] == alpha[i - 1]) {
                throw UserInputException.forFile(js.get(i).file(), "has alpha " + alpha[i] + " like " + js.get(i - 1).file()
                        + "; give one model per alpha");
            }
            if (runs[i].kl1() == null || runs[i].kl2() == null) {
                throw UserInputException.forFile(js.get(i).file(), "has no kl1/kl2 in its loss history");
            }
        }
        return new SweepCurves(js.get(0).manifest().divergence().kind(), alpha, runs, qp, pq);
    }

    private static EpochRecord single(EpochRecord existing, Run run, String what) {
        if (existing != null) {
            throw UserInputException.forFile(run.file(), "is a second " + what + " baseline; give at most one");
        }
        return run.last();
    }

    DivergenceKind kind() {
        return kind;
    }

    /** Figs 6–9: kl_loss1, kl_loss2 and the weighted total (loss − reconstruction) against α. */
    LossBreakdown breakdown() {
        double[] kl1 = new double[runs.length];
        double[] kl2 = new double[runs.length];
        double[] total = new double[runs.length];
        for (int i = 0; i < runs.length; i++) {
            kl1[i] = runs[i].kl1();
            kl2[i] = runs[i].kl2();
            total[i] = runs[i].loss() - runs[i].recLoss();
        }
        return new LossBreakdown(kind.label() + " loss breakdown (" + SPLIT + ")", kind.isDualJs(), alpha, kl1, kl2, total);
    }

    /** Fig. 3: reconstruction against α with the KL baselines' reconstruction as horizontal lines. */
    ReconstructionCurve reconstruction() {
        if (klQp == null || klPq == null) {
            throw new UserInputException("--figure reconstruction needs a kl-qp and a kl-pq model in --sweep for the baselines"
                    + " (missing: " + (klQp == null ? "kl-qp" : "") + (klQp == null && klPq == null ? ", " : "")
                    + (klPq == null ? "kl-pq" : "") + ")");
        }
        double[] rec = new double[runs.length];
        for (int i = 0; i < runs.length; i++) {
            rec[i] = runs[i].recLoss();
        }
        return new ReconstructionCurve(SPLIT, alpha, rec, klQp.recLoss(), klPq.recLoss());
    }
}
