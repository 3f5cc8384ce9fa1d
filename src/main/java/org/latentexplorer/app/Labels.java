package org.latentexplorer.app;

import org.latentexplorer.divergence.DivergenceKind;
import org.latentexplorer.divergence.Notation;
import org.latentexplorer.model.ModelManifest;
import org.latentexplorer.render.traversal.InterpolationMethod;
import org.latentexplorer.render.traversal.RowOrder;

/**
 * What the app writes on screen for the library's values: the paper's notation typeset with Unicode
 * sub- and superscripts (JS⁎ᴳᵅ′ for JS_*^{Gα'}) and words instead of enum constants and record strings.
 */
final class Labels {
    private Labels() {
    }

    /** The divergence as the paper writes it, e.g. {@code JS⁎ᴳᵅ′} for JS_*^{Gα'}. */
    static String divergence(DivergenceKind k) {
        return Notation.symbol(k);
    }

    /** The library's plain-text notation typeset for the screen ({@link Notation#typeset}). */
    static String typeset(String text) {
        return Notation.typeset(text);
    }

    /** A sentence-long description for the divergence picker. */
    static String divergenceChoice(DivergenceKind k) {
        return switch (k) {
            case KL_QP -> "KL(q‖p): the standard VAE";
            case KL_PQ -> "KL(p‖q): the reverse KL";
            case BETA -> "β-VAE: β·KL(q‖p)";
            case MMD -> "MMD to the prior";
            case JSG -> "JSᴳᵅ′: skew geometric JS (the paper)";
            case JSG_DUAL -> "JS⁎ᴳᵅ′: its dual (the paper's best)";
            case JSG_NIELSEN -> "JSᴳᵅ: Nielsen's skew geometric JS";
            case JSG_NIELSEN_DUAL -> "JS⁎ᴳᵅ: Nielsen's dual";
        };
    }

    /**
     * The two KL terms a JS-family divergence is made of, as chart and table names: the duals measure from the
     * geometric mean, the others to it, and the paper's variants use its mean Gα′ ∝ q^α p^(1−α), Nielsen's Gα
     * (docs/method.md §1.4–1.7). For any other divergence, or none, the generic names of JSᴳᵅ.
     */
    static String[] klTerms(DivergenceKind kind) {
        String g = kind != null && kind.isPaperSkewJs() ? "Gα′" : "Gα";
        return kind != null && kind.isDualJs() ? new String[] {"KL(" + g + "‖q) term", "KL(" + g + "‖p) term"}
                : new String[] {"KL(q‖" + g + ") term", "KL(p‖" + g + ") term"};
    }

    /**
     * The KL-term names for a model's history: those of its divergence, or the generic ones when there is no model
     * or it was imported with a loss we do not implement (its recorded divergence then means nothing).
     */
    static String[] klTerms(ModelManifest m) {
        return klTerms(m != null && m.trainable() ? m.divergence().kind() : null);
    }

    static String rowOrder(RowOrder o) {
        return switch (o) {
            case INDEX -> "latent order (z0, z1, …)";
            case AS_LISTED -> "as listed";
            case SCORE_DESCENDING -> "by KL(q‖p), largest first";
        };
    }

    static String interpolation(InterpolationMethod m) {
        return switch (m) {
            case LINEAR -> "straight line (linear)";
            case SPHERICAL -> "along the sphere (spherical)";
        };
    }

    /**
     * A model in words for the status bar, the title and messages, e.g. "JS⁎ᴳᵅ′ α = 0.5, 64×64, D = 10, dSprites,
     * 8 epochs" (the manifest's own line, {@code jsg-dual(alpha=0.5), …}, is the command line's).
     */
    static String model(org.latentexplorer.model.ModelManifest mf) {
        String div;
        if (mf.trainable()) {
            var d = mf.divergence();
            div = divergence(d.kind()) + (d.kind().isSkewJs() ? " α = " + TraverseViewModel.plain(d.alpha()) : "")
                    + (d.kind() == DivergenceKind.BETA ? " β = " + TraverseViewModel.plain(d.beta()) : "");
        } else {
            div = typeset(mf.divergenceLabel());
        }
        var a = mf.architecture();
        int epochs = mf.epochsCompleted();
        return div + ", " + a.imageSize() + "×" + a.imageSize() + (a.channels() == 3 ? " RGB" : "") + ", D = " + a.latents()
                + ", " + dataset(mf.provenance().dataset()) + ", " + epochs + (epochs == 1 ? " epoch" : " epochs")
                + (mf.imported() != null ? ", imported from PyTorch" : "");
    }

    /** A data set as people name it: {@code dsprites} → dSprites, {@code mnist:/data/m} → MNIST (/data/m). */
    static String dataset(String spec) {
        if (spec == null || spec.isBlank()) {
            return "unknown data";
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String where = colon < 0 ? "" : " (" + spec.substring(colon + 1) + ")";
        return switch (kind) {
            case "dsprites" -> "dSprites" + where;
            case "dsprites-npz" -> "dSprites" + where;
            case "mnist" -> "MNIST" + where;
            case "fashion-mnist" -> "Fashion-MNIST" + where;
            case "folder" -> "images" + where;
            default -> spec;
        };
    }
}
