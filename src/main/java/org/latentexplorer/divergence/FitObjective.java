package org.latentexplorer.divergence;

/**
 * The objectives of the Fig 2 teaching figure (docs/method.md §6): divergences between the data's density p
 * (first argument) and an isotropic Gaussian fit q. With the data first, the skew geometric JS of
 * docs/method.md §1.5 runs from the mass-covering KL(p‖q) at α = 0 to the mode-seeking KL(q‖p) at α = 1, and
 * its dual (§1.7) the other way round.
 */
public enum FitObjective {
    /** KL(p‖q) = ∫p ln(p/q): mass-covering; its minimiser matches the data's mean and variance. */
    KL_DATA_FIT("KL(p‖q)", "kl"),
    /** KL(q‖p) = ∫q ln(q/p): mode-seeking. */
    KL_FIT_DATA("KL(q‖p)", "reverse-kl"),
    /** JS = ½KL(p‖m) + ½KL(q‖m), m = (p + q)/2. */
    JS("JS", "js"),
    /** The paper's skew geometric JS, (1−α)KL(p‖G) + αKL(q‖G) with G ∝ p^α q^(1−α) normalised. */
    SKEW_GJS("JS^{Gα'}", "gjs"),
    /** Its dual, (1−α)KL(G‖p) + αKL(G‖q). */
    DUAL_SKEW_GJS("JS*^{Gα'}", "gjs-dual"),
    /** Squared MMD with a Gaussian kernel exp(−‖x−y‖²/(2ℓ²)), in closed form. */
    MMD("MMD²", "mmd");

    private final String label;
    private final String cliName;

    FitObjective(String label, String cliName) {
        this.label = label;
        this.cliName = cliName;
    }

    /** The label in the paper's notation (p: data, q: fit). */
    public String label() {
        return label;
    }

    /**
     * The label typeset with Unicode super- and subscripts (JSᴳᵅ′, JS⁎ᴳᵅ′) for figures whose font has those
     * characters; the others are unchanged.
     */
    public String symbol() {
        return switch (this) {
            case SKEW_GJS -> "JS\u1d33\u1d45\u2032";
            case DUAL_SKEW_GJS -> "JS\u204e\u1d33\u1d45\u2032";
            default -> label;
        };
    }

    public String cliName() {
        return cliName;
    }

    /** Whether α changes this objective. */
    public boolean usesAlpha() {
        return this == SKEW_GJS || this == DUAL_SKEW_GJS;
    }

    /** Whether {@link FitForm#NOTEBOOK} changes this objective (KL, reverse KL and the skew G-JS). */
    public boolean hasNotebookForm() {
        return this == KL_DATA_FIT || this == KL_FIT_DATA || this == SKEW_GJS;
    }
}
