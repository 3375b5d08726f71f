package org.banyan.crypto;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * A BIF public key: Ed25519 or SM2, decoded and validated once so that every later verification
 * reuses the decoded point.
 *
 * <p>Encoding (BIF {@code encPublicKey}): lower-case hex of {@code 0xB0 || typeChar || 'f' || raw},
 * where raw is the 32-byte Ed25519 point or the 65-byte uncompressed SM2 point {@code 04 || X || Y}.
 * Instances are immutable and safe to share between threads.
 */
public final class PublicKey {

    /** First byte of every encoded public key. */
    static final byte ENCODING_PREFIX = (byte) 0xB0;

    /** Bytes before the raw key: prefix, type character and marker. */
    static final int HEADER_LENGTH_BYTES = 3;

    private final KeyType type;
    private final byte[] raw;
    private final BiPredicate<byte[], byte[]> verifier;
    private final Address address;

    private PublicKey(final KeyType type, final byte[] raw, final BiPredicate<byte[], byte[]> verifier) {
        this.type = type;
        this.raw = raw;
        this.verifier = verifier;
        this.address = Address.of(type, Address.hashOf(type, raw), Optional.empty());
    }

    /**
     * Parses the BIF encoding ({@code b065 66…} or {@code b07a 66…}, hex in either case).
     *
     * @throws IllegalArgumentException if the text is not hex, has a wrong prefix, type or length,
     *     or the key is not a valid curve point
     */
    public static PublicKey parse(final String encodedHex) {
        final byte[] bytes = Hex.decode(encodedHex);
        if (bytes.length < HEADER_LENGTH_BYTES) {
            throw new IllegalArgumentException("an encoded public key is too short: " + bytes.length + " bytes");
        }
        if (bytes[0] != ENCODING_PREFIX) {
            throw new IllegalArgumentException(
                    String.format("an encoded public key starts with 0xb0, got 0x%02x", bytes[0] & 0xFF));
        }
        final KeyType type = KeyType.fromEncodingHeader(bytes[1], bytes[2], "public key");
        return fromRaw(type, Arrays.copyOfRange(bytes, HEADER_LENGTH_BYTES, bytes.length));
    }

    /**
     * A public key from its raw bytes: the 32-byte Ed25519 point or the 65-byte SM2 point {@code 04 || X || Y}.
     *
     * @throws IllegalArgumentException if the length is wrong or the bytes are not a valid point
     */
    public static PublicKey fromRaw(final KeyType type, final byte[] raw) {
        final byte[] copy = raw.clone();
        return switch (type) {
            case ED25519 -> {
                final var point = Ed25519Keys.decodePublicKey(copy);
                yield new PublicKey(type, copy, (message, signature) -> Ed25519Keys.verify(point, message, signature));
            }
            case SM2 -> {
                final var point = Sm2Keys.decodePublicKey(copy);
                yield new PublicKey(type, copy, (message, signature) -> Sm2Keys.verify(point, message, signature));
            }
        };
    }

    /** The BIF encoding, lower-case hex. */
    public String encoded() {
        final byte[] bytes = new byte[HEADER_LENGTH_BYTES + raw.length];
        bytes[0] = ENCODING_PREFIX;
        bytes[1] = (byte) type.code();
        bytes[2] = KeyType.ENCODING_MARKER;
        System.arraycopy(raw, 0, bytes, HEADER_LENGTH_BYTES, raw.length);
        return Hex.encode(bytes);
    }

    /** A copy of the raw key bytes. */
    public byte[] raw() {
        return raw.clone();
    }

    /** The signature algorithm. */
    public KeyType type() {
        return type;
    }

    /**
     * Whether the signature over the message checks under this key. Never throws on bad input: a
     * signature of the wrong length or garbage content is simply false.
     */
    public boolean verify(final byte[] message, final byte[] signature) {
        return verifier.test(message, signature);
    }

    /** The main-chain account address ({@code did:bid:ef…} or {@code did:bid:zf…}). */
    public Address address() {
        return address;
    }

    /**
     * The address on the sub-chain with this AC code ({@code did:bid:<ac>:ef…}).
     *
     * @throws IllegalArgumentException if the AC code is not 4 lower-case letters or digits
     */
    public Address address(final String acCode) {
        return Address.of(type, address.hash(), Optional.of(acCode));
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof PublicKey
                && type == ((PublicKey) other).type
                && Arrays.equals(raw, ((PublicKey) other).raw);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
