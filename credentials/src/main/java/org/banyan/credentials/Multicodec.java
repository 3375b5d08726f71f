package org.banyan.credentials;

import java.util.Arrays;
import java.util.Optional;
import org.banyan.crypto.Hex;

/**
 * The multicodec key types this module reads and writes, each with its unsigned-varint header.
 *
 * <p>Codes from the multicodec table: {@code ed25519-pub} 0xed and {@code ed25519-priv} 0x1300 are
 * registered; {@code sm2-pub} 0x1206 is a draft entry for the compressed SM2 point, used here
 * because no registered code for SM2 exists.
 */
public enum Multicodec {
    /** An Ed25519 public key: 32 bytes. */
    ED25519_PUBLIC_KEY(0xed, 32),
    /** An SM2 public key: the 33-byte compressed point (draft code). */
    SM2_PUBLIC_KEY(0x1206, 33),
    /** An Ed25519 private key: the 32-byte seed. */
    ED25519_PRIVATE_KEY(0x1300, 32);

    private final int code;
    private final byte[] header;
    private final int keyLengthBytes;

    Multicodec(final int code, final int keyLengthBytes) {
        this.code = code;
        this.header = varint(code);
        this.keyLengthBytes = keyLengthBytes;
    }

    /** The multicodec code. */
    public int code() {
        return code;
    }

    /** The length of the key that follows the header. */
    public int keyLengthBytes() {
        return keyLengthBytes;
    }

    /** {@code header || key}. */
    public byte[] prefix(final byte[] key) {
        if (key.length != keyLengthBytes) {
            throw new IllegalArgumentException(
                    "a " + this + " key has " + keyLengthBytes + " bytes, got " + key.length);
        }
        final byte[] bytes = Arrays.copyOf(header, header.length + key.length);
        System.arraycopy(key, 0, bytes, header.length, key.length);
        return bytes;
    }

    /** The codec whose header starts the bytes, if any. */
    public static Optional<Multicodec> of(final byte[] bytes) {
        for (final Multicodec codec : values()) {
            if (bytes.length >= codec.header.length
                    && Arrays.equals(bytes, 0, codec.header.length, codec.header, 0, codec.header.length)) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /**
     * The key after this codec's header.
     *
     * @throws IllegalArgumentException if the header is not this codec's or the key length is wrong
     */
    public byte[] strip(final byte[] bytes) {
        if (of(bytes).orElse(null) != this) {
            throw new IllegalArgumentException("the bytes do not start with the " + this + " multicodec header "
                    + Hex.encode(header));
        }
        if (bytes.length != header.length + keyLengthBytes) {
            throw new IllegalArgumentException("a " + this + " key has " + keyLengthBytes + " bytes, got "
                    + (bytes.length - header.length));
        }
        return Arrays.copyOfRange(bytes, header.length, bytes.length);
    }

    /** Unsigned LEB128, as multiformats writes codes. */
    private static byte[] varint(final int value) {
        final byte[] buffer = new byte[5];
        int length = 0;
        int remaining = value;
        while (remaining >= 0x80) {
            buffer[length++] = (byte) ((remaining & 0x7F) | 0x80);
            remaining >>>= 7;
        }
        buffer[length++] = (byte) remaining;
        return Arrays.copyOf(buffer, length);
    }
}
