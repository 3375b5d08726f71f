package org.banyan.ledger;

import java.util.Locale;
import java.util.Objects;
import org.banyan.crypto.PublicKey;

/** A validator as the ledger records it: its encoded public key (lower-case hex) and its voting power. */
public record Validator(String publicKey, long power) {

    public Validator {
        Objects.requireNonNull(publicKey, "publicKey");
        publicKey = publicKey.toLowerCase(Locale.ROOT);
        try {
            PublicKey.parse(publicKey);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("validator key '" + publicKey + "' is not a valid public key: " + e.getMessage(), e);
        }
        if (power <= 0 || power > Limits.MAX_VALIDATOR_POWER) {
            throw new IllegalArgumentException("validator power must be between 1 and " + Limits.MAX_VALIDATOR_POWER
                + ", was " + power);
        }
    }

    /** The main-chain BID address of the validator's key: how votes and the fee split name it. */
    public String address() {
        // Derived once per key: every ledger close splits fees by address, and parsing a key validates its point.
        final String cached = ADDRESSES.get(publicKey);
        if (cached != null) {
            return cached;
        }
        if (ADDRESSES.size() >= ADDRESS_CACHE_ENTRIES) {
            ADDRESSES.clear();
        }
        final String address = PublicKey.parse(publicKey).address().toString();
        ADDRESSES.put(publicKey, address);
        return address;
    }

    /** Addresses remembered: every validator of several sets; past the cap the cache starts over. */
    private static final int ADDRESS_CACHE_ENTRIES = 4 * Limits.MAX_VALIDATORS;

    private static final java.util.concurrent.ConcurrentHashMap<String, String> ADDRESSES =
        new java.util.concurrent.ConcurrentHashMap<>();
}
