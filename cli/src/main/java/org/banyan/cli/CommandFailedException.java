package org.banyan.cli;

/** The command did its work but the outcome is a failure the user must know about (exit code 1). */
final class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandFailedException(final String message) {
        super(message);
    }
}
