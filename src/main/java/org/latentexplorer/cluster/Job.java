package org.latentexplorer.cluster;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One command-line invocation of this project (the arguments after {@code latent-explorer}, e.g.
 * {@code [sweep, run, SPEC, --dir, DIR, --only, NAME]} or {@code [train, ..., --out, DIR/x.zip]}) and a name for
 * reports. Invariant: at least one argument, none null. Serializable, so Spark can ship it to an executor.
 */
public record Job(String name, List<String> args) implements Serializable {
    public Job {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("job " + name + " has no arguments");
        }
    }

    /** The arguments as an array, for the command line. */
    public String[] argv() {
        return args.toArray(String[]::new);
    }

    /** The arguments joined by spaces, for messages. */
    public String commandLine() {
        return String.join(" ", args);
    }
}
