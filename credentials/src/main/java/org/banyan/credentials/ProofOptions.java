package org.banyan.credentials;

import java.time.Instant;
import java.util.Optional;

/**
 * What a new Data Integrity proof states besides its value: suite, key, purpose and creation time,
 * plus the challenge and domain that bind a presentation proof to one verifier's request.
 * The time is passed in: nothing in this module reads a clock.
 */
public record ProofOptions(
        Cryptosuite cryptosuite,
        String verificationMethod,
        ProofPurpose purpose,
        Instant created,
        Optional<String> challenge,
        Optional<String> domain) {

    /** Checks that every part is present. */
    public ProofOptions {
        if (cryptosuite == null || verificationMethod == null || verificationMethod.isBlank() || purpose == null
                || created == null || challenge == null || domain == null) {
            throw new IllegalArgumentException("proof options need a cryptosuite, a verification method, a purpose"
                    + " and a creation time");
        }
    }

    /** Options for an issuer's assertion proof on a credential. */
    public static ProofOptions assertion(
            final Cryptosuite cryptosuite, final String verificationMethod, final Instant created) {
        return new ProofOptions(cryptosuite, verificationMethod, ProofPurpose.ASSERTION_METHOD, created,
                Optional.empty(), Optional.empty());
    }

    /** Options for a holder's authentication proof on a presentation, bound to a challenge and domain. */
    public static ProofOptions authentication(final Cryptosuite cryptosuite, final String verificationMethod,
            final Instant created, final String challenge, final Optional<String> domain) {
        return new ProofOptions(cryptosuite, verificationMethod, ProofPurpose.AUTHENTICATION, created,
                Optional.of(challenge), domain);
    }
}
