package org.latentexplorer.common;

/**
 * A problem with something the user supplied: a file, an option value, a combination of settings.
 * The message is complete and user-facing: it names the file or value and says what was expected.
 * The CLI maps this type to exit code 2; the app shows the message in a dialog.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem with a named file: the message starts with the file's path. */
    public static UserInputException forFile(java.nio.file.Path file, String problem) {
        return new UserInputException(file + ": " + problem);
    }

    /** A problem with a named file, keeping the underlying cause for diagnostics. */
    public static UserInputException forFile(java.nio.file.Path file, String problem, Throwable cause) {
        return new UserInputException(file + ": " + problem, cause);
    }
}
