package org.banyan.lightclient;

import com.google.protobuf.ByteString;

/**
 * Reads the compact binary form of proofs: big-endian fixed-width integers, fixed-length hashes and byte strings with
 * a 4-byte length prefix, each checked against its cap before anything is copied. Every read names its field, so a
 * refusal says where the bytes went wrong.
 */
final class ProofReader {

    private final byte[] bytes;
    private final String what;
    private int offset;

    private ProofReader(final byte[] bytes, final String what) {
        this.bytes = bytes;
        this.what = what;
    }

    /** A reader of {@code bytes}, which must open with {@code kind}. */
    static ProofReader open(final byte[] bytes, final int maxBytes, final byte kind, final String what)
            throws MalformedInput {
        if (bytes.length > maxBytes) {
            throw new MalformedInput(what + " is at most " + maxBytes + " bytes, got " + bytes.length);
        }
        final ProofReader reader = new ProofReader(bytes, what);
        final int found = reader.unsignedByte("kind");
        if (found != kind) {
            throw new MalformedInput(what + " opens with kind " + kind + ", got " + found);
        }
        return reader;
    }

    int unsignedByte(final String field) throws MalformedInput {
        require(1, field);
        return bytes[offset++] & 0xff;
    }

    int unsignedShort(final String field) throws MalformedInput {
        return unsignedByte(field) << 8 | unsignedByte(field);
    }

    /** A 4-byte count or index, refused when it would be negative as an {@code int}. */
    int count(final String field) throws MalformedInput {
        require(Integer.BYTES, field);
        final int value = unsignedShort(field) << 16 | unsignedShort(field);
        if (value < 0) {
            throw new MalformedInput(what + ": " + field + " is out of range");
        }
        return value;
    }

    ByteString fixed(final int length, final String field) throws MalformedInput {
        require(length, field);
        final ByteString value = ByteString.copyFrom(bytes, offset, length);
        offset += length;
        return value;
    }

    /** A length-prefixed byte string of at most {@code maxBytes}. */
    ByteString bytes(final int maxBytes, final String field) throws MalformedInput {
        final int length = count(field + " length");
        if (length > maxBytes) {
            throw new MalformedInput(what + ": " + field + " is at most " + maxBytes + " bytes, got " + length);
        }
        return fixed(length, field);
    }

    /** Refuses bytes after the last field, so each proof has one encoding. */
    void end() throws MalformedInput {
        if (offset != bytes.length) {
            throw new MalformedInput(what + " has " + (bytes.length - offset) + " trailing bytes");
        }
    }

    private void require(final int length, final String field) throws MalformedInput {
        if (bytes.length - offset < length) {
            throw new MalformedInput(what + " is truncated in " + field);
        }
    }
}
