package org.banyan.consensus;

import java.util.Objects;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.Evidence;

/**
 * An output of the consensus core. The shell carries actions out in list order; a {@link PersistSignState} must be
 * synced to disk before the next action runs, since the broadcast after it carries a signature it covers.
 */
public sealed interface Action permits Action.PersistSignState, Action.Broadcast, Action.ScheduleTimeout,
        Action.RequestProposalContent, Action.ValidateBlock, Action.Commit, Action.EvidenceDetected,
        Action.InputIgnored, Action.SigningRefused {

    /** Write and sync the sign state; if the sync fails, stop: the node must not send what it covers. */
    record PersistSignState(SignState signState) implements Action {
        public PersistSignState {
            Objects.requireNonNull(signState, "signState");
        }
    }

    /** Send a message to every peer, and keep re-sending it to peers that lack it while its height lasts. */
    record Broadcast(ConsensusMessage message) implements Action {
        public Broadcast {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Deliver {@link Event.TimeoutElapsed} with these fields after {@code durationMillis}. */
    record ScheduleTimeout(TimeoutKind kind, long height, int round, long durationMillis) implements Action {
        public ScheduleTimeout {
            Objects.requireNonNull(kind, "kind");
            Verify.that(durationMillis >= 0, "a timeout is not negative");
        }
    }

    /** This node proposes in (height, round): deliver {@link Event.ProposalContentReady}. */
    record RequestProposalContent(long height, int round) implements Action {
    }

    /**
     * Decide {@code valid(v)} for a proposed block and deliver {@link Event.BlockValidated}: certificates, evidence,
     * time, transactions, execution. The answer must depend on the block and committed state only, never on timing.
     */
    record ValidateBlock(long height, BlockId blockId, Block block) implements Action {
        public ValidateBlock {
            Objects.requireNonNull(blockId, "blockId");
            Objects.requireNonNull(block, "block");
        }
    }

    /**
     * Store the block with its certificate (synced), execute it, then deliver {@link Event.CommitApplied}. Until then
     * the core waits, buffering the next height's messages.
     */
    record Commit(CommittedBlock committed) implements Action {
        public Commit {
            Objects.requireNonNull(committed, "committed");
        }
    }

    /** Two conflicting votes by one validator; the core also puts it in its next proposal. */
    record EvidenceDetected(Evidence evidence) implements Action {
        public EvidenceDetected {
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /** An input was dropped; for metrics and peer scoring. Exact repeats of stored messages are not reported. */
    record InputIgnored(IgnoreReason reason, String detail) implements Action {
        public InputIgnored {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The double-sign guard refused to sign; after a restart from persisted sign state this is expected. */
    record SigningRefused(String reason) implements Action {
        public SigningRefused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
