package org.banyan.ledger;

import java.util.concurrent.ConcurrentHashMap;
import org.banyan.crypto.PublicKey;

/**
 * Parsed public keys by their encoded form, shared by all verifying threads. When the cap is reached the
 * cache starts over: cheaper than tracking recency on every lookup, and a burst of new keys costs at most
 * one parse each, as without the cache.
 */
final class PublicKeyCache {

    private final int capacity;
    private final ConcurrentHashMap<String, SignerKey> keys = new ConcurrentHashMap<>();

    /** A parsed key with its main-chain address, derived once (a hash and a Base58 encoding). */
    record SignerKey(PublicKey publicKey, String address) {
    }

    PublicKeyCache(final int capacity) {
        Verify.that(capacity > 0, "capacity must be positive");
        this.capacity = capacity;
    }

    /** The parsed key; {@link IllegalArgumentException} when {@code encoded} is not a valid key (never cached). */
    SignerKey parse(final String encoded) {
        final SignerKey cached = keys.get(encoded);
        if (cached != null) {
            return cached;
        }
        final PublicKey publicKey = PublicKey.parse(encoded);
        final SignerKey parsed = new SignerKey(publicKey, publicKey.address().toString());
        if (keys.size() >= capacity) {
            keys.clear();
        }
        keys.put(encoded, parsed);
        return parsed;
    }

    int size() {
        return keys.size();
    }
}
