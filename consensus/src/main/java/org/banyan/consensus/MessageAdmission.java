package org.banyan.consensus;

import com.google.protobuf.ByteString;
import java.util.Optional;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.Evidence;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;

/**
 * Message admission (spec §2.4): which received messages enter the message log. Only the current height is logged;
 * the next height is buffered; a precommit of the previous height may extend the last commit; all else is dropped.
 * Within the height, rounds are kept from {@link Limits#MAX_PAST_ROUNDS} behind to {@link Limits#MAX_FUTURE_ROUNDS}
 * ahead; any round a member signs for is remembered for round catch-up (R8). Signatures were checked by the shell.
 */
final class MessageAdmission {

    /** Admits a received message, or this node's own just-signed one. */
    void admit(final State state, final ConsensusMessage message, final Outbox out) {
        if (message instanceof ConsensusMessage.ProposalMessage proposal) {
            admitProposal(state, proposal, out);
        } else {
            admitVote(state, ((ConsensusMessage.VoteMessage) message).vote(), out);
        }
    }

    private void admitVote(final State state, final Vote vote, final Outbox out) {
        if (!SignBytes.isSignable(vote.getType()) || vote.getRound() < 0 || !isVoteValue(vote.getBlockId())) {
            out.ignored(IgnoreReason.MALFORMED, "vote of type " + vote.getType() + " round " + vote.getRound()
                    + " with a " + vote.getBlockId().size() + "-byte block id");
            return;
        }
        if (vote.getHeight() == state.height + 1) {
            buffer(state, new ConsensusMessage.VoteMessage(vote), out);
            return;
        }
        if (vote.getHeight() == state.height - 1) {
            extendLastCommit(state, vote);
            return;
        }
        if (vote.getHeight() != state.height) {
            out.ignored(IgnoreReason.WRONG_HEIGHT, "vote for height " + vote.getHeight() + " at height " + state.height);
            return;
        }
        if (state.step == RoundStep.DECIDED) {
            return;
        }
        if (!state.validators.contains(vote.getValidator())) {
            out.ignored(IgnoreReason.NOT_A_VALIDATOR, vote.getValidator() + " is not a validator at height "
                    + state.height);
            return;
        }
        final boolean proofOfLock = vote.getType() == VoteType.PREVOTE
                && (state.votes.keepsPrevotesOf(vote.getRound())
                || state.namedProofOfLockRounds().contains(vote.getRound()));
        if (!proofOfLock && !inRoundWindow(state, vote.getValidator(), vote.getRound(), out)) {
            return;
        }
        final RoundVotes.Addition addition = state.votes.add(vote);
        if (addition instanceof RoundVotes.Conflict conflict) {
            keepEvidence(state, conflict.evidence(), out);
        }
    }

    private void admitProposal(final State state, final ConsensusMessage.ProposalMessage message, final Outbox out) {
        final Proposal proposal = message.proposal();
        if (!proposal.hasBlock() || proposal.getRound() < 0 || proposal.getPolRound() < -1
                || proposal.getPolRound() >= proposal.getRound()) {
            out.ignored(IgnoreReason.MALFORMED, "proposal for round " + proposal.getRound() + " with pol round "
                    + proposal.getPolRound() + (proposal.hasBlock() ? "" : " and no block"));
            return;
        }
        if (proposal.getHeight() == state.height + 1) {
            buffer(state, message, out);
            return;
        }
        if (proposal.getHeight() != state.height) {
            out.ignored(IgnoreReason.WRONG_HEIGHT, "proposal for height " + proposal.getHeight() + " at height "
                    + state.height);
            return;
        }
        if (state.step == RoundStep.DECIDED) {
            return;
        }
        final String proposer = state.validators.proposer(state.height, proposal.getRound()).address();
        if (!proposer.equals(proposal.getProposer())) {
            out.ignored(IgnoreReason.WRONG_PROPOSER, proposal.getProposer() + " does not propose in round "
                    + proposal.getRound() + " of height " + state.height + "; " + proposer + " does");
            return;
        }
        if (!inRoundWindow(state, proposal.getProposer(), proposal.getRound(), out)) {
            return;
        }
        final BlockId blockId = BlockId.of(proposal.getBlock());
        final State.StoredProposal existing = state.proposals.get(proposal.getRound());
        if (existing != null) {
            if (!existing.proposal().equals(proposal)) {
                out.ignored(IgnoreReason.CONFLICTING_PROPOSAL, "a second proposal for round " + proposal.getRound()
                        + " of height " + state.height + " by " + proposal.getProposer());
            }
            return;
        }
        final String misfit = misfit(state, proposal.getBlock());
        if (!misfit.isEmpty()) {
            out.ignored(IgnoreReason.BLOCK_DOES_NOT_FIT, "block " + blockId + " " + misfit);
            return;
        }
        state.proposals.put(proposal.getRound(), new State.StoredProposal(proposal, blockId));
        if (!state.validity.containsKey(blockId) && state.validationRequested.add(blockId)) {
            out.add(new Action.ValidateBlock(state.height, blockId, proposal.getBlock()));
        }
    }

    /**
     * What makes a block unfit for this height, or empty. These are the consensus parts of {@code valid(v)}, cheap
     * and decided from consensus state alone; the shell decides the rest.
     */
    private static String misfit(final State state, final Block block) {
        if (block.getHeight() != state.height) {
            return "is for height " + block.getHeight();
        }
        if (!block.getPreviousHash().equals(state.parentId)) {
            return "does not extend the committed parent";
        }
        if (!block.getValidatorsHash().equals(state.validators.hash())) {
            return "names another validator set";
        }
        if (!block.getNextValidatorsHash().equals(state.nextValidators.hash())) {
            return "names another validator set for the next height";
        }
        if (!state.validators.contains(block.getProposer())) {
            return "was built by " + block.getProposer() + ", not a validator";
        }
        if (block.getEvidenceCount() > Limits.MAX_EVIDENCE_PER_BLOCK) {
            return "carries " + block.getEvidenceCount() + " evidence items; at most " + Limits.MAX_EVIDENCE_PER_BLOCK
                    + " are allowed";
        }
        if (state.lastCommit.isPresent() != block.hasLastCommit()) {
            return state.lastCommit.isEmpty() ? "carries a last commit at the first height" : "has no last commit";
        }
        if (block.hasLastCommit() && (block.getLastCommit().getHeight() != state.height - 1
                || !block.getLastCommit().getBlockId().equals(state.parentId))) {
            return "has a last commit for another block";
        }
        return "";
    }

    /** Remembers the sender's round for R8 and tells whether the round is inside the kept window. */
    private static boolean inRoundWindow(final State state, final String sender, final int round, final Outbox out) {
        state.highestRoundSeen.merge(sender, round, Math::max);
        if (round > state.round + Limits.MAX_FUTURE_ROUNDS) {
            out.ignored(IgnoreReason.ROUND_TOO_FAR_AHEAD, "round " + round + " from " + sender + " at round "
                    + state.round);
            return false;
        }
        if (round < state.round - Limits.MAX_PAST_ROUNDS) {
            out.ignored(IgnoreReason.ROUND_TOO_OLD, "round " + round + " from " + sender + " at round " + state.round);
            return false;
        }
        return true;
    }

    private static void buffer(final State state, final ConsensusMessage message, final Outbox out) {
        if (state.nextHeight.add(message) == NextHeightBuffer.Addition.BUFFER_FULL) {
            out.ignored(IgnoreReason.NEXT_HEIGHT_BUFFER_FULL, "the buffer for height " + (state.height + 1)
                    + " holds " + Limits.MAX_NEXT_HEIGHT_MESSAGES + " messages");
        }
    }

    /** "A vote for h-1 arriving after commit only extends the certificate" (spec §2.4, message admission). */
    private static void extendLastCommit(final State state, final Vote vote) {
        if (vote.getType() != VoteType.PRECOMMIT || state.lastCommit.isEmpty() || state.previousValidators.isEmpty()) {
            return;
        }
        final CommitCertificate certificate = state.lastCommit.get();
        final boolean matches = vote.getRound() == certificate.getRound()
                && vote.getBlockId().equals(certificate.getBlockId())
                && state.previousValidators.get().contains(vote.getValidator())
                && certificate.getPrecommitsList().stream().noneMatch(
                        counted -> counted.getValidator().equals(vote.getValidator()));
        if (matches) {
            state.lastCommit = Optional.of(certificate.toBuilder().addPrecommits(vote).build());
        }
    }

    private static void keepEvidence(final State state, final Evidence evidence, final Outbox out) {
        switch (state.evidence.add(evidence)) {
            case ADDED -> out.add(new Action.EvidenceDetected(evidence));
            case POOL_FULL -> out.ignored(IgnoreReason.EVIDENCE_POOL_FULL, "evidence against "
                    + evidence.getFirst().getValidator() + " at height " + evidence.getFirst().getHeight());
            case ALREADY_PENDING -> {
                // Known already: nothing new to report.
            }
        }
    }

    private static boolean isVoteValue(final ByteString blockId) {
        return blockId.isEmpty() || blockId.size() == BlockId.LENGTH_BYTES;
    }
}
