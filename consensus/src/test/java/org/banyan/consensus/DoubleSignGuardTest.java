package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.VoteType;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** The double-sign guard alone, and through restarts from persisted sign state. */
class DoubleSignGuardTest {

    private static final BlockId A = new BlockId(ByteString.copyFrom(new byte[32]));
    private static final BlockId B = new BlockId(ByteString.copyFrom(filled(7)));

    private final Fixture fixture = new Fixture(4);

    @Test
    void allowsTheFirstSignatureAndLaterSlots() {
        final SignedStep prevote = step(1, 0, SignedStep.Kind.PREVOTE, Optional.of(A));

        assertThat(DoubleSignGuard.refusal(Optional.empty(), prevote)).isEmpty();
        assertThat(DoubleSignGuard.refusal(Optional.of(prevote), step(1, 0, SignedStep.Kind.PRECOMMIT, Optional.empty())))
                .isEmpty();
        assertThat(DoubleSignGuard.refusal(Optional.of(prevote), step(1, 1, SignedStep.Kind.PROPOSAL, Optional.of(B))))
                .isEmpty();
        assertThat(DoubleSignGuard.refusal(Optional.of(prevote), step(2, 0, SignedStep.Kind.PREVOTE, Optional.of(B))))
                .isEmpty();
    }

    @Test
    void allowsSigningTheSameValueInTheSameSlotAgain() {
        final SignedStep prevote = step(3, 2, SignedStep.Kind.PREVOTE, Optional.of(A));

        assertThat(DoubleSignGuard.refusal(Optional.of(prevote), prevote)).isEmpty();
    }

    @Test
    void refusesAnotherValueInTheSameSlot() {
        final SignedStep prevote = step(3, 2, SignedStep.Kind.PREVOTE, Optional.of(A));

        assertThat(DoubleSignGuard.refusal(Optional.of(prevote), step(3, 2, SignedStep.Kind.PREVOTE, Optional.empty())))
                .hasValueSatisfying(reason -> assertThat(reason).contains("already signed"));
        final SignedStep proposal = new SignedStep(3, 2, SignedStep.Kind.PROPOSAL, Optional.of(A), -1);
        assertThat(DoubleSignGuard.refusal(Optional.of(proposal),
                new SignedStep(3, 2, SignedStep.Kind.PROPOSAL, Optional.of(A), 1))).isPresent();
    }

    @Test
    void refusesToGoBack() {
        final SignedStep precommit = step(3, 2, SignedStep.Kind.PRECOMMIT, Optional.of(A));

        assertThat(DoubleSignGuard.refusal(Optional.of(precommit), step(3, 2, SignedStep.Kind.PREVOTE, Optional.of(A))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("before the last signed slot"));
        assertThat(DoubleSignGuard.refusal(Optional.of(precommit), step(3, 1, SignedStep.Kind.PRECOMMIT, Optional.of(A))))
                .isPresent();
        assertThat(DoubleSignGuard.refusal(Optional.of(precommit), step(2, 9, SignedStep.Kind.PRECOMMIT, Optional.of(A))))
                .isPresent();
    }

    @Test
    void whatTheGuardLetsThroughNeverSignsTwoValuesInOneSlotNorGoesBack() {
        qt().withExamples(300).forAll(SourceDSL.lists().of(signedSteps()).ofSizeBetween(1, 40)).checkAssert(steps -> {
            Optional<SignedStep> last = Optional.empty();
            final List<SignedStep> released = new ArrayList<>();
            for (final SignedStep next : steps) {
                if (DoubleSignGuard.refusal(last, next).isEmpty()) {
                    released.add(next);
                    last = Optional.of(next);
                }
            }
            for (int index = 1; index < released.size(); index++) {
                final SignedStep earlier = released.get(index - 1);
                final SignedStep later = released.get(index);
                assertThat(later.compareTo(earlier)).isGreaterThanOrEqualTo(0);
                if (later.sameSlot(earlier)) {
                    assertThat(later).isEqualTo(earlier);
                }
            }
        });
    }

    @Test
    void aRestartResumesTheSignedStepAndResendsTheSignedMessage() {
        final Block block = fixture.block(fixture.proposer(1, 0), 1);
        final BlockId id = BlockId.of(block);
        final Node before = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));
        before.receive(fixture.proposal(1, 0, -1, block)).validated(id, true)
                .receive(fixture.prevote(1, 1, 0, Optional.of(id)), fixture.prevote(2, 1, 0, Optional.of(id)));
        final SignState persisted = lastPersisted(before);
        assertThat(persisted.lastSignedStep().map(SignedStep::kind)).contains(SignedStep.Kind.PRECOMMIT);

        final Node after = new Node(fixture.config(0)).start(fixture.genesis(persisted));

        assertThat(after.state.round()).isZero();
        assertThat(after.state.step()).isEqualTo(RoundStep.PRECOMMIT);
        assertThat(after.state.locked().map(RoundValue::blockId)).contains(id);
        assertThat(after.of(Action.Broadcast.class)).containsExactly(
                new Action.Broadcast(persisted.lastSigned().orElseThrow()));
        assertThat(after.of(Action.ScheduleTimeout.class)).containsExactly(
                new Action.ScheduleTimeout(TimeoutKind.PRECOMMIT, 1, 0, 250));
    }

    @Test
    void afterARestartTheLockStillHoldsAgainstANewProposal() {
        final Block block = fixture.block(fixture.proposer(1, 0), 1);
        final BlockId id = BlockId.of(block);
        final Node before = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));
        before.receive(fixture.proposal(1, 0, -1, block)).validated(id, true)
                .receive(fixture.prevote(1, 1, 0, Optional.of(id)), fixture.prevote(2, 1, 0, Optional.of(id)));

        final Node after = new Node(fixture.config(0)).start(fixture.genesis(lastPersisted(before)));
        after.timeout(TimeoutKind.PRECOMMIT, 1, 0);
        final Block other = fixture.block(fixture.proposer(1, 1), 2);
        after.receive(fixture.proposal(1, 1, -1, other)).validateAll(true);

        assertThat(after.votedValue(VoteType.PREVOTE)).isEmpty();
    }

    @Test
    void aNodeRestoredFromAnOldDataDirectoryRefusesToSignBelowItsSignState() {
        final ConsensusMessage.VoteMessage signedAtHeightFive = fixture.prevote(0, 5, 0, Optional.empty());
        final SignState ahead = new SignState(5, Optional.of(signedAtHeightFive), Optional.empty(), Optional.empty());
        final Node node = new Node(fixture.config(0)).start(fixture.genesis(ahead));

        node.timeout(TimeoutKind.PROPOSE, 1, 0);

        assertThat(node.of(Action.Broadcast.class)).isEmpty();
        assertThat(node.of(Action.PersistSignState.class)).isEmpty();
        assertThat(node.of(Action.SigningRefused.class)).singleElement()
                .satisfies(refused -> assertThat(refused.reason()).contains("before the last signed slot"));
        assertThat(node.state.step()).as("the protocol moves on without the vote").isEqualTo(RoundStep.PREVOTE);
    }

    @Test
    void anAmnesiacRestartWithoutSignStateWouldSignAConflictingVote() {
        // What the guard protects against: the same validator, restarted with its sign state wiped.
        final Block block = fixture.block(fixture.proposer(1, 0), 1);
        final BlockId id = BlockId.of(block);
        final Node before = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));
        before.receive(fixture.proposal(1, 0, -1, block)).validated(id, true);
        assertThat(before.votedValue(VoteType.PREVOTE)).contains(id);

        final Node amnesiac = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));
        amnesiac.timeout(TimeoutKind.PROPOSE, 1, 0);
        assertThat(amnesiac.votedValue(VoteType.PREVOTE)).isEmpty();

        final Node guarded = new Node(fixture.config(0)).start(fixture.genesis(lastPersisted(before)));
        guarded.timeout(TimeoutKind.PROPOSE, 1, 0);
        assertThat(guarded.broadcastVotes(VoteType.PREVOTE)).isEmpty();
    }

    @Test
    void aRestartWithAValidValueNewerThanAnythingSignedStartsTheRoundAfterIt() {
        final Block block = fixture.block(fixture.proposer(1, 0), 1);
        final SignState followerState = new SignState(1, Optional.empty(), Optional.of(RoundValue.of(2, block)),
                Optional.of(RoundValue.of(2, block)));

        final Node follower = new Node(new ConsensusConfig(Fixture.CHAIN_ID, Optional.empty(), Fixture.TIMEOUTS))
                .start(fixture.genesis(followerState));

        assertThat(follower.state.round()).isEqualTo(3);
        assertThat(follower.state.locked().map(RoundValue::round)).contains(2);
        assertThat(follower.of(Action.Broadcast.class)).isEmpty();
    }

    private static SignState lastPersisted(final Node node) {
        final List<Action.PersistSignState> persisted = node.everOf(Action.PersistSignState.class);
        return persisted.get(persisted.size() - 1).signState();
    }

    private static SignedStep step(final long height, final int round, final SignedStep.Kind kind,
                                   final Optional<BlockId> value) {
        return new SignedStep(height, round, kind, value, -1);
    }

    private static Gen<SignedStep> signedSteps() {
        final Gen<Optional<BlockId>> values = SourceDSL.integers().between(0, 2)
                .map(choice -> choice == 0 ? Optional.<BlockId>empty() : Optional.of(choice == 1 ? A : B));
        return SourceDSL.longs().between(1, 3).zip(SourceDSL.integers().between(0, 2),
                SourceDSL.integers().between(0, 2), values,
                (height, round, kind, value) -> step(height, round, SignedStep.Kind.values()[kind], value));
    }

    private static byte[] filled(final int value) {
        final byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
