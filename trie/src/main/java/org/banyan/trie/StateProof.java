package org.banyan.trie;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Proof that a key is in a tree with a given value hash, or that it is absent. It holds the sibling
 * hashes along the key's path, root side first, and the subtree where the path ends: a leaf, or an
 * empty subtree. Verification rebuilds the root from these and compares it with a trusted root, so
 * it needs no node store. Immutable and thread-safe.
 */
public final class StateProof {

    /** A key has 256 bits, so a path passes at most 256 internal nodes, each giving one sibling. */
    public static final int MAX_SIBLINGS = SparseMerkleTree.KEY_BITS;

    private static final byte ENDS_IN_EMPTY = 0x00;
    private static final byte ENDS_IN_LEAF = 0x01;
    /** The ending tag and the 16-bit sibling count. */
    private static final int HEADER_BYTES = 3;
    private static final int LEAF_BYTES = SparseMerkleTree.KEY_BYTES + SparseMerkleTree.HASH_BYTES;

    /**
     * The longest encoding: a full bitmap, all 256 siblings present and a leaf. {@link #decode}
     * refuses anything longer before parsing it.
     */
    public static final int MAX_ENCODED_BYTES =
            HEADER_BYTES + MAX_SIBLINGS / Byte.SIZE + MAX_SIBLINGS * SparseMerkleTree.HASH_BYTES + LEAF_BYTES;

    private record Leaf(byte[] key, byte[] valueHash) {
    }

    /** Root side first; the shared empty hash stands for an empty sibling. */
    private final byte[][] siblings;
    private final Optional<Leaf> leaf;

    private StateProof(final byte[][] siblings, final Optional<Leaf> leaf) {
        this.siblings = siblings;
        this.leaf = leaf;
    }

    /** A path that ends in an empty subtree; takes ownership of the arrays. */
    static StateProof endingInEmpty(final byte[][] siblings) {
        return new StateProof(siblings, Optional.empty());
    }

    /** A path that ends in a leaf; takes ownership of the arrays. */
    static StateProof endingInLeaf(final byte[][] siblings, final byte[] key, final byte[] valueHash) {
        return new StateProof(siblings, Optional.of(new Leaf(key, valueHash)));
    }

    /** The depth at which the key's path ends: one sibling per level above it. */
    public int siblingCount() {
        return siblings.length;
    }

    /**
     * True when this proves that {@code key} is in the tree at {@code root} with {@code valueHash}.
     */
    public boolean verifiesInclusion(final byte[] root, final byte[] key, final byte[] valueHash) {
        checkArguments(root, key);
        NodeFormat.requireLength(valueHash, SparseMerkleTree.HASH_BYTES, "valueHash");
        return leaf.isPresent()
                && Arrays.equals(leaf.get().key, key)
                && Arrays.equals(leaf.get().valueHash, valueHash)
                && Arrays.equals(rootAlong(key), root);
    }

    /**
     * True when this proves that {@code key} is not in the tree at {@code root}: its path ends in an
     * empty subtree, or in a leaf holding another key.
     */
    public boolean verifiesExclusion(final byte[] root, final byte[] key) {
        checkArguments(root, key);
        final boolean endsInKey = leaf.isPresent() && Arrays.equals(leaf.get().key, key);
        return !endsInKey && Arrays.equals(rootAlong(key), root);
    }

    /** The value hash this proof shows for {@code key}, if its path ends in that key's leaf. */
    Optional<byte[]> valueHashOf(final byte[] key) {
        return leaf.filter(found -> Arrays.equals(found.key, key)).map(found -> found.valueHash.clone());
    }

    /**
     * The hash the root would have if this proof were for {@code key}. Collision resistance makes a
     * match mean every hash on the path is the tree's own node at that position, so the ending seen
     * here is what the tree holds where {@code key} would be.
     */
    private byte[] rootAlong(final byte[] key) {
        final NodeHasher hasher = NodeHasher.create();
        byte[] hash = leaf.map(found -> hasher.leafHash(found.key, found.valueHash)).orElse(NodeFormat.emptyHash());
        for (int depth = siblings.length - 1; depth >= 0; depth--) {
            hash = NodeFormat.bit(key, depth) == 0
                    ? hasher.internalHash(hash, siblings[depth])
                    : hasher.internalHash(siblings[depth], hash);
        }
        return hash;
    }

    /**
     * The canonical bytes of this proof:
     * <pre>
     *   ending(1)         0x00 = the path ends in an empty subtree, 0x01 = in a leaf
     *   siblingCount(2)   unsigned big-endian, 0..256
     *   bitmap            ceil(siblingCount / 8) bytes; bit i (most significant first) is set when
     *                     sibling i is non-empty; the unused low bits of the last byte are zero
     *   siblings          32 bytes for each set bit, root side first
     *   leaf              key(32) || valueHash(32), only when the path ends in a leaf
     * </pre>
     * Empty siblings cost one bit, so a path through a long shared prefix stays small.
     */
    public byte[] encode() {
        final int bitmapBytes = bitmapBytes(siblings.length);
        int presentSiblings = 0;
        for (final byte[] sibling : siblings) {
            presentSiblings += NodeFormat.isEmpty(sibling) ? 0 : 1;
        }
        final byte[] encoded = new byte[encodedLength(bitmapBytes, presentSiblings, leaf.isPresent())];
        encoded[0] = leaf.isPresent() ? ENDS_IN_LEAF : ENDS_IN_EMPTY;
        encoded[1] = (byte) (siblings.length >>> 8);
        encoded[2] = (byte) siblings.length;
        int offset = HEADER_BYTES + bitmapBytes;
        for (int index = 0; index < siblings.length; index++) {
            if (!NodeFormat.isEmpty(siblings[index])) {
                encoded[HEADER_BYTES + index / Byte.SIZE] |= (byte) (0x80 >>> (index % Byte.SIZE));
                System.arraycopy(siblings[index], 0, encoded, offset, SparseMerkleTree.HASH_BYTES);
                offset += SparseMerkleTree.HASH_BYTES;
            }
        }
        if (leaf.isPresent()) {
            System.arraycopy(leaf.get().key, 0, encoded, offset, SparseMerkleTree.KEY_BYTES);
            System.arraycopy(leaf.get().valueHash, 0, encoded, offset + SparseMerkleTree.KEY_BYTES, SparseMerkleTree.HASH_BYTES);
        }
        return encoded;
    }

    /**
     * Parses bytes made by {@link #encode()}. Accepts only the canonical encoding, so every proof has
     * exactly one byte form.
     *
     * @throws IllegalArgumentException if the bytes are longer than {@link #MAX_ENCODED_BYTES},
     *     truncated, followed by trailing bytes, claim more than {@link #MAX_SIBLINGS} siblings, or are
     *     otherwise malformed
     */
    public static StateProof decode(final byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > MAX_ENCODED_BYTES) {
            throw new IllegalArgumentException("a state proof is at most " + MAX_ENCODED_BYTES + " bytes, got " + bytes.length);
        }
        if (bytes.length < HEADER_BYTES) {
            throw truncated(HEADER_BYTES, bytes.length);
        }
        final byte ending = bytes[0];
        if (ending != ENDS_IN_EMPTY && ending != ENDS_IN_LEAF) {
            throw new IllegalArgumentException("unknown state proof ending 0x" + Integer.toHexString(ending & 0xff));
        }
        final int siblingCount = ((bytes[1] & 0xff) << 8) | (bytes[2] & 0xff);
        if (siblingCount > MAX_SIBLINGS) {
            throw new IllegalArgumentException("a state proof has at most " + MAX_SIBLINGS + " siblings, got " + siblingCount);
        }
        final int bitmapBytes = bitmapBytes(siblingCount);
        if (bytes.length < HEADER_BYTES + bitmapBytes) {
            throw truncated(HEADER_BYTES + bitmapBytes, bytes.length);
        }
        final int unusedBits = bitmapBytes * Byte.SIZE - siblingCount;
        if (unusedBits > 0 && (bytes[HEADER_BYTES + bitmapBytes - 1] & ((1 << unusedBits) - 1)) != 0) {
            throw new IllegalArgumentException("state proof bitmap has bits set past sibling " + siblingCount);
        }
        int presentSiblings = 0;
        for (int index = HEADER_BYTES; index < HEADER_BYTES + bitmapBytes; index++) {
            presentSiblings += Integer.bitCount(bytes[index] & 0xff);
        }
        final int expectedLength = encodedLength(bitmapBytes, presentSiblings, ending == ENDS_IN_LEAF);
        if (bytes.length < expectedLength) {
            throw truncated(expectedLength, bytes.length);
        }
        if (bytes.length > expectedLength) {
            throw new IllegalArgumentException("state proof has " + (bytes.length - expectedLength) + " trailing bytes");
        }
        final byte[][] siblings = new byte[siblingCount][];
        int offset = HEADER_BYTES + bitmapBytes;
        for (int index = 0; index < siblingCount; index++) {
            if (NodeFormat.bit(bytes, HEADER_BYTES * Byte.SIZE + index) == 0) {
                siblings[index] = NodeFormat.emptyHash();
                continue;
            }
            siblings[index] = Arrays.copyOfRange(bytes, offset, offset + SparseMerkleTree.HASH_BYTES);
            offset += SparseMerkleTree.HASH_BYTES;
            if (NodeFormat.isEmpty(siblings[index])) {
                throw new IllegalArgumentException("state proof sibling " + index + " is marked present but is the empty hash");
            }
        }
        if (ending == ENDS_IN_EMPTY) {
            return endingInEmpty(siblings);
        }
        return endingInLeaf(siblings,
                Arrays.copyOfRange(bytes, offset, offset + SparseMerkleTree.KEY_BYTES),
                Arrays.copyOfRange(bytes, offset + SparseMerkleTree.KEY_BYTES, offset + LEAF_BYTES));
    }

    private static int bitmapBytes(final int siblingCount) {
        return (siblingCount + Byte.SIZE - 1) / Byte.SIZE;
    }

    private static int encodedLength(final int bitmapBytes, final int presentSiblings, final boolean endsInLeaf) {
        return HEADER_BYTES + bitmapBytes + presentSiblings * SparseMerkleTree.HASH_BYTES + (endsInLeaf ? LEAF_BYTES : 0);
    }

    private static IllegalArgumentException truncated(final int expectedBytes, final int actualBytes) {
        return new IllegalArgumentException("state proof is truncated: needs " + expectedBytes + " bytes, got " + actualBytes);
    }

    private static void checkArguments(final byte[] root, final byte[] key) {
        NodeFormat.requireLength(root, SparseMerkleTree.HASH_BYTES, "root");
        NodeFormat.requireLength(key, SparseMerkleTree.KEY_BYTES, "key");
    }

    /** Equal when the canonical encodings are equal. */
    @Override
    public boolean equals(final Object other) {
        return other instanceof StateProof proof && Arrays.equals(encode(), proof.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "StateProof[siblings=" + siblings.length + ", ending="
                + leaf.map(found -> "leaf " + NodeFormat.hex(found.key)).orElse("empty") + "]";
    }
}
