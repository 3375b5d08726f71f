package org.banyan.p2p;

/**
 * A snapshot of transaction gossip's counters since it started.
 *
 * @param received transactions handed to {@link TransactionGossip#receive}
 * @param duplicates of those, ones already seen
 * @param dropped of those, ones dropped because the verification queue was full
 * @param invalid transactions the verifier rejected (or failed on)
 * @param relayed transactions relayed to peers, own announcements included
 * @param oversizedBatches batches refused whole for carrying more than {@link Limits#MAX_GOSSIP_BATCH_TRANSACTIONS}
 */
public record GossipMetrics(long received, long duplicates, long dropped, long invalid, long relayed,
                            long oversizedBatches) {
}
