/**
 * The command line (picocli): each command parses its options, calls the library and prints; user errors exit with
 * code 2, internal failures with 1 ({@link org.latentexplorer.cli.LatentExplorerCommand}). Creating the command line is
 * its start-up: it chooses the ND4J native build first.
 *
 * <p>Implements no section of docs/method.md itself; its help texts follow §4–§6. Depends on: any library package,
 * never on {@code app}; the only package that uses picocli.
 */
package org.latentexplorer.cli;
