package org.banyan.credentials;

import java.util.Optional;

/**
 * Why a proof was made (Data Integrity §2.2), which is also the verification relationship that
 * must list the key in its controller's document.
 */
public enum ProofPurpose {
    /** Claims made by an issuer: the purpose of credential proofs. */
    ASSERTION_METHOD("assertionMethod"),
    /** Proving control of an identifier: the purpose of presentation proofs. */
    AUTHENTICATION("authentication"),
    /** Invoking a capability. */
    CAPABILITY_INVOCATION("capabilityInvocation"),
    /** Delegating a capability. */
    CAPABILITY_DELEGATION("capabilityDelegation");

    private final String term;

    ProofPurpose(final String term) {
        this.term = term;
    }

    /** The JSON-LD term, e.g. {@code assertionMethod}. */
    public String term() {
        return term;
    }

    /** The purpose with this term, if any. */
    public static Optional<ProofPurpose> fromTerm(final String term) {
        for (final ProofPurpose purpose : values()) {
            if (purpose.term.equals(term)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
