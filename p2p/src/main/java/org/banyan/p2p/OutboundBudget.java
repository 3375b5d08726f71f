package org.banyan.p2p;

/**
 * The cap on what may wait to be written to one peer, by message count and by bytes. A message is reserved before
 * it is queued and released once the socket took it (or the link died), so the two counts are exactly what sits in
 * Netty's outbound buffer on our behalf.
 */
final class OutboundBudget {

    private final int maxMessages;
    private final long maxBytes;
    // Guarded by this: reservations come from any thread, releases from the event loop.
    private int messages;
    private long bytes;

    OutboundBudget(final int maxMessages, final long maxBytes) {
        if (maxMessages < 1 || maxBytes < 1) {
            throw new IllegalArgumentException(
                    "outbound caps must be positive, got " + maxMessages + " messages and " + maxBytes + " bytes");
        }
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** Takes room for one frame if both caps allow it. */
    synchronized boolean tryReserve(final int frameBytes) {
        if (messages + 1 > maxMessages || bytes + frameBytes > maxBytes) {
            return false;
        }
        messages++;
        bytes += frameBytes;
        return true;
    }

    /** Gives back the room of one reserved frame. */
    synchronized void release(final int frameBytes) {
        if (messages < 1 || bytes < frameBytes) {
            throw new IllegalStateException("released " + frameBytes + " bytes from a budget holding " + messages
                    + " messages and " + bytes + " bytes");
        }
        messages--;
        bytes -= frameBytes;
    }
}
