package org.banyan.store;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** An in-memory {@link KeyValueStore} for tests and simulation. Batches apply under one lock. */
public final class MemoryStore implements KeyValueStore {

    private final ConcurrentSkipListMap<byte[], byte[]> entries = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    private volatile boolean closed;

    @Override
    public Optional<byte[]> get(final byte[] key) {
        ensureOpen();
        final byte[] value = entries.get(key);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    @Override
    public synchronized void write(final WriteBatch batch) {
        ensureOpen();
        for (final WriteBatch.Entry entry : batch.entries()) {
            if (entry.isDelete()) {
                entries.remove(entry.key());
            } else {
                entries.put(entry.key().clone(), entry.value().clone());
            }
        }
    }

    @Override
    public void scan(final byte[] prefix, final byte[] startKey, final int limit, final EntryVisitor visitor) {
        ensureOpen();
        int visited = 0;
        for (final Map.Entry<byte[], byte[]> entry : entries.tailMap(startKey, true).entrySet()) {
            if (visited >= limit || !startsWith(entry.getKey(), prefix)) {
                return;
            }
            visited++;
            if (!visitor.visit(entry.getKey().clone(), entry.getValue().clone())) {
                return;
            }
        }
    }

    /** Number of stored keys; for tests. */
    public int size() {
        return entries.size();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("store is closed");
        }
    }

    static boolean startsWith(final byte[] key, final byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
