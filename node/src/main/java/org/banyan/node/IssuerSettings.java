package org.banyan.node;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The node's credential issuer, from the config's {@code credentials} object: the key file it signs with (the JSON
 * {@code banyan key generate} prints) and the verification method its proofs name, by default
 * {@code <the key file's address>#key-1}. The issuer's BID document must list that key under {@code authentication}
 * for verifiers to accept its credentials.
 */
public record IssuerSettings(Path keyFile, Optional<String> verificationMethod) {

    public IssuerSettings {
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(verificationMethod, "verificationMethod");
    }
}
