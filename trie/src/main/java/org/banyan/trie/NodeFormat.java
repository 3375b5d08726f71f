package org.banyan.trie;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/** The byte layout of stored nodes and the bit order of keys, shared by the tree and its proofs. */
final class NodeFormat {

    /** First byte of a leaf's encoding and of its hash preimage. */
    static final byte LEAF_TAG = 0x00;
    /** First byte of an internal node's encoding and of its hash preimage. */
    static final byte INTERNAL_TAG = 0x01;
    /** A tag byte and two 32-byte fields: (key, valueHash) for a leaf, (left, right) for an internal node. */
    static final int ENCODED_NODE_BYTES = 1 + 2 * SparseMerkleTree.HASH_BYTES;

    private static final int FIRST_FIELD_OFFSET = 1;
    private static final int SECOND_FIELD_OFFSET = FIRST_FIELD_OFFSET + SparseMerkleTree.HASH_BYTES;
    /** Shared and never handed out, so nobody can write into it. */
    private static final byte[] EMPTY_HASH = new byte[SparseMerkleTree.HASH_BYTES];

    private NodeFormat() {
    }

    /** The hash of an empty subtree; callers must not write into it. */
    static byte[] emptyHash() {
        return EMPTY_HASH;
    }

    static boolean isEmpty(final byte[] hash) {
        return Arrays.equals(hash, EMPTY_HASH);
    }

    /** Bit {@code index} of {@code key}, most significant bit of byte 0 first. */
    static int bit(final byte[] key, final int index) {
        return (key[index >>> 3] >>> (7 - (index & 7))) & 1;
    }

    static byte[] encode(final byte tag, final byte[] first, final byte[] second) {
        final byte[] encoded = new byte[ENCODED_NODE_BYTES];
        encoded[0] = tag;
        System.arraycopy(first, 0, encoded, FIRST_FIELD_OFFSET, first.length);
        System.arraycopy(second, 0, encoded, SECOND_FIELD_OFFSET, second.length);
        return encoded;
    }

    static boolean isLeaf(final byte[] encoded) {
        return encoded[0] == LEAF_TAG;
    }

    /** A leaf's key, or an internal node's left child hash. */
    static byte[] firstField(final byte[] encoded) {
        return Arrays.copyOfRange(encoded, FIRST_FIELD_OFFSET, SECOND_FIELD_OFFSET);
    }

    /** A leaf's value hash, or an internal node's right child hash. */
    static byte[] secondField(final byte[] encoded) {
        return Arrays.copyOfRange(encoded, SECOND_FIELD_OFFSET, ENCODED_NODE_BYTES);
    }

    /** An internal node's child on side {@code bit} (0 = left). */
    static byte[] child(final byte[] encoded, final int bit) {
        return bit == 0 ? firstField(encoded) : secondField(encoded);
    }

    static boolean leafHasKey(final byte[] encoded, final byte[] key) {
        return Arrays.equals(encoded, FIRST_FIELD_OFFSET, SECOND_FIELD_OFFSET, key, 0, key.length);
    }

    /**
     * Reads the node stored under {@code hash}. A missing or malformed node means a bug or a corrupt
     * store, never bad input, so it throws {@link IllegalStateException}.
     */
    static byte[] read(final NodeReader reader, final byte[] hash) {
        final Optional<byte[]> found = reader.node(hash);
        if (found.isEmpty()) {
            throw new IllegalStateException("trie node " + hex(hash) + " is missing from the node store");
        }
        final byte[] encoded = found.get();
        if (encoded.length != ENCODED_NODE_BYTES || (encoded[0] != LEAF_TAG && encoded[0] != INTERNAL_TAG)) {
            throw new IllegalStateException("trie node " + hex(hash) + " is corrupt: " + hex(encoded));
        }
        return encoded;
    }

    /** Returns {@code bytes} after checking it is present and {@code length} bytes long. */
    static byte[] requireLength(final byte[] bytes, final int length, final String name) {
        Objects.requireNonNull(bytes, name);
        if (bytes.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    static String hex(final byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
