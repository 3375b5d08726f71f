package org.banyan.store;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The key interval one {@link KeyValueStore#scan} covers, shared by every implementation so they
 * agree on where a scan starts and ends.
 *
 * <p>A scan covers the keys that start with the prefix and are not below the start key. In
 * unsigned byte order those keys form one interval: from the larger of prefix and start key
 * (inclusive) up to the prefix's successor (exclusive), or to the end of the key space when the
 * prefix has no successor (it is empty or all {@code 0xFF}).
 */
final class ScanRange {

    private final byte[] seekKey;
    private final Optional<byte[]> upperBound;
    private final int limit;

    private ScanRange(final byte[] seekKey, final Optional<byte[]> upperBound, final int limit) {
        this.seekKey = seekKey;
        this.upperBound = upperBound;
        this.limit = limit;
    }

    /** The range of a scan call; rejects a negative limit, which is a caller bug. */
    static ScanRange of(final byte[] prefix, final byte[] startKey, final int limit) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(startKey, "startKey");
        if (limit < 0) {
            throw new IllegalArgumentException("scan limit must not be negative, got " + limit);
        }
        final byte[] seekKey = Arrays.compareUnsigned(startKey, prefix) > 0 ? startKey : prefix;
        return new ScanRange(seekKey.clone(), successor(prefix), limit);
    }

    /** The first key the scan may visit (inclusive). */
    byte[] seekKey() {
        return seekKey.clone();
    }

    /** The first key past the prefix (exclusive), or empty when every key above the seek key has the prefix. */
    Optional<byte[]> upperBound() {
        return upperBound.map(byte[]::clone);
    }

    /** The most entries the scan may visit. */
    int limit() {
        return limit;
    }

    /** True when no key can fall in the range, because the start key lies past the prefix. */
    boolean isEmpty() {
        return upperBound.isPresent() && Arrays.compareUnsigned(seekKey, upperBound.get()) >= 0;
    }

    /**
     * The smallest key greater than every key starting with {@code prefix}: drop trailing
     * {@code 0xFF} bytes, then add one to the last byte. A prefix of only {@code 0xFF} bytes (or an
     * empty one) has no successor.
     */
    static Optional<byte[]> successor(final byte[] prefix) {
        for (int index = prefix.length - 1; index >= 0; index--) {
            if (prefix[index] != (byte) 0xFF) {
                final byte[] bound = Arrays.copyOf(prefix, index + 1);
                bound[index]++;
                return Optional.of(bound);
            }
        }
        return Optional.empty();
    }
}
