package org.banyan.p2p;

import com.google.protobuf.ByteString;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hashes seen recently, at most a fixed number; adding past the cap forgets the oldest. Thread-safe. */
final class SeenSet {

    private final int capacity;
    // Guarded by this. Insertion order, so the eldest entry is the one seen first.
    private final LinkedHashMap<ByteString, Boolean> hashes;

    SeenSet(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a seen set holds at least 1 hash, got " + capacity);
        }
        this.capacity = capacity;
        this.hashes = new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<ByteString, Boolean> eldest) {
                return size() > SeenSet.this.capacity;
            }
        };
    }

    /** Records the hash; true if it was not there, i.e. this is the first sighting the set remembers. */
    synchronized boolean add(final ByteString hash) {
        return hashes.putIfAbsent(hash, Boolean.TRUE) == null;
    }

    /** Forgets the hash, so that it counts as new again. */
    synchronized void remove(final ByteString hash) {
        hashes.remove(hash);
    }

    synchronized int size() {
        return hashes.size();
    }
}
