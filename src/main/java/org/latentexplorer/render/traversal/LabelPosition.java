package org.latentexplorer.render.traversal;

/** Where row labels go: nowhere (pixel-exact grid), or in a margin left or right of the grid. */
public enum LabelPosition {
    NONE, LEFT, RIGHT
}
