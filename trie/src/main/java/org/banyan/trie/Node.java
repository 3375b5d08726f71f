package org.banyan.trie;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A tree node as stored: its {@code encoded} bytes under the key {@code hash}. The arrays are copied
 * in and out, so a node cannot be altered after it is made.
 */
public record Node(byte[] hash, byte[] encoded) {

    /** Checks the hash length and takes private copies. */
    public Node {
        hash = NodeFormat.requireLength(hash, SparseMerkleTree.HASH_BYTES, "hash").clone();
        encoded = Objects.requireNonNull(encoded, "encoded").clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Node node && Arrays.equals(hash, node.hash) && Arrays.equals(encoded, node.encoded);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hash) + Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        final HexFormat hex = HexFormat.of();
        return "Node[hash=" + hex.formatHex(hash) + ", encoded=" + hex.formatHex(encoded) + "]";
    }
}
