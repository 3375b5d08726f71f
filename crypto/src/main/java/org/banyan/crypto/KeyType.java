package org.banyan.crypto;

import java.util.Optional;

/** The signature algorithms of BIF 1.x keys, with the type character used in key and address encodings. */
public enum KeyType {
    /** Ed25519 (RFC 8032); addresses hash the public key with SHA-256. */
    ED25519('e'),
    /** SM2 over sm2p256v1 with SM3 (GB/T 32918); addresses hash the public key with SM3. */
    SM2('z');

    /** What BIF writes after the type character in encoded keys and addresses: {@code 'f'}, for Base58. */
    static final byte ENCODING_MARKER = 'f';

    private final char code;

    KeyType(final char code) {
        this.code = code;
    }

    /** The type character: {@code 'e'} for Ed25519, {@code 'z'} for SM2. */
    public char code() {
        return code;
    }

    /** The key type with this type character, if any. */
    public static Optional<KeyType> fromCode(final char code) {
        for (final KeyType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the two-byte type header of an encoded key: type character, then {@link #ENCODING_MARKER}.
     *
     * @param keyKind names the key in error messages, e.g. "public key"
     * @throws IllegalArgumentException if the type is unknown or the marker is missing
     */
    static KeyType fromEncodingHeader(final byte typeByte, final byte marker, final String keyKind) {
        final KeyType type = fromCode((char) (typeByte & 0xFF)).orElseThrow(() -> new IllegalArgumentException(
                String.format("unknown %s type 0x%02x; expected 'e' (Ed25519) or 'z' (SM2)",
                        keyKind, typeByte & 0xFF)));
        if (marker != ENCODING_MARKER) {
            throw new IllegalArgumentException(String.format(
                    "an encoded %s has 'f' (0x66) after the type character, got 0x%02x", keyKind, marker & 0xFF));
        }
        return type;
    }
}
