package org.latentexplorer.render.traversal;

/** Column order of a traversal grid. */
public enum TraversalDirection {
    /** From hi (left) to lo (right), as in the paper: +1.96 … −1.96 (docs/method.md §6, §8.14). */
    DESCENDING,
    /** From lo (left) to hi (right). */
    ASCENDING
}
