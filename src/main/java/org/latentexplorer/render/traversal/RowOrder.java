package org.latentexplorer.render.traversal;

/** Row order of a traversal grid. */
public enum RowOrder {
    /** By latent index, ascending (the paper, §6). */
    INDEX,
    /** In the order the dimensions were listed in the spec. */
    AS_LISTED,
    /** By a caller-supplied per-dimension score (e.g. mean KL(q‖p)), largest first; ties by index. */
    SCORE_DESCENDING
}
