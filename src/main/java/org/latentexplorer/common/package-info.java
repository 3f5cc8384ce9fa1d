/**
 * Small things every other package may use and that know nothing of the rest: atomic file writes
 * ({@link org.latentexplorer.common.AtomicFiles}), the user-input error type that the CLI maps to exit code 2
 * ({@link org.latentexplorer.common.UserInputException}), NumPy {@code .npy} I/O, the numerics of evenly spaced
 * values as the reference libraries compute them ({@link org.latentexplorer.common.Linspace}), and provenance values
 * (versions, the build's git commit, the {@link org.latentexplorer.common.Environment}).
 *
 * <p>Depends on: nothing of the project. Implements no section of docs/method.md by itself; {@code Linspace}
 * reproduces the grids of docs/method.md §6.
 */
package org.latentexplorer.common;
