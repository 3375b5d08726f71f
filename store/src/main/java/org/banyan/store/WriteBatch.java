package org.banyan.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Puts and deletes to apply together. Later operations on the same key win. Not thread-safe: one
 * batch is built by one thread, then handed to {@link KeyValueStore#write}.
 */
public final class WriteBatch {

    /** One put (value present) or delete (value absent) in a batch. */
    public record Entry(byte[] key, byte[] value) {
        /** True when this entry deletes its key. */
        public boolean isDelete() {
            return value == null;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private long byteSize;

    /** Adds a put of {@code value} under {@code key}. */
    public WriteBatch put(final byte[] key, final byte[] value) {
        entries.add(new Entry(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
        byteSize += key.length + value.length;
        return this;
    }

    /** Adds a delete of {@code key}. */
    public WriteBatch delete(final byte[] key) {
        entries.add(new Entry(Objects.requireNonNull(key, "key"), null));
        byteSize += key.length;
        return this;
    }

    /** The operations in the order they were added. */
    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** Total bytes of keys and values, for metrics and size caps. */
    public long byteSize() {
        return byteSize;
    }

    /** Number of operations. */
    public int size() {
        return entries.size();
    }
}
