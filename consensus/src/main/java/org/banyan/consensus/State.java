package org.banyan.consensus;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.Evidence;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.Vote;

/**
 * A node's consensus state (spec §2.3). {@link Consensus#step} takes the state it is given and returns its successor;
 * to spare copying a height's vote log on every message, the successor is the same object, updated. The caller must
 * therefore treat a state as consumed once passed to {@code step} and keep only the one in the returned transition.
 * The getters are for the shell (gossip, metrics) and for checkers; nothing outside this package changes the state.
 */
public final class State {

    /** A proposal kept for its round, with its block's id computed once. */
    record StoredProposal(Proposal proposal, BlockId blockId) {
    }

    long height;
    int round;
    RoundStep step;
    ValidatorSet validators;
    ValidatorSet nextValidators;
    /** The set of {@code height - 1}, to extend the last commit with late precommits; empty right after a start. */
    Optional<ValidatorSet> previousValidators = Optional.empty();
    ByteString parentId;
    Optional<CommitCertificate> lastCommit;

    Optional<RoundValue> locked = Optional.empty();
    Optional<RoundValue> valid = Optional.empty();
    HeightVotes votes;
    final NavigableMap<Integer, StoredProposal> proposals = new TreeMap<>();
    /** Verdicts of {@code valid(v)} for blocks of kept proposals; a missing entry means not known yet. */
    final Map<BlockId, Boolean> validity = new LinkedHashMap<>();
    /** Blocks whose validation was asked for and not answered, so that each is asked about once. */
    final Set<BlockId> validationRequested = new LinkedHashSet<>();
    /** Rounds whose R3 prevote timeout, R6 precommit timeout or R4 valid-value update happened: each fires once. */
    final NavigableSet<Integer> prevoteTimeoutRounds = new TreeSet<>();
    final NavigableSet<Integer> precommitTimeoutRounds = new TreeSet<>();
    final NavigableSet<Integer> validUpdateRounds = new TreeSet<>();
    /** The highest round each validator sent a message for at this height, for round catch-up (R8). */
    final Map<String, Integer> highestRoundSeen = new LinkedHashMap<>();
    /** This node proposes in the current round and waits for {@link Event.ProposalContentReady}. */
    boolean awaitingContent;
    Optional<CommittedBlock> decision = Optional.empty();

    Optional<ConsensusMessage> lastSigned;
    Optional<SignedStep> lastSignedStep;
    final EvidencePool evidence = new EvidencePool();
    final NextHeightBuffer nextHeight = new NextHeightBuffer();

    State(final StartPoint start) {
        this.lastSigned = start.signState().lastSigned();
        this.lastSignedStep = start.signState().lastSignedStep();
        enterHeight(start.height(), start.validators(), start.nextValidators(), start.parentId(), start.lastCommit());
        if (start.signState().height() == start.height()) {
            this.locked = start.signState().locked();
            this.valid = start.signState().valid();
        }
    }

    /** Resets everything that belongs to one height. */
    void enterHeight(final long newHeight, final ValidatorSet newValidators, final ValidatorSet newNextValidators,
                     final ByteString newParentId, final Optional<CommitCertificate> newLastCommit) {
        height = newHeight;
        round = 0;
        step = RoundStep.NEW_HEIGHT;
        validators = newValidators;
        nextValidators = newNextValidators;
        parentId = newParentId;
        lastCommit = newLastCommit;
        locked = Optional.empty();
        valid = Optional.empty();
        votes = new HeightVotes(newValidators);
        proposals.clear();
        validity.clear();
        validationRequested.clear();
        prevoteTimeoutRounds.clear();
        precommitTimeoutRounds.clear();
        validUpdateRounds.clear();
        highestRoundSeen.clear();
        awaitingContent = false;
        decision = Optional.empty();
    }

    /** Forgets rounds before {@code firstKeptRound} and the verdicts on blocks no kept proposal carries. */
    void dropRoundsBefore(final int firstKeptRound) {
        proposals.headMap(firstKeptRound, false).clear();
        votes.dropRoundsBefore(firstKeptRound, namedProofOfLockRounds());
        prevoteTimeoutRounds.headSet(firstKeptRound, false).clear();
        precommitTimeoutRounds.headSet(firstKeptRound, false).clear();
        validUpdateRounds.headSet(firstKeptRound, false).clear();
        validity.keySet().removeIf(blockId -> block(blockId).isEmpty());
        validationRequested.removeIf(blockId -> block(blockId).isEmpty());
    }

    /** The proof-of-lock rounds that kept proposals name (R2 checks prevotes of those rounds). */
    Set<Integer> namedProofOfLockRounds() {
        final Set<Integer> rounds = new TreeSet<>();
        for (final StoredProposal stored : proposals.values()) {
            if (stored.proposal().getPolRound() >= 0) {
                rounds.add(stored.proposal().getPolRound());
            }
        }
        return rounds;
    }

    /** The block with this id among kept proposals and the locked and valid values. */
    Optional<Block> block(final BlockId blockId) {
        for (final StoredProposal stored : proposals.values()) {
            if (stored.blockId().equals(blockId)) {
                return Optional.of(stored.proposal().getBlock());
            }
        }
        return locked.filter(value -> value.blockId().equals(blockId)).or(() -> valid
                .filter(value -> value.blockId().equals(blockId))).map(RoundValue::block);
    }

    /** Whether the shell judged this block valid; false while the verdict is pending. */
    boolean isValid(final BlockId blockId) {
        return Boolean.TRUE.equals(validity.get(blockId));
    }

    /** The sign state to persist now. */
    SignState signState() {
        return new SignState(height, lastSigned, locked, valid);
    }

    /** Checks the invariants that must hold between steps; a failure is a bug in the core. */
    void verifyInvariants() {
        Verify.that(height >= 1 && round >= 0, "height and round are in range");
        Verify.that(locked.map(RoundValue::round).orElse(-1) <= valid.map(RoundValue::round).orElse(-1),
                "the valid round is never behind the locked round");
        Verify.that(locked.map(RoundValue::round).orElse(-1) <= round, "a lock is never from a future round");
        Verify.that(decision.isPresent() == (step == RoundStep.DECIDED), "a decision exists exactly when decided");
        Verify.that(proposals.size() <= Limits.MAX_PAST_ROUNDS + 1 + Limits.MAX_FUTURE_ROUNDS,
                "proposals are kept for the round window only");
        Verify.that(nextHeight.size() <= Limits.MAX_NEXT_HEIGHT_MESSAGES, "the next height's buffer is capped");
        Verify.that(evidence.size() <= Limits.MAX_PENDING_EVIDENCE, "the evidence pool is capped");
        Verify.that(highestRoundSeen.size() <= validators.size(), "rounds are remembered for members only");
        // A sign state from a later height is possible (a restored data directory); the guard then refuses to sign.
        lastSignedStep.filter(signed -> signed.height() == height).ifPresent(signed -> Verify.that(
                signed.round() <= round, "nothing was signed in a round ahead of the state"));
    }

    /** The height being decided. */
    public long height() {
        return height;
    }

    /** The current round. */
    public int round() {
        return round;
    }

    /** The step within the round. */
    public RoundStep step() {
        return step;
    }

    /** The validator set of the current height. */
    public ValidatorSet validators() {
        return validators;
    }

    /** The validator set of the next height, to verify messages buffered for it. */
    public ValidatorSet nextValidators() {
        return nextValidators;
    }

    /** The set of the previous height, while known, to verify late precommits that extend the last commit. */
    public Optional<ValidatorSet> previousValidators() {
        return previousValidators;
    }

    /** The certificate of the previous height, as this node will put it in its next proposal. */
    public Optional<CommitCertificate> lastCommit() {
        return lastCommit;
    }

    /** The locked value and round, if locked at this height. */
    public Optional<RoundValue> locked() {
        return locked;
    }

    /** The valid value and round, if any at this height. */
    public Optional<RoundValue> valid() {
        return valid;
    }

    /** The block decided at this height, while waiting for the shell to apply it. */
    public Optional<CommittedBlock> decision() {
        return decision;
    }

    /** The last message this node signed, at any height. */
    public Optional<ConsensusMessage> lastSigned() {
        return lastSigned;
    }

    /**
     * Every proposal and vote kept for the current height, for retransmission to peers that lack them: the liveness
     * of the protocol rests on eventual delivery, never on one-shot broadcast.
     */
    public List<ConsensusMessage> messagesOfHeight() {
        final List<ConsensusMessage> messages = new ArrayList<>();
        proposals.values().forEach(stored -> messages.add(new ConsensusMessage.ProposalMessage(stored.proposal())));
        for (final Vote vote : votes.all()) {
            messages.add(new ConsensusMessage.VoteMessage(vote));
        }
        return messages;
    }

    /** Evidence waiting for a block. */
    public List<Evidence> pendingEvidence() {
        return evidence.all();
    }

    /** Number of votes kept for the current height. */
    public int keptVoteCount() {
        return votes.size();
    }

    /** Number of proposals kept for the current height. */
    public int keptProposalCount() {
        return proposals.size();
    }

    /** Number of messages buffered for the next height. */
    public int bufferedNextHeightCount() {
        return nextHeight.size();
    }

    @Override
    public String toString() {
        return "State[h=" + height + " r=" + round + " " + step + " locked=" + locked.map(RoundValue::round).orElse(-1)
                + " valid=" + valid.map(RoundValue::round).orElse(-1) + "]";
    }
}
