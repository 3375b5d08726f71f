package org.banyan.credentials;

/** What a revocation registry says about one credential. */
public sealed interface RevocationStatus {

    /** The registry knows the credential and has not revoked it. */
    record Active() implements RevocationStatus {
    }

    /** The registry lists the credential as revoked. */
    record Revoked(String reason) implements RevocationStatus {
    }

    /** The registry could not answer (none configured, unreachable, unknown status type). */
    record Unknown(String reason) implements RevocationStatus {
    }
}
