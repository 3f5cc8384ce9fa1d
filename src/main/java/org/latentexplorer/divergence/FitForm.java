package org.latentexplorer.divergence;

/**
 * Which form of the Fig 2 objectives to minimise (docs/method.md §6). The paper's notebook estimates its
 * expectations with an extra density factor, E_p[p(ln p − ln q)] = ∫p²(ln p − ln q), and leaves the skew G-JS
 * unnormalised; the textbook forms are the divergences themselves.
 */
public enum FitForm {
    /** The divergences as defined: ∫p ln(p/q), ∫q ln(q/p), and the normalised skew G-JS. */
    TEXTBOOK("textbook"),
    /**
     * The notebook's: KL = ∫p² ln(p/q), reverse KL = ∫q² ln(q/p), G-JS = (1−α)²·KL + α²·reverse KL (no ln Z);
     * JS, the dual and MMD have no other form there and stay textbook.
     */
    NOTEBOOK("paper's notebook");

    private final String label;

    FitForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
