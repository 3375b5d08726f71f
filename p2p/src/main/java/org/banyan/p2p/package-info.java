/**
 * Banyan's peer-to-peer transport: TLS 1.3 links authenticated by Ed25519 node keys and admitted by the ledger,
 * length-prefixed protobuf frames with caps, bounded per-peer queues, reconnection, and transaction gossip that
 * verifies each envelope once. Start at {@link org.banyan.p2p.PeerNetwork}; every cap is in
 * {@link org.banyan.p2p.Limits}.
 */
package org.banyan.p2p;
