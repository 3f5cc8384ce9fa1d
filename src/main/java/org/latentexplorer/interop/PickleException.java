package org.latentexplorer.interop;

/**
 * A pickle that the restricted reader refuses or cannot parse. The message names the problem
 * (the forbidden global, the unknown opcode, the byte offset); callers prefix the file's path.
 */
public final class PickleException extends RuntimeException {
    public PickleException(String message) {
        super(message);
    }
}
