package org.banyan.credentials;

import java.util.EnumSet;
import java.util.Set;
import org.banyan.crypto.PublicKey;

/**
 * A resolved verification method: its id (a DID URL), its controller, its public key and the
 * verification relationships under which the controller's document lists it.
 */
public record VerificationMethod(String id, String controller, PublicKey publicKey, Set<ProofPurpose> relationships) {

    /** Copies the relationships and checks that the id and controller are present. */
    public VerificationMethod {
        if (id == null || id.isBlank() || controller == null || controller.isBlank() || publicKey == null) {
            throw new IllegalArgumentException("a verification method needs an id, a controller and a public key");
        }
        relationships = relationships.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(relationships));
    }

    /** Whether the controller authorized this key for the purpose. */
    public boolean isAuthorizedFor(final ProofPurpose purpose) {
        return relationships.contains(purpose);
    }
}
