package org.banyan.consensus;

import org.banyan.crypto.PublicKey;

/**
 * Checks one signature. Production uses {@link #PUBLIC_KEY}; a simulator may substitute a cheaper check of its own
 * that is sound for its closed world (for example, a registry of the signatures its nodes actually produced).
 */
@FunctionalInterface
public interface SignatureVerifier {

    /** Real verification with the key's algorithm, Ed25519 or SM2. */
    SignatureVerifier PUBLIC_KEY = PublicKey::verify;

    /** Whether {@code signature} by {@code key} covers {@code message}. */
    boolean verify(PublicKey key, byte[] message, byte[] signature);
}
