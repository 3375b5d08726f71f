package org.banyan.trie;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory node store for tests. It counts reads, and refuses to overwrite a node with other
 * bytes, which checks that nodes really are immutable and content-addressed.
 */
final class MemoryNodes implements NodeReader {

    private final Map<ByteBuffer, byte[]> nodes = new HashMap<>();
    private long reads;

    @Override
    public Optional<byte[]> node(final byte[] hash) {
        reads++;
        return Optional.ofNullable(nodes.get(ByteBuffer.wrap(hash)));
    }

    /** Stores the update's new nodes and returns its root. */
    byte[] persist(final TreeUpdate update) {
        for (final Node node : update.newNodes()) {
            final byte[] encoded = node.encoded();
            final byte[] previous = nodes.putIfAbsent(ByteBuffer.wrap(node.hash()), encoded);
            if (previous != null && !Arrays.equals(previous, encoded)) {
                throw new AssertionError("node " + NodeFormat.hex(node.hash()) + " overwritten with other bytes");
            }
        }
        return update.root();
    }

    long reads() {
        return reads;
    }

    void resetReads() {
        reads = 0;
    }

    int size() {
        return nodes.size();
    }
}
