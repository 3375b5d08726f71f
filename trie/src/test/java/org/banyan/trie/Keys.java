package org.banyan.trie;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;

/** Keys, value hashes and their generators for tests. */
final class Keys {

    /**
     * Key bits that vary between clustered keys: both ends of the key and a few in between, so
     * clustered keys share prefixes of every length, up to 255 bits.
     */
    private static final int[] CLUSTER_BITS = {0, 1, 7, 8, 100, 200, 254, 255};

    private Keys() {
    }

    /** A key compared by content, in the tree's (unsigned) order. */
    record Key(byte[] bytes) implements Comparable<Key> {
        @Override
        public boolean equals(final Object other) {
            return other instanceof Key key && Arrays.equals(bytes, key.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public int compareTo(final Key other) {
            return Arrays.compareUnsigned(bytes, other.bytes);
        }

        @Override
        public String toString() {
            return NodeFormat.hex(bytes);
        }
    }

    /** Keys that are either uniformly random or drawn from a small cluster with long shared prefixes. */
    static Gen<byte[]> keys() {
        return longs().all().map(Keys::random).mix(integers().between(0, 255).map(Keys::clustered));
    }

    /** A value hash from a small set, so that changes sometimes rewrite the value a key already has. */
    static Gen<byte[]> valueHashes() {
        return integers().between(0, 3).map(Keys::valueHash);
    }

    static byte[] random(final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final byte[] key = new byte[SparseMerkleTree.KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** The cluster key whose varying bits spell {@code index}; all other bits are 1010... */
    static byte[] clustered(final int index) {
        final byte[] key = new byte[SparseMerkleTree.KEY_BYTES];
        Arrays.fill(key, (byte) 0xAA);
        for (int position = 0; position < CLUSTER_BITS.length; position++) {
            final int bit = CLUSTER_BITS[position];
            final int mask = 0x80 >>> (bit % 8);
            if ((index >>> position & 1) == 1) {
                key[bit / 8] |= (byte) mask;
            } else {
                key[bit / 8] &= (byte) ~mask;
            }
        }
        return key;
    }

    static byte[] valueHash(final int seed) {
        return ReferenceTree.sha256((byte) 0x7F, new byte[] {(byte) seed}, new byte[] {(byte) (seed >>> 8)});
    }

    /** {@code bytes} with bit {@code index} (most significant first) flipped. */
    static byte[] flipBit(final byte[] bytes, final int index) {
        final byte[] flipped = bytes.clone();
        flipped[index / 8] ^= (byte) (0x80 >>> (index % 8));
        return flipped;
    }
}
