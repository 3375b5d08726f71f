package org.banyan.trie;

import java.util.Optional;

/** Looks up an encoded node by its hash. */
@FunctionalInterface
public interface NodeReader {

    /**
     * The encoded node stored under {@code hash}, or empty when the store does not hold it. The tree
     * never mutates the returned array.
     */
    Optional<byte[]> node(byte[] hash);
}
