package org.banyan.consensus;

import java.util.Objects;
import java.util.Optional;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;

/** A signed consensus message: a proposal or a vote. */
public sealed interface ConsensusMessage permits ConsensusMessage.ProposalMessage, ConsensusMessage.VoteMessage {

    /** Height the message is for. */
    long height();

    /** Round the message is for. */
    int round();

    /** BID address of the validator that signed it. */
    String sender();

    /** The bytes its signature covers. */
    byte[] signBytes(long chainId);

    /** The signature over {@link #signBytes}. */
    byte[] signature();

    /** The step of a round this message belongs to, in the order the double-sign guard compares them. */
    SignedStep signedStep();

    /** A proposal. */
    record ProposalMessage(Proposal proposal) implements ConsensusMessage {

        public ProposalMessage {
            Objects.requireNonNull(proposal, "proposal");
        }

        @Override
        public long height() {
            return proposal.getHeight();
        }

        @Override
        public int round() {
            return proposal.getRound();
        }

        @Override
        public String sender() {
            return proposal.getProposer();
        }

        @Override
        public byte[] signBytes(final long chainId) {
            return SignBytes.of(chainId, proposal);
        }

        @Override
        public byte[] signature() {
            return proposal.getSignature().toByteArray();
        }

        @Override
        public SignedStep signedStep() {
            return new SignedStep(proposal.getHeight(), proposal.getRound(), SignedStep.Kind.PROPOSAL,
                    Optional.of(BlockId.of(proposal.getBlock())), proposal.getPolRound());
        }
    }

    /** A prevote or a precommit. */
    record VoteMessage(Vote vote) implements ConsensusMessage {

        public VoteMessage {
            Objects.requireNonNull(vote, "vote");
        }

        @Override
        public long height() {
            return vote.getHeight();
        }

        @Override
        public int round() {
            return vote.getRound();
        }

        @Override
        public String sender() {
            return vote.getValidator();
        }

        @Override
        public byte[] signBytes(final long chainId) {
            return SignBytes.of(chainId, vote);
        }

        @Override
        public byte[] signature() {
            return vote.getSignature().toByteArray();
        }

        @Override
        public SignedStep signedStep() {
            return new SignedStep(vote.getHeight(), vote.getRound(),
                    vote.getType() == VoteType.PREVOTE ? SignedStep.Kind.PREVOTE : SignedStep.Kind.PRECOMMIT,
                    BlockId.ofVoteField(vote.getBlockId()), -1);
        }
    }
}
