package org.banyan.protocol.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The commitment to a validator set that ledger headers ({@code validators_hash}) and consensus blocks
 * carry: SHA-256 of the tag {@code banyan/validators/v1} followed, for each validator in set order, by its
 * address and encoded public key (each as a 2-byte length and ASCII bytes) and its power (8 bytes,
 * big-endian). One definition, so the ledger and consensus cannot disagree on it.
 */
public final class ValidatorsHash {

    private static final byte[] DOMAIN_TAG = "banyan/validators/v1".getBytes(StandardCharsets.US_ASCII);

    /** One validator as the hash sees it. */
    public record Entry(String address, String encodedPublicKey, long power) {
    }

    private ValidatorsHash() {
    }

    /** The hash of the set, in the given order. */
    public static byte[] of(final List<Entry> validators) {
        int length = DOMAIN_TAG.length;
        for (final Entry validator : validators) {
            length += 2 + validator.address().length() + 2 + validator.encodedPublicKey().length() + Long.BYTES;
        }
        final ByteBuffer buffer = ByteBuffer.allocate(length).put(DOMAIN_TAG);
        for (final Entry validator : validators) {
            putText(buffer, validator.address());
            putText(buffer, validator.encodedPublicKey());
            buffer.putLong(validator.power());
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(buffer.array());
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void putText(final ByteBuffer buffer, final String text) {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        buffer.putShort((short) bytes.length).put(bytes);
    }
}
