package org.banyan.node.consensus;

import com.google.protobuf.ByteString;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signatures of the consensus messages accepted since consensus last moved to another height or round, so that a
 * retransmitted copy is dropped before its signature is checked again and before it takes room in the queues. Keyed
 * by signature, which is unique per signer and message; only verified messages are added, so a forged copy cannot
 * shadow the genuine one. It forgets everything when consensus moves: a message the core set aside (a round too far
 * ahead, a full next-height buffer) may be admissible now, and its next retransmission must reach the core.
 * Thread-safe.
 */
final class AcceptedMessages {

    /**
     * Enough for every vote and proposal of several heights of a large validator set (2 votes per validator per
     * round); past it the oldest are forgotten and a late copy is merely verified again.
     */
    static final int MAX_REMEMBERED = 16_384;

    private final int capacity;
    // Guarded by this; insertion order, so the eldest entry is the first accepted.
    private final LinkedHashMap<ByteString, Boolean> signatures;
    private long position;

    AcceptedMessages() {
        this(MAX_REMEMBERED);
    }

    /** With another capacity than {@link #MAX_REMEMBERED}, so tests can reach it. */
    AcceptedMessages(final int capacity) {
        this.capacity = capacity;
        this.signatures = new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<ByteString, Boolean> eldest) {
                return size() > AcceptedMessages.this.capacity;
            }
        };
    }

    /** Whether a message with this signature was accepted at the consensus position given (height and round). */
    synchronized boolean contains(final long consensusPosition, final ByteString signature) {
        moveTo(consensusPosition);
        return signatures.containsKey(signature);
    }

    /** Remembers the signature of a message accepted at the consensus position given. */
    synchronized void add(final long consensusPosition, final ByteString signature) {
        moveTo(consensusPosition);
        signatures.put(signature, Boolean.TRUE);
    }

    private void moveTo(final long consensusPosition) {
        if (consensusPosition != position) {
            signatures.clear();
            position = consensusPosition;
        }
    }

    synchronized int size() {
        return signatures.size();
    }
}
