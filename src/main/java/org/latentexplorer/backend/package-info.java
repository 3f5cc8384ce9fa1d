/**
 * The backend doctor: which ND4J backend and native build load and why
 * ({@link org.latentexplorer.backend.NativeBuild} chooses the oneDNN build from the CPU's features and must run at
 * start-up, before ND4J loads), GPU readiness, and the {@link org.latentexplorer.backend.Environments#current()
 * environment} recorded for provenance.
 *
 * <p>Implements no section of docs/method.md. Depends on: {@code common}, ND4J and JavaCPP only.
 */
package org.latentexplorer.backend;
