package org.banyan.identity.document;

import java.util.Objects;

/** An {@code extension.verifiableCredentials} entry: a credential's BID and its {@link TypeCodes#CREDENTIAL_TYPES type}. */
public record CredentialReference(String id, int type) {

    public CredentialReference {
        Objects.requireNonNull(id, "id");
    }
}
