package org.banyan.trie;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sparse Merkle tree over 256-bit keys with compressed leaves; see the package documentation for
 * its shape and hashing. The API is static and stateless: a tree is a root hash plus the nodes a
 * {@link NodeReader} can find, so any historical root can be read, updated or proved. Thread-safe.
 */
public final class SparseMerkleTree {

    /** Keys are 256-bit, e.g. a SHA-256 of an address. */
    public static final int KEY_BYTES = 32;
    /** Node hashes, value hashes and roots are SHA-256 sized. */
    public static final int HASH_BYTES = 32;
    /** One tree level per key bit, so no path from the root is longer than this. */
    public static final int KEY_BITS = KEY_BYTES * Byte.SIZE;

    private SparseMerkleTree() {
    }

    /** The root of the tree with no entries: 32 zero bytes. */
    public static byte[] emptyRoot() {
        return new byte[HASH_BYTES];
    }

    /**
     * Applies {@code changes} to the tree at {@code root} in one pass and returns the new root with the
     * nodes the caller must persist. The changes may come in any order; when a key appears more than
     * once, its last change wins. Cost is proportional to the keys changed times the tree depth, never
     * to the size of the tree. Nothing is written: {@code reader} is only read.
     *
     * @throws IllegalStateException if a node under {@code root} is missing or corrupt
     */
    public static TreeUpdate update(final NodeReader reader, final byte[] root, final List<Change> changes) {
        Objects.requireNonNull(reader, "reader");
        NodeFormat.requireLength(root, HASH_BYTES, "root");
        Objects.requireNonNull(changes, "changes");
        return BatchUpdate.apply(reader, root, changes);
    }

    /**
     * The value hash stored under {@code key} in the tree at {@code root}, or empty when absent.
     *
     * @throws IllegalStateException if a node on the key's path is missing or corrupt
     */
    public static Optional<byte[]> get(final NodeReader reader, final byte[] root, final byte[] key) {
        return prove(reader, root, key).valueHashOf(key);
    }

    /**
     * A proof that {@code key} is in the tree at {@code root} with its value hash, or that it is absent.
     *
     * @throws IllegalStateException if a node on the key's path is missing or corrupt
     */
    public static StateProof prove(final NodeReader reader, final byte[] root, final byte[] key) {
        Objects.requireNonNull(reader, "reader");
        NodeFormat.requireLength(root, HASH_BYTES, "root");
        NodeFormat.requireLength(key, KEY_BYTES, "key");
        final byte[][] siblings = new byte[KEY_BITS][];
        byte[] hash = root;
        for (int depth = 0; ; depth++) {
            if (NodeFormat.isEmpty(hash)) {
                return StateProof.endingInEmpty(Arrays.copyOf(siblings, depth));
            }
            final byte[] node = NodeFormat.read(reader, hash);
            if (NodeFormat.isLeaf(node)) {
                return StateProof.endingInLeaf(Arrays.copyOf(siblings, depth), NodeFormat.firstField(node), NodeFormat.secondField(node));
            }
            if (depth == KEY_BITS) {
                throw new IllegalStateException("trie node " + NodeFormat.hex(hash) + " is an internal node below the last key bit");
            }
            final int bit = NodeFormat.bit(key, depth);
            siblings[depth] = NodeFormat.child(node, 1 - bit);
            hash = NodeFormat.child(node, bit);
        }
    }
}
