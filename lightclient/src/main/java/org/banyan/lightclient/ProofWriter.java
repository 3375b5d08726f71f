package org.banyan.lightclient;

import com.google.protobuf.ByteString;

/** Writes what {@link ProofReader} reads. */
final class ProofWriter {

    private ByteString written = ByteString.EMPTY;

    ProofWriter(final byte kind) {
        unsignedByte(kind);
    }

    ProofWriter unsignedByte(final int value) {
        return fixed(ByteString.copyFrom(new byte[] {(byte) value}));
    }

    ProofWriter unsignedShort(final int value) {
        return fixed(ByteString.copyFrom(new byte[] {(byte) (value >>> 8), (byte) value}));
    }

    ProofWriter count(final int value) {
        return fixed(ByteString.copyFrom(new byte[] {
            (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value}));
    }

    ProofWriter fixed(final ByteString value) {
        written = written.concat(value);
        return this;
    }

    ProofWriter bytes(final ByteString value) {
        return count(value.size()).fixed(value);
    }

    byte[] toByteArray() {
        return written.toByteArray();
    }
}
