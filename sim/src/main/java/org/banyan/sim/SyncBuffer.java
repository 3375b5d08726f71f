package org.banyan.sim;

import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.banyan.protocol.consensus.CommittedBlock;

/**
 * Block sync's two bounded parts: the blocks a node sends a peer that is behind, and the blocks it received ahead of
 * its own height and holds until their height comes. A block's certificate is checked only when its height comes,
 * since only then is the validator set of that height known.
 */
final class SyncBuffer {

    /** Committed blocks one sync answer carries. */
    static final int MAX_BATCH = 8;

    /** Synced blocks held until their height comes; the rest are fetched again later. */
    static final int MAX_HELD = 64;

    private final NavigableMap<Long, CommittedBlock> held = new TreeMap<>();

    /** The heights to send a peer at {@code peerHeight} from a node at {@code ownHeight}: from, and to exclusive. */
    static long[] answerRange(final long peerHeight, final long ownHeight) {
        final long from = Math.max(1, peerHeight);
        return new long[] {from, Math.max(from, Math.min(ownHeight, from + MAX_BATCH))};
    }

    /** Holds a received block for a height not yet reached; false when it is behind, known or the buffer is full. */
    boolean hold(final CommittedBlock committed, final long currentHeight) {
        final long height = committed.getBlock().getHeight();
        if (height < currentHeight || held.containsKey(height) || held.size() >= MAX_HELD) {
            return false;
        }
        held.put(height, committed);
        return true;
    }

    /** The block for {@code currentHeight}, if held; blocks below it are dropped. */
    Optional<CommittedBlock> take(final long currentHeight) {
        held.headMap(currentHeight, false).clear();
        return Optional.ofNullable(held.remove(currentHeight));
    }

    int size() {
        return held.size();
    }
}
