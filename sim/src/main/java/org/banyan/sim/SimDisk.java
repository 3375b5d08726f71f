package org.banyan.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One node's disk: writes sit in a volatile buffer until {@link #sync}, as in an OS page cache, and a crash drops
 * whatever was not synced. One sync makes every earlier write durable, as {@code fsync} does for a file.
 */
final class SimDisk {

    private final NavigableMap<String, byte[]> durable = new TreeMap<>();
    /** Unsynced writes; an empty value is a delete. */
    private final NavigableMap<String, Optional<byte[]>> pending = new TreeMap<>();

    void put(final String key, final byte[] value) {
        pending.put(key, Optional.of(value.clone()));
    }

    void delete(final String key) {
        pending.put(key, Optional.empty());
    }

    Optional<byte[]> get(final String key) {
        final Optional<byte[]> unsynced = pending.get(key);
        if (unsynced != null) {
            return unsynced.map(byte[]::clone);
        }
        return Optional.ofNullable(durable.get(key)).map(byte[]::clone);
    }

    /** Makes every write so far durable. */
    void sync() {
        for (final Map.Entry<String, Optional<byte[]>> write : pending.entrySet()) {
            if (write.getValue().isPresent()) {
                durable.put(write.getKey(), write.getValue().get());
            } else {
                durable.remove(write.getKey());
            }
        }
        pending.clear();
    }

    /** Loses every unsynced write; returns how many were lost. */
    int crash() {
        final int lost = pending.size();
        pending.clear();
        return lost;
    }

    /** Values of the keys with this prefix, in key order, synced or not. */
    List<byte[]> values(final String prefix) {
        final NavigableMap<String, byte[]> view = new TreeMap<>(durable.subMap(prefix, prefix + Character.MAX_VALUE));
        for (final Map.Entry<String, Optional<byte[]>> write
                : pending.subMap(prefix, prefix + Character.MAX_VALUE).entrySet()) {
            if (write.getValue().isPresent()) {
                view.put(write.getKey(), write.getValue().get());
            } else {
                view.remove(write.getKey());
            }
        }
        return new ArrayList<>(view.values());
    }
}
