package org.banyan.credentials;

import java.util.Optional;

/**
 * What a verifier asked the holder to bind a presentation to: the challenge it issued (required, so
 * that a presentation cannot be replayed) and, optionally, its domain.
 */
public record PresentationExpectations(String challenge, Optional<String> domain) {

    /** Checks that the challenge is present. */
    public PresentationExpectations {
        if (challenge == null || challenge.isEmpty() || domain == null) {
            throw new IllegalArgumentException("verifying a presentation needs the challenge the verifier issued");
        }
    }
}
