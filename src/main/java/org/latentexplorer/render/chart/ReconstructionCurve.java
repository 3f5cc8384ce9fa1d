package org.latentexplorer.render.chart;

import java.util.List;
import org.latentexplorer.divergence.AlphaGrid;
import org.latentexplorer.render.export.CurveTable;

/**
 * Reconstruction error against α for one split (Fig. 3), with the KL(q‖p) and KL(p‖q) baselines of the
 * same split. Arrays are copied in.
 */
public record ReconstructionCurve(String split, double[] alpha, double[] reconstruction, double klQp, double klPq) {
    public ReconstructionCurve {
        split = split == null || split.isBlank() ? "test" : split;
        AlphaGrid.check(alpha, "reconstruction curve", reconstruction);
        AlphaGrid.checkFinite("KL(q||p) reconstruction", klQp);
        AlphaGrid.checkFinite("KL(p||q) reconstruction", klPq);
        alpha = alpha.clone();
        reconstruction = reconstruction.clone();
    }

    /** Columns alpha, reconstruction, kl_qp, kl_pq (the baselines repeated). */
    public CurveTable toTable() {
        double[] qp = new double[alpha.length];
        double[] pq = new double[alpha.length];
        java.util.Arrays.fill(qp, klQp);
        java.util.Arrays.fill(pq, klPq);
        return CurveTable.ofColumns(List.of("alpha", "reconstruction", "kl_qp", "kl_pq"), List.of(alpha, reconstruction, qp, pq));
    }
}
