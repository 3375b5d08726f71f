package org.banyan.consensus;

import java.util.Objects;
import org.banyan.crypto.PublicKey;

/** A validator: the key that signs its votes and the voting power they carry. */
public record Validator(PublicKey publicKey, long votingPower) {

    public Validator {
        Objects.requireNonNull(publicKey, "publicKey");
        if (votingPower <= 0) {
            throw new IllegalArgumentException("voting power must be positive, got " + votingPower);
        }
    }

    /** The BID address votes name the validator by: the main-chain address of its key. */
    public String address() {
        return publicKey.address().toString();
    }
}
