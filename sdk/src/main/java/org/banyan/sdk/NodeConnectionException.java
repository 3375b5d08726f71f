package org.banyan.sdk;

/** The node could not be reached or gave an answer that is not a BIF response (I/O error, timeout, HTTP error, bad JSON). */
public final class NodeConnectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the request and what went wrong. */
    public NodeConnectionException(final String message, final Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception with a message naming the request and what went wrong. */
    public NodeConnectionException(final String message) {
        super(message);
    }
}
