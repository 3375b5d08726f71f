package org.banyan.p2p;

/** What {@link TransactionGossip#receive} did with one transaction. */
public enum GossipReceipt {
    /** New: queued for verification, and relayed afterwards if valid. */
    VERIFYING,
    /** Seen before (received, announced or queued): ignored without verifying again. */
    DUPLICATE,
    /** New, but the verification queue was full (or gossip was closed): dropped, counted, and forgotten, so a later copy is checked. */
    BUSY
}
