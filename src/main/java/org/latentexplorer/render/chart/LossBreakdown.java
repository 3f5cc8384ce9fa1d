package org.latentexplorer.render.chart;

import java.util.List;
import org.latentexplorer.divergence.AlphaGrid;
import org.latentexplorer.render.export.CurveTable;

/**
 * The divergence-loss components of trained models against α (Figs 6–9): {@code kl_loss1} is
 * KL(N(μ,Σ)‖N_α) for JS and KL(N_α‖N(μ,Σ)) for the dual, {@code kl_loss2} is KL(N(0,I)‖N_α) resp.
 * KL(N_α‖N(0,I)), and the total is the weighted divergence {@code loss − recon_loss}. Arrays are copied in.
 *
 * @param dual whether the runs used the dual JS_* (changes only the series descriptions)
 */
public record LossBreakdown(String title, boolean dual, double[] alpha, double[] klLoss1, double[] klLoss2, double[] total) {
    public LossBreakdown {
        title = title == null ? "" : title;
        AlphaGrid.check(alpha, "loss breakdown", klLoss1, klLoss2, total);
        alpha = alpha.clone();
        klLoss1 = klLoss1.clone();
        klLoss2 = klLoss2.clone();
        total = total.clone();
    }

    /** Legend text of kl_loss1. */
    public String klLoss1Name() {
        return dual ? "kl_loss1: KL(N_α‖N(μ,Σ))" : "kl_loss1: KL(N(μ,Σ)‖N_α)";
    }

    /** Legend text of kl_loss2. */
    public String klLoss2Name() {
        return dual ? "kl_loss2: KL(N_α‖N(0,I))" : "kl_loss2: KL(N(0,I)‖N_α)";
    }

    /** Legend text of the weighted total. */
    public String totalName() {
        return "weighted total";
    }

    /** Columns alpha, kl_loss1, kl_loss2, total. */
    public CurveTable toTable() {
        return CurveTable.ofColumns(List.of("alpha", "kl_loss1", "kl_loss2", "total"), List.of(alpha, klLoss1, klLoss2, total));
    }
}
