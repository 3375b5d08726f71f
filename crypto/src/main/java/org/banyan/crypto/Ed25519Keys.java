package org.banyan.crypto;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 (RFC 8032, pure, no context) on BouncyCastle's low-level implementation.
 *
 * <p>A public key is decoded and fully validated once into a {@link Ed25519.PublicPoint}, which
 * verification then reuses: point decompression costs a field inversion and the full check a scalar
 * multiplication, both of which would otherwise be paid on every signature. BouncyCastle only reads
 * the point during verification, so one point may be shared between threads.
 */
final class Ed25519Keys {

    /** Raw public key length: a compressed Edwards point. */
    static final int PUBLIC_KEY_LENGTH_BYTES = Ed25519.PUBLIC_KEY_SIZE;

    /** Signature length: {@code R || S}. */
    static final int SIGNATURE_LENGTH_BYTES = Ed25519.SIGNATURE_SIZE;

    private Ed25519Keys() {
    }

    /**
     * Decodes and validates a raw public key: canonical encoding, on the curve, in the prime-order
     * subgroup and not the identity.
     *
     * @throws IllegalArgumentException if the key is not such a point
     */
    static Ed25519.PublicPoint decodePublicKey(final byte[] raw) {
        if (raw.length != PUBLIC_KEY_LENGTH_BYTES) {
            throw new IllegalArgumentException(
                    "an Ed25519 public key has " + PUBLIC_KEY_LENGTH_BYTES + " bytes, got " + raw.length);
        }
        final Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(raw, 0);
        if (point == null) {
            throw new IllegalArgumentException("the bytes are not a valid Ed25519 public key point");
        }
        return point;
    }

    /** The raw public key of a seed. */
    static byte[] publicKeyOf(final byte[] seed) {
        final byte[] publicKey = new byte[PUBLIC_KEY_LENGTH_BYTES];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        return publicKey;
    }

    /** Signs deterministically; passing the public key saves recomputing it from the seed. */
    static byte[] sign(final byte[] seed, final byte[] publicKey, final byte[] message) {
        final byte[] signature = new byte[SIGNATURE_LENGTH_BYTES];
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /** Verifies; false for a signature of the wrong length or one that does not check. */
    static boolean verify(final Ed25519.PublicPoint publicKey, final byte[] message, final byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH_BYTES) {
            return false;
        }
        return Ed25519.verify(signature, 0, publicKey, message, 0, message.length);
    }
}
