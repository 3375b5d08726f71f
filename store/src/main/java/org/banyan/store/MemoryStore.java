package org.banyan.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An in-memory {@link KeyValueStore} for tests and simulation.
 *
 * <p>One read-write lock makes batches atomic to readers: a write holds the write lock for the
 * whole batch, reads hold the read lock. A scan copies the key and value references of the entries
 * it will visit (at most its limit) under the read lock and calls the visitor after releasing it, which gives the scan a snapshot and
 * lets the visitor write without deadlocking. Stored arrays are private copies and never change,
 * so sharing their references with the copy is safe.
 */
public final class MemoryStore implements KeyValueStore {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Guarded by {@link #lock}. */
    private final TreeMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
    /** Guarded by {@link #lock}. */
    private boolean closed;

    @Override
    public Optional<byte[]> get(final byte[] key) {
        Objects.requireNonNull(key, "key");
        lock.readLock().lock();
        try {
            ensureOpen();
            return Optional.ofNullable(entries.get(key)).map(byte[]::clone);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void write(final WriteBatch batch) {
        Objects.requireNonNull(batch, "batch");
        lock.writeLock().lock();
        try {
            ensureOpen();
            for (final WriteBatch.Entry entry : batch.entries()) {
                if (entry.isDelete()) {
                    entries.remove(entry.key());
                } else {
                    entries.put(entry.key().clone(), entry.value().clone());
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void scan(final byte[] prefix, final byte[] startKey, final int limit, final EntryVisitor visitor) {
        final ScanRange range = ScanRange.of(prefix, startKey, limit);
        Objects.requireNonNull(visitor, "visitor");
        for (final Map.Entry<byte[], byte[]> entry : snapshot(range)) {
            if (!visitor.visit(entry.getKey().clone(), entry.getValue().clone())) {
                return;
            }
        }
    }

    /** Number of stored keys; for tests. */
    public int size() {
        lock.readLock().lock();
        try {
            ensureOpen();
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
            entries.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private List<Map.Entry<byte[], byte[]>> snapshot(final ScanRange range) {
        lock.readLock().lock();
        try {
            ensureOpen();
            final List<Map.Entry<byte[], byte[]>> visible = new ArrayList<>();
            if (range.isEmpty()) {
                return visible;
            }
            final byte[] seekKey = range.seekKey();
            final NavigableMap<byte[], byte[]> inRange = range.upperBound()
                    .map(upperBound -> entries.subMap(seekKey, true, upperBound, false))
                    .orElseGet(() -> entries.tailMap(seekKey, true));
            for (final Map.Entry<byte[], byte[]> entry : inRange.entrySet()) {
                if (visible.size() >= range.limit()) {
                    break;
                }
                // TreeMap reuses an entry object when its key is overwritten, so copy the pair.
                visible.add(Map.entry(entry.getKey(), entry.getValue()));
            }
            return visible;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("store is closed");
        }
    }
}
