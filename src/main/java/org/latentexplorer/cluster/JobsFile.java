package org.latentexplorer.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.common.UserInputException;

/**
 * A jobs file: one {@code latent-explorer} invocation per line (the arguments after the command's name, e.g.
 * {@code train --dataset dsprites --epochs 1 --out /shared/runs/a.zip}); blank lines and lines starting with
 * {@code #} are skipped. Arguments are separated by spaces or tabs; an argument with spaces is written in
 * double or single quotes. Job k (1-based, in file order) is named {@code job k}.
 */
final class JobsFile {
    private JobsFile() {
    }

    /**
     * Reads the jobs of {@code file}.
     *
     * @throws UserInputException naming the file if it cannot be read, a quote is not closed, or it has no job
     */
    static List<Job> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserInputException.forFile(file, "cannot read the jobs file: " + e.getMessage());
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                jobs.add(new Job("job " + (jobs.size() + 1), split(line)));
            } catch (IllegalArgumentException e) {
                throw UserInputException.forFile(file, "line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (jobs.isEmpty()) {
            throw UserInputException.forFile(file, "the jobs file has no job (one command line per line)");
        }
        return jobs;
    }

    /**
     * Splits a command line into arguments at unquoted spaces and tabs; quotes group and are removed.
     *
     * @throws IllegalArgumentException if a quote is not closed
     */
    static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (c == ' ' || c == '\t') {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " quote in: " + line);
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }
}
