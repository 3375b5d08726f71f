package org.banyan.store;

import java.util.Optional;

/**
 * An ordered byte-key store. Reads see only fully applied batches: a {@link WriteBatch} is applied
 * atomically and durably (synced) or not at all. Implementations are safe for concurrent readers
 * with one writer.
 */
public interface KeyValueStore extends AutoCloseable {

    /** The value under {@code key}, or empty when absent. */
    Optional<byte[]> get(byte[] key);

    /** Applies every put and delete of {@code batch} atomically, and syncs it to stable storage. */
    void write(WriteBatch batch);

    /**
     * Visits, in ascending unsigned byte order, the entries whose key starts with {@code prefix},
     * beginning at {@code startKey} (inclusive; pass the prefix to start at the first) and stopping
     * after {@code limit} entries or when the visitor returns false.
     */
    void scan(byte[] prefix, byte[] startKey, int limit, EntryVisitor visitor);

    /** Releases the store's resources. Further calls fail. */
    @Override
    void close();

    /** Receives the entries of a {@link #scan}. */
    @FunctionalInterface
    interface EntryVisitor {
        /** Returns false to stop the scan. */
        boolean visit(byte[] key, byte[] value);
    }
}
