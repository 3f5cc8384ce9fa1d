package org.latentexplorer.divergence;

/**
 * The paper's notation for people to read: the plain-text forms the library writes in names, logs and CSV files
 * ({@code JS_*^{Gα'}}, {@code JS^{Gα}}, {@code G_α}) typeset with Unicode sub- and superscripts (JS⁎ᴳᵅ′, JSᴳᵅ, Gα),
 * for screens, figures and Markdown. Machine-read files keep the plain forms.
 */
public final class Notation {
    private Notation() {
    }

    /** {@code text} with every plain-text divergence symbol typeset: JS_*^{Gα'} and JS*^{Gα'} become JS⁎ᴳᵅ′, etc. */
    public static String typeset(String text) {
        return text.replace("JS_*^{Gα'}", "JS⁎ᴳᵅ′").replace("JS*^{Gα'}", "JS⁎ᴳᵅ′").replace("JS^{Gα'}", "JSᴳᵅ′")
                .replace("JS_*^{Gα}", "JS⁎ᴳᵅ").replace("JS*^{Gα}", "JS⁎ᴳᵅ").replace("JS^{Gα}", "JSᴳᵅ")
                .replace("G_α", "Gα").replace("N_α", "Nα");
    }

    /** The divergence's symbol as the paper writes it, typeset: KL(q‖p), JS⁎ᴳᵅ′, JSᴳᵅ (Nielsen), … */
    public static String symbol(DivergenceKind k) {
        return switch (k) {
            case KL_QP -> "KL(q‖p)";
            case KL_PQ -> "KL(p‖q)";
            case BETA -> "β-VAE, β·KL(q‖p)";
            case MMD -> "MMD";
            case JSG -> "JSᴳᵅ′";
            case JSG_DUAL -> "JS⁎ᴳᵅ′";
            case JSG_NIELSEN -> "JSᴳᵅ (Nielsen)";
            case JSG_NIELSEN_DUAL -> "JS⁎ᴳᵅ (Nielsen)";
        };
    }
}
