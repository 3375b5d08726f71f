package org.banyan.trie;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded LRU cache of nodes in front of a slower reader (the ledger's RocksDB). Reads fill it
 * from the backing reader; {@link #put} adds nodes the caller has just created so the next update
 * finds them without a disk read. It never writes to the backing store. Nodes are immutable and
 * content-addressed, so a cached node can never be stale. Thread-safe; a backing read runs outside
 * the lock, so a slow disk read does not block cache hits.
 */
public final class NodeCache implements NodeReader {

    /** A node hash as a map key, compared by content. */
    private record HashKey(byte[] hash) {
        @Override
        public boolean equals(final Object other) {
            return other instanceof HashKey key && Arrays.equals(hash, key.hash);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hash);
        }
    }

    private final NodeReader backing;
    private final int maxNodes;
    /** In access order, eldest first; guarded by {@code this}. */
    private final LinkedHashMap<HashKey, byte[]> nodes;

    /**
     * A cache holding at most {@code maxNodes} nodes in front of {@code backing}.
     *
     * @throws IllegalArgumentException if {@code maxNodes} is less than 1
     */
    public NodeCache(final NodeReader backing, final int maxNodes) {
        this.backing = Objects.requireNonNull(backing, "backing");
        if (maxNodes < 1) {
            throw new IllegalArgumentException("maxNodes must be at least 1, got " + maxNodes);
        }
        this.maxNodes = maxNodes;
        this.nodes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<HashKey, byte[]> eldest) {
                return size() > NodeCache.this.maxNodes;
            }
        };
    }

    @Override
    public Optional<byte[]> node(final byte[] hash) {
        NodeFormat.requireLength(hash, SparseMerkleTree.HASH_BYTES, "hash");
        final byte[] cached;
        synchronized (this) {
            cached = nodes.get(new HashKey(hash));
        }
        if (cached != null) {
            return Optional.of(cached.clone());
        }
        final Optional<byte[]> loaded = backing.node(hash);
        loaded.ifPresent(encoded -> remember(hash.clone(), encoded.clone()));
        return loaded;
    }

    /** Adds {@code node}, evicting the least recently used node when the cache is full. */
    public void put(final Node node) {
        remember(node.hash(), node.encoded());
    }

    /** Number of cached nodes, at most {@link #maxNodes()}. */
    public synchronized int size() {
        return nodes.size();
    }

    /** The most nodes this cache holds. */
    public int maxNodes() {
        return maxNodes;
    }

    private synchronized void remember(final byte[] hash, final byte[] encoded) {
        nodes.put(new HashKey(hash), encoded);
    }
}
