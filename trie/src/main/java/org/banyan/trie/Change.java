package org.banyan.trie;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets {@code key} to {@code valueHash}, or deletes {@code key} when {@code valueHash} is empty. The
 * arrays are copied in and out, so a change cannot be altered after it is made.
 */
public record Change(byte[] key, Optional<byte[]> valueHash) {

    /** Checks the lengths and takes private copies. */
    public Change {
        key = NodeFormat.requireLength(key, SparseMerkleTree.KEY_BYTES, "key").clone();
        valueHash = Objects.requireNonNull(valueHash, "valueHash")
                .map(hash -> NodeFormat.requireLength(hash, SparseMerkleTree.HASH_BYTES, "valueHash").clone());
    }

    /** A change that sets {@code key} to {@code valueHash}. */
    public static Change put(final byte[] key, final byte[] valueHash) {
        return new Change(key, Optional.of(Objects.requireNonNull(valueHash, "valueHash")));
    }

    /** A change that deletes {@code key}; deleting an absent key changes nothing. */
    public static Change delete(final byte[] key) {
        return new Change(key, Optional.empty());
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public Optional<byte[]> valueHash() {
        return valueHash.map(byte[]::clone);
    }

    /** True when this change deletes its key. */
    public boolean isDelete() {
        return valueHash.isEmpty();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Change change
                && Arrays.equals(key, change.key)
                && valueHash.isPresent() == change.valueHash.isPresent()
                && (valueHash.isEmpty() || Arrays.equals(valueHash.get(), change.valueHash.get()));
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + valueHash.map(Arrays::hashCode).orElse(0);
    }

    @Override
    public String toString() {
        final HexFormat hex = HexFormat.of();
        return "Change[key=" + hex.formatHex(key) + ", valueHash="
                + valueHash.map(hex::formatHex).orElse("deleted") + "]";
    }
}
