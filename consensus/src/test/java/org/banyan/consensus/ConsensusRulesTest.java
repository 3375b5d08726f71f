package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.VoteType;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of spec §2.4, R1–R8, plus the lock behaviour and the timeouts. Validator 0 is the node under test;
 * at height 1 it proposes in round 3 only, so other validators' proposals drive rounds 0 to 2.
 */
class ConsensusRulesTest {

    private final Fixture fixture = new Fixture(4);
    private final Node node = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));
    private final Block blockA = fixture.block(fixture.proposer(1, 0), 1);
    private final BlockId idA = BlockId.of(blockA);
    private final Block blockB = fixture.block(fixture.proposer(1, 1), 2);
    private final BlockId idB = BlockId.of(blockB);

    @Test
    void startsRoundZeroWithTheProposeTimer() {
        assertThat(fixture.proposer(1, 0)).isNotZero();
        assertThat(node.state.round()).isZero();
        assertThat(node.state.step()).isEqualTo(RoundStep.PROPOSE);
        assertThat(node.of(Action.ScheduleTimeout.class))
                .containsExactly(new Action.ScheduleTimeout(TimeoutKind.PROPOSE, 1, 0, 300));
        assertThat(node.of(Action.RequestProposalContent.class)).isEmpty();
    }

    @Test
    void r1PrevotesAValidProposalAfterPersistingTheSignState() {
        node.receive(fixture.proposal(1, 0, -1, blockA));
        assertThat(node.of(Action.ValidateBlock.class)).containsExactly(new Action.ValidateBlock(1, idA, blockA));
        assertThat(node.broadcastVotes(VoteType.PREVOTE)).isEmpty();

        node.validated(idA, true);

        assertThat(node.votedValue(VoteType.PREVOTE)).contains(idA);
        assertThat(node.state.step()).isEqualTo(RoundStep.PREVOTE);
        assertPersistedBeforeBroadcast(node.actions);
    }

    @Test
    void r1PrevotesNilForAnInvalidProposal() {
        node.receive(fixture.proposal(1, 0, -1, blockA)).validated(idA, false);

        assertThat(node.votedValue(VoteType.PREVOTE)).isEmpty();
    }

    @Test
    void r1PrevotesNilWhenLockedOnAnotherValue() {
        lockOnAInRoundZeroThenEnterRoundOne();

        node.receive(fixture.proposal(1, 1, -1, blockB)).validateAll(true);

        assertThat(node.votedValue(VoteType.PREVOTE)).isEmpty();
        assertThat(node.state.locked().map(RoundValue::blockId)).contains(idA);
    }

    @Test
    void r1PrevotesTheLockedValueWhenItIsProposedAgain() {
        lockOnAInRoundZeroThenEnterRoundOne();

        node.receive(fixture.proposal(1, 1, -1, blockA));

        assertThat(node.votedValue(VoteType.PREVOTE)).contains(idA);
    }

    @Test
    void r2UnlocksOnAProofOfLockNewerThanTheLock() {
        lockOnAInRoundZeroThenEnterRoundOne();
        node.timeout(TimeoutKind.PROPOSE, 1, 1)
                .receive(fixture.prevote(1, 1, 1, Optional.of(idB)), fixture.prevote(2, 1, 1, Optional.of(idB)),
                        fixture.prevote(3, 1, 1, Optional.of(idB)))
                .timeout(TimeoutKind.PRECOMMIT, 1, 1);
        assertThat(node.state.round()).isEqualTo(2);

        node.receive(fixture.proposal(1, 2, 1, blockB)).validateAll(true);

        assertThat(node.votedValue(VoteType.PREVOTE)).contains(idB);
    }

    @Test
    void r2KeepsTheLockAgainstAnOlderProofOfLock() {
        // Round 0: validators 1-3 prevote B, but this node never sees round 0's proposal, so it does not lock.
        node.timeout(TimeoutKind.PROPOSE, 1, 0)
                .receive(fixture.prevote(1, 1, 0, Optional.of(idB)), fixture.prevote(2, 1, 0, Optional.of(idB)),
                        fixture.prevote(3, 1, 0, Optional.of(idB)))
                .timeout(TimeoutKind.PRECOMMIT, 1, 0);
        // Round 1: it locks on A.
        final Block blockA1 = fixture.block(fixture.proposer(1, 1), 11);
        node.receive(fixture.proposal(1, 1, -1, blockA1)).validateAll(true)
                .receive(fixture.prevote(1, 1, 1, Optional.of(BlockId.of(blockA1))),
                        fixture.prevote(2, 1, 1, Optional.of(BlockId.of(blockA1))))
                .timeout(TimeoutKind.PRECOMMIT, 1, 1);
        assertThat(node.state.locked().map(RoundValue::round)).contains(1);

        // Round 2: B is proposed again with its round-0 proof of lock, older than the lock.
        node.receive(fixture.proposal(1, 2, 0, blockB)).validateAll(true);

        assertThat(node.votedValue(VoteType.PREVOTE)).isEmpty();
    }

    @Test
    void r2WaitsForTheProofOfLockBeforePrevoting() {
        node.timeout(TimeoutKind.PROPOSE, 1, 0).timeout(TimeoutKind.PREVOTE, 1, 0)
                .timeout(TimeoutKind.PRECOMMIT, 1, 0).timeout(TimeoutKind.PROPOSE, 1, 1)
                .timeout(TimeoutKind.PREVOTE, 1, 1).timeout(TimeoutKind.PRECOMMIT, 1, 1);

        node.receive(fixture.proposal(1, 2, 1, blockB)).validateAll(true);
        assertThat(node.broadcastVotes(VoteType.PREVOTE)).isEmpty();

        node.receive(fixture.prevote(1, 1, 1, Optional.of(idB)), fixture.prevote(2, 1, 1, Optional.of(idB)),
                fixture.prevote(3, 1, 1, Optional.of(idB)));

        assertThat(node.votedValue(VoteType.PREVOTE)).contains(idB);
    }

    @Test
    void r3SchedulesThePrevoteTimerOnceOnAMixedQuorum() {
        node.receive(fixture.proposal(1, 0, -1, blockA)).validated(idA, true)
                .receive(fixture.prevote(1, 1, 0, Optional.empty()));
        assertThat(node.of(Action.ScheduleTimeout.class)).isEmpty();

        node.receive(fixture.prevote(2, 1, 0, Optional.of(idB)));
        assertThat(node.of(Action.ScheduleTimeout.class))
                .containsExactly(new Action.ScheduleTimeout(TimeoutKind.PREVOTE, 1, 0, 200));

        node.receive(fixture.prevote(3, 1, 0, Optional.empty()));
        assertThat(node.of(Action.ScheduleTimeout.class)).isEmpty();
    }

    @Test
    void r4LocksAndPrecommitsOnAPrevoteQuorumForTheProposal() {
        node.receive(fixture.proposal(1, 0, -1, blockA)).validated(idA, true)
                .receive(fixture.prevote(1, 1, 0, Optional.of(idA)), fixture.prevote(2, 1, 0, Optional.of(idA)));

        assertThat(node.votedValue(VoteType.PRECOMMIT)).contains(idA);
        assertThat(node.state.locked()).contains(new RoundValue(0, idA, blockA));
        assertThat(node.state.valid()).contains(new RoundValue(0, idA, blockA));
        final Action.PersistSignState persisted = node.of(Action.PersistSignState.class).get(0);
        assertThat(persisted.signState().locked().map(RoundValue::blockId)).contains(idA);
        assertPersistedBeforeBroadcast(node.actions);
    }

    @Test
    void r4OnlyUpdatesTheValidValueAfterPrecommitting() {
        node.timeout(TimeoutKind.PROPOSE, 1, 0)
                .receive(fixture.proposal(1, 0, -1, blockA)).validated(idA, true)
                .receive(fixture.prevote(1, 1, 0, Optional.of(idA)), fixture.prevote(2, 1, 0, Optional.of(idA)))
                .timeout(TimeoutKind.PREVOTE, 1, 0);
        assertThat(node.votedValue(VoteType.PRECOMMIT)).isEmpty();
        assertThat(node.state.valid()).isEmpty();

        node.receive(fixture.prevote(3, 1, 0, Optional.of(idA)));

        assertThat(node.state.valid()).contains(new RoundValue(0, idA, blockA));
        assertThat(node.state.locked()).isEmpty();
        assertThat(node.broadcastVotes(VoteType.PRECOMMIT)).isEmpty();
        assertThat(node.of(Action.PersistSignState.class)).singleElement()
                .satisfies(persist -> assertThat(persist.signState().valid()).isEqualTo(node.state.valid()));
    }

    @Test
    void r5PrecommitsNilOnANilQuorum() {
        node.timeout(TimeoutKind.PROPOSE, 1, 0)
                .receive(fixture.prevote(1, 1, 0, Optional.empty()), fixture.prevote(2, 1, 0, Optional.empty()));

        assertThat(node.votedValue(VoteType.PRECOMMIT)).isEmpty();
        assertThat(node.state.step()).isEqualTo(RoundStep.PRECOMMIT);
    }

    @Test
    void r6SchedulesThePrecommitTimerOnceEvenBeforePrevoting() {
        node.receive(fixture.precommit(1, 1, 0, Optional.empty()), fixture.precommit(2, 1, 0, Optional.of(idA)));
        assertThat(node.of(Action.ScheduleTimeout.class)).isEmpty();

        node.receive(fixture.precommit(3, 1, 0, Optional.of(idB)));

        assertThat(node.state.step()).isEqualTo(RoundStep.PROPOSE);
        assertThat(node.of(Action.ScheduleTimeout.class))
                .containsExactly(new Action.ScheduleTimeout(TimeoutKind.PRECOMMIT, 1, 0, 250));
        node.receive(fixture.precommit(3, 1, 0, Optional.of(idB)));
        assertThat(node.of(Action.ScheduleTimeout.class)).isEmpty();
    }

    @Test
    void r7CommitsWithACertificateOfMoreThanTwoThirdsAndMovesToTheNextHeight() {
        node.receive(fixture.proposal(1, 0, -1, blockA)).validated(idA, true)
                .receive(fixture.prevote(1, 1, 0, Optional.of(idA)), fixture.prevote(2, 1, 0, Optional.of(idA)))
                .receive(fixture.precommit(1, 1, 0, Optional.of(idA)), fixture.precommit(3, 1, 0, Optional.empty()));
        assertThat(node.of(Action.Commit.class)).isEmpty();

        node.receive(fixture.precommit(2, 1, 0, Optional.of(idA)));

        final CommittedBlock committed = node.of(Action.Commit.class).get(0).committed();
        assertThat(committed.getBlock()).isEqualTo(blockA);
        assertThat(committed.getCertificate().getPrecommitsCount()).isEqualTo(3);
        assertThat(new CommitCertificateVerifier(Fixture.CHAIN_ID, SignatureVerifier.PUBLIC_KEY)
                .verify(committed, fixture.validators).isAccepted()).isTrue();
        assertThat(node.state.step()).isEqualTo(RoundStep.DECIDED);

        node.step(new Event.CommitApplied(1, fixture.validators));

        assertThat(node.state.height()).isEqualTo(2);
        assertThat(node.state.round()).isZero();
        assertThat(node.state.lastCommit()).contains(committed.getCertificate());
        assertThat(node.state.locked()).isEmpty();
        assertThat(node.of(Action.ScheduleTimeout.class)).contains(
                new Action.ScheduleTimeout(TimeoutKind.PROPOSE, 2, 0, 300));
    }

    @Test
    void r7CommitsTheDecisionOfAnEarlierRound() {
        node.receive(fixture.proposal(1, 0, -1, blockA)).validated(idA, true)
                .timeout(TimeoutKind.PRECOMMIT, 1, 0).timeout(TimeoutKind.PRECOMMIT, 1, 1);
        assertThat(node.state.round()).isEqualTo(2);

        node.receive(fixture.precommit(1, 1, 0, Optional.of(idA)), fixture.precommit(2, 1, 0, Optional.of(idA)),
                fixture.precommit(3, 1, 0, Optional.of(idA)));

        assertThat(node.of(Action.Commit.class)).singleElement()
                .satisfies(commit -> assertThat(commit.committed().getCertificate().getRound()).isZero());
    }

    @Test
    void r7WaitsForTheBlockAndItsValidityBeforeCommitting() {
        node.receive(fixture.precommit(1, 1, 0, Optional.of(idA)), fixture.precommit(2, 1, 0, Optional.of(idA)),
                fixture.precommit(3, 1, 0, Optional.of(idA)));
        assertThat(node.everOf(Action.Commit.class)).isEmpty();

        node.receive(fixture.proposal(1, 0, -1, blockA));
        assertThat(node.of(Action.Commit.class)).isEmpty();

        node.validated(idA, true);
        assertThat(node.of(Action.Commit.class)).hasSize(1);
    }

    @Test
    void r8JumpsToTheHighestRoundReachedByMoreThanAThird() {
        node.receive(fixture.prevote(1, 1, 5, Optional.empty()));
        assertThat(node.state.round()).isZero();

        node.receive(fixture.precommit(2, 1, 3, Optional.empty()));

        assertThat(node.state.round()).isEqualTo(3);
        assertThat(node.of(Action.ScheduleTimeout.class))
                .containsExactly(new Action.ScheduleTimeout(TimeoutKind.PROPOSE, 1, 3, 600));
    }

    @Test
    void r8IgnoresRoundsReachedByAThirdOrLess() {
        final Fixture weighted = new Fixture(3);
        final ValidatorSet set = ValidatorSet.of(List.of(new Validator(weighted.keys.get(0).publicKey(), 2),
                new Validator(weighted.keys.get(1).publicKey(), 2), new Validator(weighted.keys.get(2).publicKey(), 2)));
        final Node weightedNode = new Node(weighted.config(0)).start(
                new StartPoint(1, Fixture.GENESIS_ID, Optional.empty(), set, set, SignState.EMPTY));

        weightedNode.receive(weighted.prevote(1, 1, 4, Optional.empty()));

        assertThat(weightedNode.state.round()).as("exactly one third of the power").isZero();
    }

    @Test
    void r8CatchesUpBeyondTheKeptRoundWindow() {
        final int farRound = Limits.MAX_FUTURE_ROUNDS + 20;
        node.receive(fixture.prevote(1, 1, farRound, Optional.empty()));
        assertThat(node.of(Action.InputIgnored.class)).extracting(Action.InputIgnored::reason)
                .containsExactly(IgnoreReason.ROUND_TOO_FAR_AHEAD);

        node.receive(fixture.prevote(2, 1, farRound, Optional.empty()));

        assertThat(node.state.round()).isEqualTo(farRound);
    }

    @Test
    void proposeTimeoutPrevotesNilAndStaleTimeoutsDoNothing() {
        node.timeout(TimeoutKind.PROPOSE, 1, 1).timeout(TimeoutKind.PREVOTE, 1, 0).timeout(TimeoutKind.PROPOSE, 2, 0);
        assertThat(node.everOf(Action.Broadcast.class)).isEmpty();

        node.timeout(TimeoutKind.PROPOSE, 1, 0);

        assertThat(node.votedValue(VoteType.PREVOTE)).isEmpty();
        node.timeout(TimeoutKind.PROPOSE, 1, 0);
        assertThat(node.actions).isEmpty();
    }

    @Test
    void prevoteTimeoutPrecommitsNilAndPrecommitTimeoutStartsTheNextRoundWithLongerTimers() {
        node.timeout(TimeoutKind.PROPOSE, 1, 0).timeout(TimeoutKind.PREVOTE, 1, 0);
        assertThat(node.votedValue(VoteType.PRECOMMIT)).isEmpty();

        node.timeout(TimeoutKind.PRECOMMIT, 1, 0);

        assertThat(node.state.round()).isEqualTo(1);
        assertThat(node.state.step()).isEqualTo(RoundStep.PROPOSE);
        assertThat(node.of(Action.ScheduleTimeout.class))
                .containsExactly(new Action.ScheduleTimeout(TimeoutKind.PROPOSE, 1, 1, 400));
    }

    @Test
    void aProposalFromTheWrongProposerIsIgnored() {
        final Block block = fixture.block(2, 5);
        final ConsensusMessage.ProposalMessage genuine = fixture.proposal(1, 0, -1, block);
        final ConsensusMessage.ProposalMessage forged = new ConsensusMessage.ProposalMessage(
                genuine.proposal().toBuilder().setProposer(fixture.address(2)).build());

        node.receive(forged);

        assertThat(node.of(Action.InputIgnored.class)).extracting(Action.InputIgnored::reason)
                .containsExactly(IgnoreReason.WRONG_PROPOSER);
        assertThat(node.state.keptProposalCount()).isZero();
    }

    @Test
    void aBlockThatDoesNotExtendTheParentIsIgnored() {
        final Block orphan = blockA.toBuilder().setPreviousHash(idB.bytes()).build();

        node.receive(fixture.proposal(1, 0, -1, orphan));

        assertThat(node.of(Action.InputIgnored.class)).extracting(Action.InputIgnored::reason)
                .containsExactly(IgnoreReason.BLOCK_DOES_NOT_FIT);
    }

    @Test
    void aBlockNamingAnotherNextValidatorSetIsIgnored() {
        final ValidatorSet others = ValidatorSet.of(new Fixture(5).validators.validators());
        final Block misnamed = blockA.toBuilder().setNextValidatorsHash(others.hash()).build();

        node.receive(fixture.proposal(1, 0, -1, misnamed));

        assertThat(node.of(Action.InputIgnored.class)).extracting(Action.InputIgnored::detail)
                .singleElement().asString().endsWith("names another validator set for the next height");
        assertThat(node.of(Action.ValidateBlock.class)).isEmpty();
    }

    @Test
    void votesOfNonValidatorsAreNeverCounted() {
        final Fixture outsiders = new Fixture(6);
        node.receive(new ConsensusMessage.VoteMessage(outsiders.vote(5, VoteType.PREVOTE, 1, 0, Optional.of(idA))));

        assertThat(node.of(Action.InputIgnored.class)).extracting(Action.InputIgnored::reason)
                .containsExactly(IgnoreReason.NOT_A_VALIDATOR);
        assertThat(node.state.keptVoteCount()).isZero();
    }

    /** Round 0: proposal A, prevote quorum for A, so the node locks on A; the precommit timer then ends the round. */
    private void lockOnAInRoundZeroThenEnterRoundOne() {
        node.receive(fixture.proposal(1, 0, -1, blockA)).validated(idA, true)
                .receive(fixture.prevote(1, 1, 0, Optional.of(idA)), fixture.prevote(2, 1, 0, Optional.of(idA)))
                .receive(fixture.precommit(1, 1, 0, Optional.empty()), fixture.precommit(2, 1, 0, Optional.empty()))
                .timeout(TimeoutKind.PRECOMMIT, 1, 0);
        assertThat(node.state.locked().map(RoundValue::blockId)).contains(idA);
        assertThat(node.state.round()).isEqualTo(1);
    }

    static void assertPersistedBeforeBroadcast(final List<Action> actions) {
        int persisted = -1;
        for (int index = 0; index < actions.size(); index++) {
            if (actions.get(index) instanceof Action.PersistSignState) {
                persisted = index;
            }
            if (actions.get(index) instanceof Action.Broadcast broadcast) {
                assertThat(persisted).as("a PersistSignState precedes the broadcast").isGreaterThanOrEqualTo(0);
                final Action.PersistSignState state = (Action.PersistSignState) actions.get(persisted);
                assertThat(state.signState().lastSigned()).contains(broadcast.message());
            }
        }
    }
}
