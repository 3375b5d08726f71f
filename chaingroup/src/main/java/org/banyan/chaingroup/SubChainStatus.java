package org.banyan.chaingroup;

/** Where a sub-chain stands in its lifecycle: pending → active ⇄ suspended, or rejected, or retired for good. */
public enum SubChainStatus {
    /** Applied for; its AC code is reserved. */
    PENDING,
    /** Approved: the AC code is issued and its anchors are accepted. */
    ACTIVE,
    /** Suspended by a quorum: its anchors are refused until it is resumed. */
    SUSPENDED,
    /** Retired by a quorum: nothing more is accepted, and its AC code stays taken. */
    RETIRED,
    /** The application was rejected: its AC code is free to apply for again. */
    REJECTED
}
