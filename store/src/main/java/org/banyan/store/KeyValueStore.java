package org.banyan.store;

import java.util.Optional;

/**
 * An ordered byte-key store. Reads see only fully applied batches: a {@link WriteBatch} is applied
 * atomically and durably (synced) or not at all. Implementations are safe for concurrent readers
 * with one writer.
 *
 * <p>Keys are raw bytes ordered as unsigned bytes, compared left to right, a shorter key before
 * its extensions ({@code 0x01} before {@code 0x01 0x00} before {@code 0xFF}). The store gives keys
 * no structure: callers namespace them with their own prefixes. Keys and values may be empty.
 * Arrays passed in are copied before the call returns and arrays handed out are fresh copies, so
 * neither side can change the other's bytes.
 *
 * <p>Every method of a closed store throws {@code IllegalStateException("store is closed")}, except
 * {@link #close()}, which may be called again. Storage failures (disk errors, corruption) throw
 * {@link java.io.UncheckedIOException}; after a failed {@link #write} the caller must not assume
 * the batch is absent or present, and a node should stop.
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
     *
     * <p>A start key below the prefix starts at the prefix; one past the prefix's keys visits
     * nothing. A negative limit throws {@link IllegalArgumentException}. The scan sees the store as
     * it was when the scan began: the visitor may write to the store, and the running scan does not
     * see those writes.
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
