package org.banyan.trie;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The root of a key set computed straight from the package documentation's definition, with its own
 * SHA-256 and no shared tree code: the oracle the real tree is checked against.
 */
final class ReferenceTree {

    private ReferenceTree() {
    }

    /** The root of {@code entries} (key to value hash). */
    static byte[] root(final SortedMap<Keys.Key, byte[]> entries) {
        return subtreeRoot(new ArrayList<>(entries.entrySet()), 0);
    }

    private static byte[] subtreeRoot(final List<Map.Entry<Keys.Key, byte[]>> entries, final int depth) {
        if (entries.isEmpty()) {
            return new byte[32];
        }
        if (entries.size() == 1) {
            return sha256((byte) 0, entries.get(0).getKey().bytes(), entries.get(0).getValue());
        }
        final List<Map.Entry<Keys.Key, byte[]>> left = new ArrayList<>();
        final List<Map.Entry<Keys.Key, byte[]>> right = new ArrayList<>();
        for (final Map.Entry<Keys.Key, byte[]> entry : entries) {
            final byte[] key = entry.getKey().bytes();
            final boolean bitSet = (key[depth / 8] & (0x80 >>> (depth % 8))) != 0;
            (bitSet ? right : left).add(entry);
        }
        return sha256((byte) 1, subtreeRoot(left, depth + 1), subtreeRoot(right, depth + 1));
    }

    static byte[] sha256(final byte tag, final byte[] first, final byte[] second) {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(tag);
            digest.update(first);
            digest.update(second);
            return digest.digest();
        } catch (final NoSuchAlgorithmException absent) {
            throw new AssertionError(absent);
        }
    }
}
