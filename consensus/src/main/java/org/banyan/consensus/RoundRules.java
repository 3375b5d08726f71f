package org.banyan.consensus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;

/**
 * The rules R1–R8 of spec §2.4, StartRound and the three round timeouts, one method each under the spec's name.
 * {@link #advance} re-evaluates the "upon" rules after every input until none fires; each rule changes the step or
 * round, or records that it fired for its round, so the loop ends.
 */
final class RoundRules {

    private final ConsensusConfig config;
    private final Signer signer;
    private final MessageAdmission admission;

    RoundRules(final ConsensusConfig config, final Signer signer, final MessageAdmission admission) {
        this.config = config;
        this.signer = signer;
        this.admission = admission;
    }

    /**
     * Applies the "upon" rules until none fires. A decision (R7) and a round jump (R8) come first: both make the other
     * rules' conditions moot for the current round.
     */
    void advance(final State state, final Outbox out) {
        boolean fired;
        do {
            fired = commitDecidedValue(state, out)            // R7
                    || catchUpRound(state, out)              // R8
                    || prevoteOnProposal(state, out)         // R1
                    || prevoteOnProofOfLock(state, out)      // R2
                    || schedulePrevoteTimeout(state, out)    // R3
                    || lockOnPrevoteQuorum(state, out)       // R4
                    || precommitNilOnNilQuorum(state, out)   // R5
                    || schedulePrecommitTimeout(state, out); // R6
        } while (fired);
    }

    /** StartRound(r): enter the round; the proposer proposes its valid value if it has one, else a new block. */
    void startRound(final State state, final int round, final Outbox out) {
        Verify.that(round >= state.round, "rounds only move forward");
        state.round = round;
        state.step = RoundStep.PROPOSE;
        state.awaitingContent = false;
        state.dropRoundsBefore(round - Limits.MAX_PAST_ROUNDS);
        schedule(state, TimeoutKind.PROPOSE, out);
        if (!signer.isProposer(state)) {
            return;
        }
        if (state.valid.isPresent()) {
            propose(state, state.valid.get().block(), state.valid.get().round(), out);
        } else {
            state.awaitingContent = true;
            out.add(new Action.RequestProposalContent(state.height, round));
        }
    }

    /** The shell's content for this node's proposal: build the block and propose it, unless the round moved on. */
    void onProposalContent(final State state, final Event.ProposalContentReady ready, final Outbox out) {
        if (ready.height() != state.height || ready.round() != state.round || state.step != RoundStep.PROPOSE
                || !state.awaitingContent) {
            return;
        }
        state.awaitingContent = false;
        final Block.Builder block = Block.newBuilder()
                .setHeight(state.height)
                .setCloseTime(ready.content().closeTimeMicros())
                .setPreviousHash(state.parentId)
                .addAllTransactions(ready.content().transactions())
                .addAllEvidence(state.evidence.forBlock())
                .setValidatorsHash(state.validators.hash())
                .setNextValidatorsHash(state.nextValidators.hash())
                .setPreviousLedgerHash(ready.content().previousLedgerHash())
                .setProposer(config.address().orElseThrow());
        state.lastCommit.ifPresent(block::setLastCommit);
        propose(state, block.build(), -1, out);
    }

    /** OnTimeoutPropose, OnTimeoutPrevote, OnTimeoutPrecommit, and the commit delay; stale timers do nothing. */
    void onTimeout(final State state, final Event.TimeoutElapsed timeout, final Outbox out) {
        if (timeout.height() != state.height || timeout.round() != state.round) {
            return;
        }
        switch (timeout.kind()) {
            case PROPOSE -> {
                if (state.step == RoundStep.PROPOSE) {
                    vote(state, VoteType.PREVOTE, Optional.empty(), out);
                    state.step = RoundStep.PREVOTE;
                }
            }
            case PREVOTE -> {
                if (state.step == RoundStep.PREVOTE) {
                    vote(state, VoteType.PRECOMMIT, Optional.empty(), out);
                    state.step = RoundStep.PRECOMMIT;
                }
            }
            case PRECOMMIT -> {
                if (state.step.inRound()) {
                    startRound(state, state.round + 1, out);
                }
            }
            case COMMIT -> {
                if (state.step == RoundStep.NEW_HEIGHT) {
                    startRound(state, 0, out);
                }
            }
        }
    }

    /** The shell applied the decided block: move to the next height with the validator sets it fixed. */
    void onCommitApplied(final State state, final Event.CommitApplied applied, final Outbox out) {
        Verify.that(state.step == RoundStep.DECIDED && applied.height() == state.height,
                "the shell acknowledges only the commit the core asked for, at height " + state.height);
        final CommitCertificate certificate = state.decision.orElseThrow().getCertificate();
        final ValidatorSet previous = state.validators;
        state.enterHeight(state.height + 1, state.nextValidators, applied.validatorsAfterNext(),
                certificate.getBlockId(), Optional.of(certificate));
        state.previousValidators = Optional.of(previous);
        for (final ConsensusMessage buffered : state.nextHeight.drain()) {
            admission.admit(state, buffered, out);
        }
        final long commitMillis = config.timeouts().durationMillis(TimeoutKind.COMMIT, 0);
        if (commitMillis > 0) {
            out.add(new Action.ScheduleTimeout(TimeoutKind.COMMIT, state.height, 0, commitMillis));
        } else {
            startRound(state, 0, out);
        }
    }

    /** A block with a verified certificate for the current height, from block sync: decide it. */
    void onBlockSynced(final State state, final CommittedBlock committed, final Outbox out) {
        final Block block = committed.getBlock();
        if (block.getHeight() < state.height
                || block.getHeight() == state.height && state.step == RoundStep.DECIDED) {
            return;
        }
        final CommitCertificate certificate = committed.getCertificate();
        if (block.getHeight() != state.height || certificate.getHeight() != state.height
                || !certificate.getBlockId().equals(BlockId.of(block).bytes())
                || !block.getPreviousHash().equals(state.parentId)) {
            out.ignored(IgnoreReason.SYNCED_BLOCK_DOES_NOT_FIT, "synced block for height " + block.getHeight()
                    + " at height " + state.height);
            return;
        }
        decide(state, committed, out);
    }

    /** R1: a proposal without proof of lock; prevote it if valid and not locked on something else. */
    private boolean prevoteOnProposal(final State state, final Outbox out) {
        final Optional<State.StoredProposal> proposal = currentProposal(state);
        if (state.step != RoundStep.PROPOSE || proposal.isEmpty() || proposal.get().proposal().getPolRound() != -1) {
            return false;
        }
        final BlockId blockId = proposal.get().blockId();
        if (!state.validity.containsKey(blockId)) {
            return false;
        }
        final boolean acceptable = state.isValid(blockId)
                && state.locked.map(locked -> locked.blockId().equals(blockId)).orElse(true);
        vote(state, VoteType.PREVOTE, acceptable ? Optional.of(blockId) : Optional.empty(), out);
        state.step = RoundStep.PREVOTE;
        return true;
    }

    /** R2: a re-proposal with a quorum of prevotes at its pol round vr; prevote it unless locked later elsewhere. */
    private boolean prevoteOnProofOfLock(final State state, final Outbox out) {
        final Optional<State.StoredProposal> proposal = currentProposal(state);
        if (state.step != RoundStep.PROPOSE || proposal.isEmpty() || proposal.get().proposal().getPolRound() < 0) {
            return false;
        }
        final int polRound = proposal.get().proposal().getPolRound();
        final BlockId blockId = proposal.get().blockId();
        final boolean proven = state.votes.prevotes(polRound)
                .map(prevotes -> prevotes.hasQuorumFor(Optional.of(blockId))).orElse(false);
        if (!proven || !state.validity.containsKey(blockId)) {
            return false;
        }
        final boolean acceptable = state.isValid(blockId) && state.locked
                .map(locked -> locked.round() <= polRound || locked.blockId().equals(blockId)).orElse(true);
        vote(state, VoteType.PREVOTE, acceptable ? Optional.of(blockId) : Optional.empty(), out);
        state.step = RoundStep.PREVOTE;
        return true;
    }

    /** R3: a quorum of prevotes for anything, the first time in this round: start the prevote timer. */
    private boolean schedulePrevoteTimeout(final State state, final Outbox out) {
        if (state.step != RoundStep.PREVOTE || state.prevoteTimeoutRounds.contains(state.round)
                || !state.votes.prevotes(state.round).map(RoundVotes::hasQuorumOfAny).orElse(false)) {
            return false;
        }
        state.prevoteTimeoutRounds.add(state.round);
        schedule(state, TimeoutKind.PREVOTE, out);
        return true;
    }

    /**
     * R4: the round's proposal has a quorum of prevotes, the first time in this round: lock on it and precommit it if
     * still at the prevote step; either way it becomes the valid value.
     */
    private boolean lockOnPrevoteQuorum(final State state, final Outbox out) {
        final Optional<State.StoredProposal> proposal = currentProposal(state);
        if (!(state.step == RoundStep.PREVOTE || state.step == RoundStep.PRECOMMIT) || proposal.isEmpty()
                || state.validUpdateRounds.contains(state.round)) {
            return false;
        }
        final BlockId blockId = proposal.get().blockId();
        if (!state.isValid(blockId) || !state.votes.prevotes(state.round)
                .map(prevotes -> prevotes.hasQuorumFor(Optional.of(blockId))).orElse(false)) {
            return false;
        }
        state.validUpdateRounds.add(state.round);
        final RoundValue value = new RoundValue(state.round, blockId, proposal.get().proposal().getBlock());
        state.valid = Optional.of(value);
        boolean persisted = false;
        if (state.step == RoundStep.PREVOTE) {
            state.locked = Optional.of(value);
            // The sign state persisted with this precommit carries the new lock and valid value.
            persisted = vote(state, VoteType.PRECOMMIT, Optional.of(blockId), out);
            state.step = RoundStep.PRECOMMIT;
        }
        if (!persisted) {
            out.add(new Action.PersistSignState(state.signState()));
        }
        return true;
    }

    /** R5: a quorum of prevotes for nil: precommit nil. */
    private boolean precommitNilOnNilQuorum(final State state, final Outbox out) {
        if (state.step != RoundStep.PREVOTE
                || !state.votes.prevotes(state.round).map(p -> p.hasQuorumFor(Optional.empty())).orElse(false)) {
            return false;
        }
        vote(state, VoteType.PRECOMMIT, Optional.empty(), out);
        state.step = RoundStep.PRECOMMIT;
        return true;
    }

    /** R6: a quorum of precommits for anything, the first time in this round: start the precommit timer. */
    private boolean schedulePrecommitTimeout(final State state, final Outbox out) {
        if (!state.step.inRound() || state.precommitTimeoutRounds.contains(state.round)
                || !state.votes.precommits(state.round).map(RoundVotes::hasQuorumOfAny).orElse(false)) {
            return false;
        }
        state.precommitTimeoutRounds.add(state.round);
        schedule(state, TimeoutKind.PRECOMMIT, out);
        return true;
    }

    /** R7: a quorum of precommits for a known, valid block in any round: decide it. */
    private boolean commitDecidedValue(final State state, final Outbox out) {
        if (state.step == RoundStep.DECIDED) {
            return false;
        }
        for (final Map.Entry<Integer, RoundVotes> round : state.votes.precommitsByRound().entrySet()) {
            final Optional<BlockId> blockId = round.getValue().quorumBlock();
            if (blockId.isEmpty() || !state.isValid(blockId.get())) {
                continue;
            }
            final Optional<Block> block = state.block(blockId.get());
            if (block.isPresent()) {
                final CommitCertificate certificate = CommitCertificate.newBuilder()
                        .setHeight(state.height)
                        .setRound(round.getKey())
                        .setBlockId(blockId.get().bytes())
                        .addAllPrecommits(round.getValue().votesFor(blockId.get()))
                        .build();
                decide(state, CommittedBlock.newBuilder().setBlock(block.get()).setCertificate(certificate).build(),
                        out);
                return true;
            }
        }
        return false;
    }

    /**
     * R8: members with more than a third of the power sent messages for rounds above ours, so a correct node is there:
     * jump to the highest round such members reached. Rounds beyond the kept window count too, which is what lets a
     * node that restarted at round 0 rejoin a network many rounds ahead.
     */
    private boolean catchUpRound(final State state, final Outbox out) {
        if (!(state.step.inRound() || state.step == RoundStep.NEW_HEIGHT)) {
            return false;
        }
        final List<Map.Entry<String, Integer>> byRound = new ArrayList<>(state.highestRoundSeen.entrySet());
        byRound.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
        long power = 0;
        for (final Map.Entry<String, Integer> entry : byRound) {
            if (entry.getValue() <= state.round) {
                return false;
            }
            power += state.validators.powerOf(entry.getKey());
            if (state.validators.exceedsOneThird(power)) {
                startRound(state, entry.getValue(), out);
                return true;
            }
        }
        return false;
    }

    private void decide(final State state, final CommittedBlock committed, final Outbox out) {
        state.step = RoundStep.DECIDED;
        state.decision = Optional.of(committed);
        state.evidence.removeIncluded(committed.getBlock().getEvidenceList());
        out.add(new Action.Commit(committed));
    }

    private void propose(final State state, final Block block, final int polRound, final Outbox out) {
        final Proposal unsigned = Proposal.newBuilder()
                .setHeight(state.height)
                .setRound(state.round)
                .setPolRound(polRound)
                .setBlock(block)
                .build();
        signer.sign(state, unsigned, out).ifPresent(signed -> admission.admit(state, signed, out));
    }

    /** Signs, sends and logs a vote; false when nothing was signed (not a validator, or the guard refused). */
    private boolean vote(final State state, final VoteType type, final Optional<BlockId> value, final Outbox out) {
        final Vote unsigned = Vote.newBuilder()
                .setHeight(state.height)
                .setRound(state.round)
                .setType(type)
                .setBlockId(BlockId.toVoteField(value))
                .build();
        final Optional<ConsensusMessage> signed = signer.sign(state, unsigned, out);
        signed.ifPresent(message -> admission.admit(state, message, out));
        return signed.isPresent();
    }

    private void schedule(final State state, final TimeoutKind kind, final Outbox out) {
        out.add(new Action.ScheduleTimeout(kind, state.height, state.round,
                config.timeouts().durationMillis(kind, state.round)));
    }

    private static Optional<State.StoredProposal> currentProposal(final State state) {
        return Optional.ofNullable(state.proposals.get(state.round));
    }
}
