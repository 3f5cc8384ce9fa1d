/**
 * The JavaFX desktop app: views, their view models and the background work they start through the
 * {@link org.latentexplorer.app.TaskRunner} seam (a same-thread runner in tests). No numerics here, and no ND4J: the
 * app calls the library on background threads and gets immutable values back.
 *
 * <p>Threads: the FX thread only touches the scene graph; training runs on one training thread
 * ({@code TrainingService} around a {@code training.TrainingJob}) whose events the Train view drains once per frame;
 * slider decoding keeps only the newest request ({@link org.latentexplorer.app.LatestOnlyExecutor}). Implements no
 * section of docs/method.md itself. Depends on: any library package, never on {@code cli}; the only package that uses
 * JavaFX.
 */
package org.latentexplorer.app;
