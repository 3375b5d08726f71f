package org.banyan.trie;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of tree nodes. Not thread-safe: each tree operation takes its own hasher, cloned from a
 * prototype because cloning is cheaper than a provider lookup.
 */
final class NodeHasher {

    private static final String ALGORITHM = "SHA-256";
    private static final MessageDigest PROTOTYPE = newDigest();

    private final MessageDigest digest;

    private NodeHasher(final MessageDigest digest) {
        this.digest = digest;
    }

    static NodeHasher create() {
        try {
            return new NodeHasher((MessageDigest) PROTOTYPE.clone());
        } catch (final CloneNotSupportedException notCloneable) {
            // Some providers (e.g. FIPS modules) refuse to clone digests.
            return new NodeHasher(newDigest());
        }
    }

    /** The hash of an encoded node, which is its own hash preimage. */
    byte[] hash(final byte[] encoded) {
        return digest.digest(encoded);
    }

    byte[] leafHash(final byte[] key, final byte[] valueHash) {
        return hashOf(NodeFormat.LEAF_TAG, key, valueHash);
    }

    byte[] internalHash(final byte[] left, final byte[] right) {
        return hashOf(NodeFormat.INTERNAL_TAG, left, right);
    }

    private byte[] hashOf(final byte tag, final byte[] first, final byte[] second) {
        digest.update(tag);
        digest.update(first);
        digest.update(second);
        return digest.digest();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(ALGORITHM);
        } catch (final NoSuchAlgorithmException absent) {
            throw new IllegalStateException("every Java platform must provide " + ALGORITHM, absent);
        }
    }
}
