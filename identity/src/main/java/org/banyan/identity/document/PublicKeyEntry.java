package org.banyan.identity.document;

import java.util.Objects;
import org.banyan.crypto.PublicKey;

/** A {@code publicKey} entry: the key's id ({@code <controller>#<name>}), its controller and the key itself. */
public record PublicKeyEntry(String id, String controller, PublicKey publicKey) {

    public PublicKeyEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
