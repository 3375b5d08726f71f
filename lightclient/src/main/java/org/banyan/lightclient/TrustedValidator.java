package org.banyan.lightclient;

import java.util.Objects;
import org.banyan.consensus.Validator;
import org.banyan.crypto.PublicKey;
import org.banyan.protocol.chaingroup.ValidatorEntry;

/** One validator of the followed chain as its light client trusts it: the key that signs precommits and its power. */
public record TrustedValidator(PublicKey publicKey, long power) {

    public TrustedValidator {
        Objects.requireNonNull(publicKey, "publicKey");
        if (power <= 0) {
            throw new IllegalArgumentException("a validator's power must be positive, got " + power);
        }
    }

    /** The validator a {@code ValidatorEntry} names, or why it names none. */
    public static Checked<TrustedValidator> of(final ValidatorEntry entry) {
        return of(entry.getPublicKey(), entry.getPower());
    }

    /** The validator with this BIF encoded public key (hex) and power, or why there is none. */
    public static Checked<TrustedValidator> of(final String encodedPublicKey, final long power) {
        if (power <= 0) {
            return Checked.invalid("a validator's power must be positive, got " + power);
        }
        try {
            return Checked.ok(new TrustedValidator(PublicKey.parse(encodedPublicKey), power));
        } catch (final IllegalArgumentException e) {
            return Checked.invalid("a validator's public key is not a BIF public key: " + e.getMessage());
        }
    }

    /** The entry as a {@code CertifiedHeader} carries it. */
    public ValidatorEntry toEntry() {
        return ValidatorEntry.newBuilder().setPublicKey(publicKey.encoded()).setPower(power).build();
    }

    Validator toConsensus() {
        return new Validator(publicKey, power);
    }
}
