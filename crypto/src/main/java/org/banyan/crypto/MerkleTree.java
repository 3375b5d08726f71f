package org.banyan.crypto;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle tree of RFC 6962 (Certificate Transparency) §2.1 over SHA-256: a leaf hashes as
 * {@code SHA-256(0x00 || leaf)}, an interior node as {@code SHA-256(0x01 || left || right)}, the empty tree as
 * {@code SHA-256()}, and a tree of n leaves splits at the largest power of two below n. The two prefixes keep a leaf
 * from ever passing for an interior node; the split makes the tree the same one Certificate Transparency logs, Trillian
 * and Tendermint's {@code merkle} package build, so any of their verifiers checks our paths.
 *
 * <p>Built level by level: pairing neighbours and carrying an unpaired last node up unchanged gives exactly the RFC's
 * recursive split, without recursion. An audit path lists the sibling hashes from the leaf's level upwards; {@link
 * #verify} is the algorithm of RFC 9162 §2.1.3.2.
 */
public final class MerkleTree {

    /**
     * Siblings an audit path may have. A tree of up to 2^64 leaves (RFC 6962's range) needs at most 64; a longer path
     * is malformed and refused before any hashing, so a hostile proof costs a verifier at most 64 hashes.
     */
    public static final int MAX_PATH_LENGTH = 64;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = Hashes.sha256(new byte[0]);

    private MerkleTree() {
    }

    /** The leaf hash of RFC 6962: {@code SHA-256(0x00 || leaf)}; what {@link #verify} takes for a leaf. */
    public static byte[] leafHash(final byte[] leaf) {
        return leafHash(Hashes.newSha256(), leaf);
    }

    /** The root over the leaves, in order; {@code SHA-256()} for none. */
    public static byte[] root(final List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return EMPTY_ROOT.clone();
        }
        final MessageDigest digest = Hashes.newSha256();
        List<byte[]> level = leafHashes(digest, leaves);
        while (level.size() > 1) {
            level = parents(digest, level);
        }
        return level.get(0);
    }

    /**
     * The audit path of the leaf at {@code index}: its siblings from the bottom up.
     *
     * @throws IllegalArgumentException if {@code index} is not that of a leaf
     */
    public static List<byte[]> path(final List<byte[]> leaves, final int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leaves.size() + " leaves");
        }
        final List<byte[]> path = new ArrayList<>();
        final MessageDigest digest = Hashes.newSha256();
        List<byte[]> level = leafHashes(digest, leaves);
        int position = index;
        while (level.size() > 1) {
            final int sibling = position ^ 1;
            // The last node of an odd level has no sibling: it moves up unchanged and adds nothing to the path.
            if (sibling < level.size()) {
                path.add(level.get(sibling));
            }
            level = parents(digest, level);
            position >>= 1;
        }
        return List.copyOf(path);
    }

    /**
     * Whether {@code path} proves that {@code leafHash} (see {@link #leafHash}) is leaf {@code index} of the tree of
     * {@code size} leaves with this root. False, never an exception, for anything malformed: an index outside the
     * tree, a size below 1, a path longer than {@link #MAX_PATH_LENGTH} or of the wrong length for the position, or
     * a hash that is not 32 bytes. The root does not commit to the size (a path of leaf 0 of 5 leaves also fits 6
     * leaves), so the size must come from the same signed commitment as the root, as a block header's
     * {@code transaction_count} does.
     */
    public static boolean verify(final byte[] root, final byte[] leafHash, final int index, final int size,
                                 final List<byte[]> path) {
        if (size < 1 || index < 0 || index >= size || path.size() > MAX_PATH_LENGTH
                || root.length != Hashes.DIGEST_LENGTH_BYTES || leafHash.length != Hashes.DIGEST_LENGTH_BYTES) {
            return false;
        }
        final MessageDigest digest = Hashes.newSha256();
        long position = index;
        long last = size - 1L;
        byte[] hash = leafHash;
        for (final byte[] sibling : path) {
            if (last == 0 || sibling.length != Hashes.DIGEST_LENGTH_BYTES) {
                return false;
            }
            if ((position & 1) == 1 || position == last) {
                hash = nodeHash(digest, sibling, hash);
                // A right edge node was carried up unpaired through the levels where it is a left child.
                while ((position & 1) == 0 && position != 0) {
                    position >>= 1;
                    last >>= 1;
                }
            } else {
                hash = nodeHash(digest, hash, sibling);
            }
            position >>= 1;
            last >>= 1;
        }
        return last == 0 && MessageDigest.isEqual(hash, root);
    }

    private static List<byte[]> leafHashes(final MessageDigest digest, final List<byte[]> leaves) {
        final List<byte[]> hashes = new ArrayList<>(leaves.size());
        for (final byte[] leaf : leaves) {
            hashes.add(leafHash(digest, leaf));
        }
        return hashes;
    }

    private static List<byte[]> parents(final MessageDigest digest, final List<byte[]> level) {
        final List<byte[]> parents = new ArrayList<>((level.size() + 1) / 2);
        for (int index = 0; index + 1 < level.size(); index += 2) {
            parents.add(nodeHash(digest, level.get(index), level.get(index + 1)));
        }
        if (level.size() % 2 == 1) {
            parents.add(level.get(level.size() - 1));
        }
        return parents;
    }

    // One digest serves a whole tree: digest() resets it, and cloning a fresh one per node would double the cost.
    private static byte[] leafHash(final MessageDigest digest, final byte[] leaf) {
        Objects.requireNonNull(leaf, "leaf");
        digest.update(LEAF_PREFIX);
        return digest.digest(leaf);
    }

    private static byte[] nodeHash(final MessageDigest digest, final byte[] left, final byte[] right) {
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }
}
