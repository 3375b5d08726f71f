package org.banyan.credentials;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * What a verifier knows about a credential when it asks a revocation registry: the issuer, the
 * credential's {@code id}, its VC 2.0 {@code credentialStatus} entries and, for BIF credentials,
 * its {@code revocationId}.
 */
public record RevocationQuery(
        String issuer, Optional<String> credentialId, List<JsonObject> credentialStatus, Optional<String> revocationId) {

    /** Copies the status list. */
    public RevocationQuery {
        credentialStatus = List.copyOf(credentialStatus);
    }
}
