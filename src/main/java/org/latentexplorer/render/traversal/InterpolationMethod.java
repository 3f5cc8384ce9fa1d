package org.latentexplorer.render.traversal;

/** How to move between two latent anchors. */
public enum InterpolationMethod {
    /** (1−t)·a + t·b. */
    LINEAR,
    /**
     * Spherical linear interpolation (slerp): with Ω the angle between a and b,
     * {@code sin((1−t)Ω)/sin Ω · a + sin(tΩ)/sin Ω · b}. Falls back to {@link #LINEAR} when sin Ω is below
     * 1e-6 (a and b parallel or antiparallel, where the great circle is undefined) or either vector is zero.
     */
    SPHERICAL
}
