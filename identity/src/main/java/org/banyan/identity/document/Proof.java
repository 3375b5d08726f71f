package org.banyan.identity.document;

import java.util.Objects;

/** A document's {@code proof}: the id of the signing key and the BIF-Base58 signature (RFC-004 §6.1.6). */
public record Proof(String creator, String signatureValue) {

    public Proof {
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(signatureValue, "signatureValue");
    }
}
