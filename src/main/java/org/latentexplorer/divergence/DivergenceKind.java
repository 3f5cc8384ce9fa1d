package org.latentexplorer.divergence;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.latentexplorer.common.UserInputException;

/**
 * The regularisers of the paper (docs/method.md §1), by their command-line names. The JS family carries a
 * skew α; {@link #BETA} is KL(q‖p) weighted by β; {@link #MMD} is a batch statistic (§1.9).
 */
public enum DivergenceKind {
    /** KL(q‖p), the standard VAE term (§1.1). */
    KL_QP("kl-qp", "KL(q‖p)"),
    /** KL(p‖q) (§1.2). */
    KL_PQ("kl-pq", "KL(p‖q)"),
    /** β·KL(q‖p) (§1.3). */
    BETA("beta", "β-VAE"),
    /** MMD between (μ, log σ²) and N(0, I) as the paper's code computes it (§1.9). */
    MMD("mmd", "MMD"),
    /** The paper's skew geometric JS, JS^{Gα'} (§1.5): Table 2's "JS^{Gα}". */
    JSG("jsg", "JS^{Gα'}"),
    /** The paper's dual, JS_*^{Gα'} (§1.7): Table 2's "JS_*^{Gα}". */
    JSG_DUAL("jsg-dual", "JS*^{Gα'}"),
    /** Nielsen's original skew geometric JS, JS^{Gα} (§1.4). */
    JSG_NIELSEN("jsg-nielsen", "JS^{Gα} (Nielsen)"),
    /** Nielsen's original dual, JS_*^{Gα} (§1.6). */
    JSG_NIELSEN_DUAL("jsg-nielsen-dual", "JS*^{Gα} (Nielsen)");

    private final String cliName;
    private final String label;

    DivergenceKind(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    /** The name used on the command line and in model manifests. */
    public String cliName() {
        return cliName;
    }

    /** A short label in the paper's notation, for charts and tables. */
    public String label() {
        return label;
    }

    /** Whether this divergence is a skew geometric JS with a skew α. */
    public boolean isSkewJs() {
        return this == JSG || this == JSG_DUAL || this == JSG_NIELSEN || this == JSG_NIELSEN_DUAL;
    }

    /** Whether this is a dual skew geometric JS, whose KL terms measure from the geometric mean (§1.6, §1.7). */
    public boolean isDualJs() {
        return this == JSG_DUAL || this == JSG_NIELSEN_DUAL;
    }

    /**
     * Whether this is one of the paper's skew geometric JS pair, with the mean G′α ∝ q^α p^(1−α) (§1.5, §1.7; the
     * paper code's {@code invert_alpha}), rather than Nielsen's Gα.
     */
    public boolean isPaperSkewJs() {
        return this == JSG || this == JSG_DUAL;
    }

    /** Whether the value factorises over latent dimensions (everything but MMD). */
    public boolean isPerDimension() {
        return this != MMD;
    }

    /**
     * The default weight λ of this divergence in the total loss {@code REC + λ·DIV} (§2): 500 for
     * MMD, otherwise 1. For β-VAE the β is part of the divergence itself (DIV = β·KL(q‖p)).
     */
    public double defaultLambda() {
        return this == MMD ? 500.0 : 1.0;
    }

    /** Parses a command-line name. */
    public static DivergenceKind fromCliName(String name) {
        for (DivergenceKind k : values()) {
            if (k.cliName.equals(name)) {
                return k;
            }
        }
        throw new UserInputException("unknown divergence '" + name + "'; expected one of "
                + Arrays.stream(values()).map(DivergenceKind::cliName).collect(Collectors.joining(", ")));
    }
}
