package org.banyan.credentials;

/**
 * An expected failure with a typed {@link Problem}: malformed input, an unknown context, a key
 * that cannot sign. API entry points turn it into an error result rather than letting it escape.
 */
public final class CredentialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /** A failure of this type, with an English detail. */
    public CredentialException(final ProblemType type, final String detail) {
        super(type.name() + ": " + detail);
        this.problem = new Problem(type, detail);
    }

    /** A failure of this type caused by a lower-level exception. */
    public CredentialException(final ProblemType type, final String detail, final Throwable cause) {
        super(type.name() + ": " + detail, cause);
        this.problem = new Problem(type, detail);
    }

    /** The problem to report. */
    public Problem problem() {
        return problem;
    }
}
