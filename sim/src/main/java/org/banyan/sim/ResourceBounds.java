package org.banyan.sim;

import java.util.List;
import java.util.Optional;
import org.banyan.consensus.Limits;
import org.banyan.consensus.State;

/**
 * S10 resource bounds (spec §3.3): every buffer a peer or client can feed stays under its cap, spam or not. Read
 * after every step of a correct node, and at the end:
 * <ul>
 *   <li>in the consensus core, through {@link State}'s accessors: the height's vote and proposal log, the next
 *       height's buffer and the evidence pool;</li>
 *   <li>in the node's shell: the mempool, the block-sync buffer and the verified-signature memory;</li>
 *   <li>in the network: the longest queue of messages in flight on one link.</li>
 * </ul>
 */
final class ResourceBounds {

    /** Rounds of a height whose proposals and votes the core keeps: the past-round window, the current, the future. */
    static final int KEPT_ROUNDS = Limits.MAX_PAST_ROUNDS + 1 + Limits.MAX_FUTURE_ROUNDS;

    /**
     * Rounds of votes one height's log can hold. The core names no cap for its vote log, so it is derived from how
     * the core admits votes: prevotes and precommits of the kept rounds; older prevotes kept as proofs of lock; and
     * between two round changes, older prevotes of one round named by each kept proposal.
     */
    static final int VOTE_LOG_ROUNDS = 2 * KEPT_ROUNDS + Limits.MAX_PROOF_OF_LOCK_ROUNDS + KEPT_ROUNDS;

    private final ViolationReporter reporter;
    private final Network network;

    ResourceBounds(final ViolationReporter reporter, final Network network) {
        this.reporter = reporter;
        this.network = network;
    }

    /** Votes one height's log holds at most: each validator's values per round and type, over the log's rounds. */
    static long voteLogCap(final int validators) {
        return (long) VOTE_LOG_ROUNDS * validators * Limits.MAX_VALUES_PER_VALIDATOR_AND_ROUND;
    }

    /** Checks one node that just stepped, and the network. */
    void check(final SimNode node) {
        final Optional<State> running = node.consensusState();
        if (running.isEmpty()) {
            return;
        }
        final State state = running.get();
        within(node, "the vote log", state.keptVoteCount(), voteLogCap(state.validators().size()));
        within(node, "the proposal log", state.keptProposalCount(), KEPT_ROUNDS);
        within(node, "the next height's buffer", state.bufferedNextHeightCount(), Limits.MAX_NEXT_HEIGHT_MESSAGES);
        within(node, "the evidence pool", state.pendingEvidence().size(), Limits.MAX_PENDING_EVIDENCE);
        within(node, "the mempool", node.mempoolSize(), Mempool.MAX_TRANSACTIONS);
        within(node, "the block-sync buffer", node.syncBufferSize(), SyncBuffer.MAX_HELD);
        within(node, "the verified-signature memory", node.rememberedSignatureCount(),
                RecentSignatures.MAX_REMEMBERED);
        if (network.longestQueue() > Network.MAX_IN_FLIGHT_PER_LINK) {
            reporter.report("S10 resource bounds", "a network link queued " + network.longestQueue()
                    + " messages, over its cap of " + Network.MAX_IN_FLIGHT_PER_LINK);
        }
    }

    /** At the end: every correct node still running. */
    void atEnd(final List<SimNode> correctNodes) {
        correctNodes.forEach(this::check);
    }

    private void within(final SimNode node, final String buffer, final long size, final long cap) {
        if (size > cap) {
            reporter.report("S10 resource bounds", "correct node " + node.id + ": " + buffer + " holds " + size
                    + ", over its cap of " + cap);
        }
    }
}
