package org.banyan.p2p;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.banyan.protocol.p2p.Hello;

/** One authenticated, handshaken connection to a peer, with its outbound budget. Safe to use from any thread. */
final class PeerLink {

    private final Channel channel;
    private final ConnectedPeer peer;
    private final OutboundBudget budget;
    private final Counters counters;

    PeerLink(final Channel channel, final String address, final Hello hello, final LinkDirection direction,
             final OutboundBudget budget, final Counters counters) {
        this.channel = channel;
        this.peer = new ConnectedPeer(address, hello, direction);
        this.budget = budget;
        this.counters = counters;
    }

    /** Queues an encoded frame unless the peer's budget is spent; the frame array is shared, never modified. */
    SendOutcome send(final byte[] frame) {
        if (!channel.isActive()) {
            return SendOutcome.NOT_CONNECTED;
        }
        if (!budget.tryReserve(frame.length)) {
            counters.messagesDropped.increment();
            return SendOutcome.QUEUE_FULL;
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame)).addListener(written -> {
            budget.release(frame.length);
            if (written.isSuccess()) {
                counters.framesSent.increment();
            }
        });
        return SendOutcome.QUEUED;
    }

    ConnectedPeer peer() {
        return peer;
    }

    String address() {
        return peer.address();
    }

    LinkDirection direction() {
        return peer.direction();
    }

    Channel channel() {
        return channel;
    }
}
