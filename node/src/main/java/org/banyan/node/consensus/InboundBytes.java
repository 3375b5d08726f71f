package org.banyan.node.consensus;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of peer messages accepted but not yet handled by consensus: waiting for a signature check, or in the
 * consensus thread's queue. Proposals and synced blocks can each be megabytes, so a count of messages alone does not
 * bound memory; this does. A message that does not fit is dropped (peers retransmit) and counted by the caller.
 */
final class InboundBytes {

    /**
     * Room for several full-size proposals or sync responses at once, a small part of a node's heap: enough that a
     * node keeps up with every validator's messages, too little for peers to exhaust memory.
     */
    static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;

    private final long capacityBytes;
    private final AtomicLong reserved = new AtomicLong();

    InboundBytes() {
        this(MAX_PENDING_BYTES);
    }

    /** With another capacity than {@link #MAX_PENDING_BYTES}, so tests can reach it. */
    InboundBytes(final long capacityBytes) {
        if (capacityBytes < 1) {
            throw new IllegalArgumentException("the inbound byte budget must be positive, got " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
    }

    /** Takes room for a message of {@code bytes}; false, taking nothing, when it does not fit. */
    boolean tryReserve(final long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a message has no negative size, got " + bytes);
        }
        while (true) {
            final long current = reserved.get();
            if (current + bytes > capacityBytes) {
                return false;
            }
            if (reserved.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    /** Gives back the room of a handled or dropped message. */
    void release(final long bytes) {
        final long after = reserved.addAndGet(-bytes);
        if (after < 0) {
            throw new IllegalStateException("released " + bytes + " bytes more than were reserved");
        }
    }

    /** Bytes reserved now; never more than the capacity. */
    long reservedBytes() {
        return reserved.get();
    }
}
