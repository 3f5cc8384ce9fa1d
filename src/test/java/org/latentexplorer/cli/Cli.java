package org.latentexplorer.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process and captures its output, for tests. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        return runWithInput(null, args);
    }

    static synchronized Cli runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream original = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            int code = LatentExplorerCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
            return new Cli(code, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    /** The last non-empty line of standard output. */
    String lastLine() {
        String[] lines = out.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }
}
