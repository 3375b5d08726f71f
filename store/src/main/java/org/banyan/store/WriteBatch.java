package org.banyan.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Puts and deletes to apply together. Later operations on the same key win. Not thread-safe: one
 * batch is built by one thread, then handed to {@link KeyValueStore#write}. The batch keeps the
 * arrays it is given until the write, so callers must not change them in between.
 */
public final class WriteBatch {

    /** One put or delete in a batch. */
    public sealed interface Entry permits Put, Delete {
        /** The key this entry writes. */
        byte[] key();

        /** The value a put stores; a delete has none, and asking for it is a bug. */
        byte[] value();

        /** True when this entry deletes its key. */
        boolean isDelete();
    }

    /** Stores {@code value} under {@code key}. */
    public record Put(byte[] key, byte[] value) implements Entry {
        /** Rejects missing keys and values: an empty array is a value, absence is a delete. */
        public Put {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean isDelete() {
            return false;
        }
    }

    /** Removes {@code key}; deleting an absent key is not an error. */
    public record Delete(byte[] key) implements Entry {
        /** Rejects a missing key. */
        public Delete {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public byte[] value() {
            throw new IllegalStateException("a delete has no value");
        }

        @Override
        public boolean isDelete() {
            return true;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private long byteSize;

    /** Adds a put of {@code value} under {@code key}. */
    public WriteBatch put(final byte[] key, final byte[] value) {
        entries.add(new Put(key, value));
        byteSize += key.length + value.length;
        return this;
    }

    /** Adds a delete of {@code key}. */
    public WriteBatch delete(final byte[] key) {
        entries.add(new Delete(key));
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
