package org.banyan.p2p;

import org.banyan.protocol.consensus.SignedTransaction;

/**
 * The node's check of a gossiped transaction: every signature over the transaction, and whatever else decides
 * whether it is worth relaying (typically admission to the mempool). {@link TransactionGossip} calls it once per new
 * envelope, on its verifier threads, so it must be thread-safe and may take CPU time but should not wait on I/O.
 */
@FunctionalInterface
public interface TransactionVerifier {

    /** Whether the transaction is valid and should be relayed to the other peers. */
    boolean verify(SignedTransaction transaction);
}
