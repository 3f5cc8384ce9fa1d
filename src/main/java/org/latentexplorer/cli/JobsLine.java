package org.latentexplorer.cli;

import java.util.List;
import org.latentexplorer.common.UserInputException;

/**
 * One line of a jobs file (the Spark runner's: arguments separated by spaces, an argument with spaces, tabs or quotes
 * in double quotes, or in single quotes when it holds a double quote).
 */
final class JobsLine {
    private JobsLine() {
    }

    /**
     * The arguments as one line.
     *
     * @throws UserInputException if an argument holds both quote characters or a line break (no jobs line can hold it)
     */
    static String of(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(a));
        }
        return sb.toString();
    }

    static String quote(String a) {
        if (a.indexOf('\n') >= 0 || a.indexOf('\r') >= 0) {
            throw new UserInputException("'" + Values.excerpt(a) + "' holds a line break, which a jobs file cannot hold");
        }
        boolean plain = !a.isEmpty() && a.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\'');
        if (plain) {
            return a;
        }
        if (a.indexOf('"') < 0) {
            return '"' + a + '"';
        }
        if (a.indexOf('\'') < 0) {
            return "'" + a + "'";
        }
        throw new UserInputException("'" + Values.excerpt(a) + "' holds both ' and \", which a jobs file cannot quote");
    }
}
