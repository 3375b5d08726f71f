package org.banyan.p2p;

/**
 * Which nodes may hold a link to this one: the node answers from the ledger (validators of the current set plus the
 * configured observers). Called on Netty threads during every TLS handshake, so it must be thread-safe and quick.
 */
@FunctionalInterface
public interface PeerAdmission {

    /** Whether the node with this BID address ({@code did:bid:ef…}) may connect or be connected to. */
    boolean isAdmitted(String nodeAddress);
}
