package org.banyan.p2p;

/** What became of one message handed to {@link PeerNetwork#send}. */
public enum SendOutcome {
    /** Queued for writing to the peer's link. */
    QUEUED,
    /** No authenticated link to that peer exists right now. */
    NOT_CONNECTED,
    /**
     * The peer's outbound queue is at its message or byte cap, so the message was dropped and counted. Dropping (not
     * closing) is the policy: consensus and gossip retransmit from round state, and a reconnect would cost more.
     */
    QUEUE_FULL
}
