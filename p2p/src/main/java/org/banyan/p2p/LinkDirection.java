package org.banyan.p2p;

/** Who opened a link: which side dialled decides which of two simultaneous links survives. */
public enum LinkDirection {
    /** The peer dialled us. */
    INBOUND,
    /** We dialled the peer. */
    OUTBOUND
}
