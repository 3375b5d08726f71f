package org.banyan.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * A BIF private key, Ed25519 or SM2, with its public key derived once.
 *
 * <p>Encoding (BIF {@code encPrivateKey}): BIF-Base58 of {@code 0x18 0x9E 0x99 || typeChar || 'f' || raw},
 * which always starts {@code pri}. Raw is the 32-byte Ed25519 seed or the 32-byte big-endian SM2
 * scalar. Signing uses no randomness: Ed25519 is deterministic (RFC 8032) and SM2 derives its nonce
 * as in RFC 6979 with HMAC-SM3, so the same key and message always give the same signature.
 * {@link #toString} shows the address only, never the key.
 */
public final class PrivateKey {

    /** Length of the raw key for both types. */
    public static final int RAW_LENGTH_BYTES = 32;

    /** Version bytes that make every encoded private key start with {@code pri}. */
    private static final byte[] ENCODING_PREFIX = {0x18, (byte) 0x9E, (byte) 0x99};

    private static final int HEADER_LENGTH_BYTES = ENCODING_PREFIX.length + 2;

    /**
     * Longest Base58 text of an encoded key: the 37 bytes under the {@code 0x18} version byte always
     * give exactly 50 characters. Longer input is rejected before the quadratic Base58 decoding runs.
     */
    static final int MAX_ENCODED_LENGTH_CHARS = 50;

    private final KeyType type;
    private final byte[] raw;
    private final PublicKey publicKey;
    private final UnaryOperator<byte[]> signer;

    private PrivateKey(
            final KeyType type, final byte[] raw, final PublicKey publicKey, final UnaryOperator<byte[]> signer) {
        this.type = type;
        this.raw = raw;
        this.publicKey = publicKey;
        this.signer = signer;
    }

    /** A new key from the caller's randomness, so that callers decide where entropy comes from. */
    public static PrivateKey generate(final KeyType type, final SecureRandom random) {
        final byte[] raw = new byte[RAW_LENGTH_BYTES];
        random.nextBytes(raw);
        // Only SM2 restricts the scalar; the chance of a redraw is about 2^-32.
        while (type == KeyType.SM2 && !Sm2Keys.isPrivateScalar(raw)) {
            random.nextBytes(raw);
        }
        return fromRaw(type, raw);
    }

    /**
     * Parses the BIF encoding ({@code pri…}).
     *
     * @throws IllegalArgumentException if the text is not Base58, is too long, or has a wrong
     *     prefix, type or length, or the SM2 scalar is out of range
     */
    public static PrivateKey parse(final String encoded) {
        if (encoded.length() > MAX_ENCODED_LENGTH_CHARS) {
            throw new IllegalArgumentException("an encoded private key has at most " + MAX_ENCODED_LENGTH_CHARS
                    + " characters, got " + encoded.length());
        }
        final byte[] bytes = Base58.decode(encoded);
        if (bytes.length != HEADER_LENGTH_BYTES + RAW_LENGTH_BYTES) {
            throw new IllegalArgumentException("an encoded private key has " + (HEADER_LENGTH_BYTES + RAW_LENGTH_BYTES)
                    + " bytes, got " + bytes.length);
        }
        if (!Arrays.equals(bytes, 0, ENCODING_PREFIX.length, ENCODING_PREFIX, 0, ENCODING_PREFIX.length)) {
            throw new IllegalArgumentException(
                    "an encoded private key must start with the 'pri' version bytes 0x18 0x9e 0x99");
        }
        final KeyType type = KeyType.fromEncodingHeader(
                bytes[ENCODING_PREFIX.length], bytes[ENCODING_PREFIX.length + 1], "private key");
        return fromRaw(type, Arrays.copyOfRange(bytes, HEADER_LENGTH_BYTES, bytes.length));
    }

    /**
     * A key from its 32 raw bytes: the Ed25519 seed or the SM2 scalar.
     *
     * @throws IllegalArgumentException if the length is wrong or the SM2 scalar is not in {@code [1, n - 2]}
     */
    public static PrivateKey fromRaw(final KeyType type, final byte[] raw32) {
        if (raw32.length != RAW_LENGTH_BYTES) {
            throw new IllegalArgumentException(
                    "a raw private key has " + RAW_LENGTH_BYTES + " bytes, got " + raw32.length);
        }
        final byte[] raw = raw32.clone();
        return switch (type) {
            case ED25519 -> {
                final byte[] publicRaw = Ed25519Keys.publicKeyOf(raw);
                yield new PrivateKey(type, raw, PublicKey.fromRaw(type, publicRaw),
                        message -> Ed25519Keys.sign(raw, publicRaw, message));
            }
            case SM2 -> {
                final BigInteger scalar = Sm2Keys.decodePrivateScalar(raw);
                final var point = Sm2Keys.publicKeyOf(scalar);
                final byte[] userIdDigest = Sm2Keys.userIdDigest(point, Sm2Keys.DEFAULT_USER_ID);
                yield new PrivateKey(type, raw, PublicKey.fromRaw(type, Sm2Keys.encodePublicKey(point)),
                        message -> Sm2Keys.sign(scalar, userIdDigest, message, Sm2Keys.deterministicK()));
            }
        };
    }

    /** The BIF encoding, {@code pri…}. */
    public String encoded() {
        final byte[] bytes = new byte[HEADER_LENGTH_BYTES + RAW_LENGTH_BYTES];
        System.arraycopy(ENCODING_PREFIX, 0, bytes, 0, ENCODING_PREFIX.length);
        bytes[ENCODING_PREFIX.length] = (byte) type.code();
        bytes[ENCODING_PREFIX.length + 1] = KeyType.ENCODING_MARKER;
        System.arraycopy(raw, 0, bytes, HEADER_LENGTH_BYTES, RAW_LENGTH_BYTES);
        return Base58.encode(bytes);
    }

    /** A copy of the 32 raw bytes. */
    public byte[] raw() {
        return raw.clone();
    }

    /** The signature algorithm. */
    public KeyType type() {
        return type;
    }

    /** The matching public key, derived once when this key was made. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** Signs the message: 64 bytes, Ed25519 {@code R || S} or SM2 {@code r || s}. */
    public byte[] sign(final byte[] message) {
        return signer.apply(message);
    }

    @Override
    public boolean equals(final Object other) {
        // Constant-time comparison: equality checks must not leak key bytes through timing.
        return other instanceof PrivateKey && type == ((PrivateKey) other).type
                && MessageDigest.isEqual(raw, ((PrivateKey) other).raw);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    /** Names the type and address only; the key itself must never reach logs. */
    @Override
    public String toString() {
        return "PrivateKey[" + type + ", " + publicKey.address() + "]";
    }
}
