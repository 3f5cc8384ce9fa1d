/**
 * PyTorch checkpoints of the field's two codebases (jacobdeasy/geometric-js and YannDubs/disentangling-vae): reading
 * {@code model.pt} in the zip format of torch 1.6+ and in the legacy format
 * ({@link org.latentexplorer.interop.TorchCheckpoint}) through a restricted unpickler that runs nothing and builds only
 * the few types a state dict needs ({@link org.latentexplorer.interop.RestrictedUnpickler}); the mapping between the
 * Burgess state-dict layout and this project's weights ({@link org.latentexplorer.interop.BurgessLayout}); a run's
 * {@code specs.json} ({@link org.latentexplorer.interop.RunSpecs}); import into a model file
 * ({@link org.latentexplorer.interop.TorchImport}) and export back ({@link org.latentexplorer.interop.TorchExport},
 * {@link org.latentexplorer.interop.PickleWriter}).
 *
 * <p>Implements the architecture of docs/method.md §3 (layer names and layouts, the interleaved head) and the loss
 * names of §1 (KL, fwdKL, betaH, GJS, dGJS, MMD). Depends on: {@code backend} (the environment recorded on import),
 * {@code common}, {@code divergence}, {@code model}, Jackson.
 */
package org.latentexplorer.interop;
