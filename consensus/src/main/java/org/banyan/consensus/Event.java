package org.banyan.consensus;

import java.util.Objects;
import org.banyan.protocol.consensus.CommittedBlock;

/** An input to the consensus core. */
public sealed interface Event permits Event.MessageReceived, Event.TimeoutElapsed, Event.BlockValidated,
        Event.ProposalContentReady, Event.CommitApplied, Event.BlockSynced {

    /**
     * A proposal or vote from the network. The shell has verified its signature against the validator set of its
     * height ({@link MessageVerifier}); the core trusts that and checks everything else.
     */
    record MessageReceived(ConsensusMessage message) implements Event {
        public MessageReceived {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A timer set by {@link Action.ScheduleTimeout} went off. */
    record TimeoutElapsed(TimeoutKind kind, long height, int round) implements Event {
        public TimeoutElapsed {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The shell's verdict on a block asked about by {@link Action.ValidateBlock}: the spec's {@code valid(v)}. */
    record BlockValidated(long height, BlockId blockId, boolean valid) implements Event {
        public BlockValidated {
            Objects.requireNonNull(blockId, "blockId");
        }
    }

    /** Transactions and time for the block asked for by {@link Action.RequestProposalContent}. */
    record ProposalContentReady(long height, int round, ProposalContent content) implements Event {
        public ProposalContentReady {
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * The shell stored and executed the block of {@link Action.Commit} at {@code height}; executing it fixed the
     * validator set of {@code height + 2} (a governance change made at h takes effect at h + 2).
     */
    record CommitApplied(long height, ValidatorSet validatorsAfterNext) implements Event {
        public CommitApplied {
            Objects.requireNonNull(validatorsAfterNext, "validatorsAfterNext");
        }
    }

    /**
     * A committed block fetched by block sync. The shell has checked its certificate against the validator set of its
     * height ({@link CommitCertificateVerifier}).
     */
    record BlockSynced(CommittedBlock committed) implements Event {
        public BlockSynced {
            Objects.requireNonNull(committed, "committed");
        }
    }
}
