package org.banyan.credentials;

import java.time.Instant;
import java.util.Optional;

/**
 * What a verifier requires of a proof: its purpose, the challenge and domain it issued (if any), and
 * the time against which {@code expires} is judged, passed in rather than read from a clock.
 */
public record ProofExpectations(ProofPurpose purpose, Optional<String> challenge, Optional<String> domain, Instant now) {

    /** Checks that every part is present. */
    public ProofExpectations {
        if (purpose == null || challenge == null || domain == null || now == null) {
            throw new IllegalArgumentException("proof expectations need a purpose and a time");
        }
    }

    /** An assertion proof, as on a credential. */
    public static ProofExpectations assertion(final Instant now) {
        return new ProofExpectations(ProofPurpose.ASSERTION_METHOD, Optional.empty(), Optional.empty(), now);
    }
}
