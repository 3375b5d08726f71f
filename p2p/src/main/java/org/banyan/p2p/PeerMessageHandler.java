package org.banyan.p2p;

import org.banyan.protocol.p2p.PeerMessage;

/**
 * Receives what authenticated peers send.
 *
 * <p>Every method runs on the Netty event loop of the link and must not block: while it runs, that loop reads from
 * none of its links. This is the inbound bound: a slow handler slows the reading, TCP pushes back on the sender, and
 * the sender's own outbound cap drops what does not fit. Hand heavy work (signature checks, execution) to a bounded
 * queue of your own, as {@link TransactionGossip} does.
 */
public interface PeerMessageHandler {

    /** One message from an authenticated peer, in the order that peer sent it. Never a Hello or a keepalive. */
    void onMessage(String peerAddress, PeerMessage message);

    /**
     * A peer finished its handshake. Fires again for the same address when a newer link replaces an older one (for
     * example after the peer restarted), with the newer Hello.
     */
    default void onPeerConnected(ConnectedPeer peer) {
    }

    /** The last link to this peer closed. */
    default void onPeerDisconnected(String peerAddress) {
    }
}
