package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.Evidence;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;
import org.junit.jupiter.api.Test;

/**
 * Every peer-fed buffer of the core, filled to its cap and one past it. The core trusts the shell to have verified
 * signatures, so these messages go unsigned: the tests are about admission, not authentication.
 */
class AdmissionCapsTest {

    private final Fixture fixture = new Fixture(4);

    @Test
    void theNextHeightBufferHoldsItsCapAndDropsTheRest() {
        final Node node = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));
        final int roundsNeeded = Limits.MAX_NEXT_HEIGHT_MESSAGES / (4 * 2);
        for (int round = 0; round < roundsNeeded; round++) {
            for (int validator = 0; validator < 4; validator++) {
                node.receive(unsigned(validator, VoteType.PREVOTE, 2, round), unsigned(validator, VoteType.PRECOMMIT, 2,
                        round));
            }
        }
        assertThat(node.state.bufferedNextHeightCount()).isEqualTo(Limits.MAX_NEXT_HEIGHT_MESSAGES);
        assertThat(node.everOf(Action.InputIgnored.class)).isEmpty();

        node.receive(unsigned(1, VoteType.PREVOTE, 2, roundsNeeded));

        assertThat(node.state.bufferedNextHeightCount()).isEqualTo(Limits.MAX_NEXT_HEIGHT_MESSAGES);
        assertThat(node.of(Action.InputIgnored.class)).extracting(Action.InputIgnored::reason)
                .containsExactly(IgnoreReason.NEXT_HEIGHT_BUFFER_FULL);
    }

    @Test
    void theNextHeightBufferKeepsOnlyTheFirstMessagePerSenderRoundAndKind() {
        final Node node = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));

        node.receive(unsigned(1, VoteType.PREVOTE, 2, 0), unsigned(1, VoteType.PREVOTE, 2, 0),
                unsigned(1, VoteType.PRECOMMIT, 2, 0));

        assertThat(node.state.bufferedNextHeightCount()).isEqualTo(2);
    }

    @Test
    void messagesTwoHeightsAheadOrBehindAreDropped() {
        final Node node = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));

        node.receive(unsigned(1, VoteType.PREVOTE, 3, 0), unsigned(1, VoteType.PREVOTE, 7, 0));

        assertThat(node.everOf(Action.InputIgnored.class)).extracting(Action.InputIgnored::reason)
                .containsExactly(IgnoreReason.WRONG_HEIGHT, IgnoreReason.WRONG_HEIGHT);
        assertThat(node.state.bufferedNextHeightCount()).isZero();
    }

    @Test
    void roundsAreKeptUpToTheFutureWindowOnly() {
        final Node node = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));

        node.receive(unsigned(1, VoteType.PREVOTE, 1, Limits.MAX_FUTURE_ROUNDS));
        assertThat(node.state.keptVoteCount()).isEqualTo(1);

        node.receive(unsigned(2, VoteType.PREVOTE, 1, Limits.MAX_FUTURE_ROUNDS + 1));
        assertThat(node.state.keptVoteCount()).isEqualTo(1);
        assertThat(node.of(Action.InputIgnored.class)).extracting(Action.InputIgnored::reason)
                .containsExactly(IgnoreReason.ROUND_TOO_FAR_AHEAD);
    }

    @Test
    void roundsAreKeptBackToThePastWindowOnly() {
        final Node node = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));
        final int current = Limits.MAX_PAST_ROUNDS + 1;
        final Block block = fixture.block(fixture.proposer(1, 0), 1);
        node.receive(fixture.proposal(1, 0, -1, block));
        assertThat(node.state.keptProposalCount()).isEqualTo(1);
        for (int round = 0; round < current; round++) {
            node.timeout(TimeoutKind.PRECOMMIT, 1, round);
        }
        assertThat(node.state.round()).isEqualTo(current);
        assertThat(node.state.keptProposalCount()).as("round 0 left the window").isZero();

        node.receive(unsigned(1, VoteType.PRECOMMIT, 1, current - Limits.MAX_PAST_ROUNDS));
        assertThat(node.state.keptVoteCount()).isEqualTo(1);

        node.receive(unsigned(2, VoteType.PRECOMMIT, 1, current - Limits.MAX_PAST_ROUNDS - 1));
        assertThat(node.state.keptVoteCount()).isEqualTo(1);
        assertThat(node.of(Action.InputIgnored.class)).extracting(Action.InputIgnored::reason)
                .containsExactly(IgnoreReason.ROUND_TOO_OLD);
    }

    @Test
    void theEvidencePoolHoldsItsCapAndAProposalCarriesAtMostThePerBlockCap() {
        final Fixture large = new Fixture(20);
        final int me = large.proposer(2, 0);
        final Node node = new Node(large.config(me)).start(new StartPoint(1, Fixture.GENESIS_ID, Optional.empty(),
                large.validators, large.validators, SignState.EMPTY));
        int conflicts = 0;
        for (int round = 0; round <= Limits.MAX_FUTURE_ROUNDS && conflicts <= Limits.MAX_PENDING_EVIDENCE; round++) {
            for (int validator = 0; validator < 20 && conflicts <= Limits.MAX_PENDING_EVIDENCE; validator++) {
                if (validator == me) {
                    continue;
                }
                for (final VoteType type : new VoteType[] {VoteType.PREVOTE, VoteType.PRECOMMIT}) {
                    node.receive(unsignedFrom(large, validator, type, 1, round, Optional.empty()),
                            unsignedFrom(large, validator, type, 1, round, Optional.of(someBlockId())));
                    conflicts++;
                }
            }
        }
        assertThat(conflicts).isGreaterThan(Limits.MAX_PENDING_EVIDENCE);
        assertThat(node.everOf(Action.EvidenceDetected.class)).hasSize(Limits.MAX_PENDING_EVIDENCE);
        assertThat(node.state.pendingEvidence()).hasSize(Limits.MAX_PENDING_EVIDENCE);
        assertThat(node.everOf(Action.InputIgnored.class)).extracting(Action.InputIgnored::reason)
                .contains(IgnoreReason.EVIDENCE_POOL_FULL);

        final Block decided = Block.newBuilder().setHeight(1).setCloseTime(5).setPreviousHash(Fixture.GENESIS_ID)
                .setValidatorsHash(large.validators.hash()).setProposer(large.address(0)).build();
        final int[] signers = IntStream.range(0, 14).toArray();
        node.step(new Event.BlockSynced(CommittedBlock.newBuilder().setBlock(decided)
                        .setCertificate(large.certificate(1, 0, BlockId.of(decided), signers)).build()))
                .step(new Event.CommitApplied(1, large.validators))
                .step(new Event.ProposalContentReady(2, 0, Fixture.content(List.of(), 10)));

        final Block proposed = node.of(Action.ValidateBlock.class).get(0).block();
        assertThat(proposed.getEvidenceCount()).isEqualTo(Limits.MAX_EVIDENCE_PER_BLOCK);
    }

    @Test
    void aProposedBlockMayCarryThePerBlockCapOfEvidenceAndNoMore() {
        final Block base = fixture.block(fixture.proposer(1, 0), 1);
        final Evidence evidence = Evidence.newBuilder()
                .setFirst(unsigned(2, VoteType.PREVOTE, 1, 0).vote())
                .setSecond(unsignedFrom(fixture, 2, VoteType.PREVOTE, 1, 0, Optional.of(someBlockId())).vote())
                .build();
        final Block atCap = base.toBuilder()
                .addAllEvidence(Collections.nCopies(Limits.MAX_EVIDENCE_PER_BLOCK, evidence)).build();
        final Block overCap = atCap.toBuilder().addEvidence(evidence).build();

        final Node accepting = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));
        accepting.receive(fixture.proposal(1, 0, -1, atCap));
        assertThat(accepting.state.keptProposalCount()).isEqualTo(1);

        final Node refusing = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));
        refusing.receive(fixture.proposal(1, 0, -1, overCap));
        assertThat(refusing.state.keptProposalCount()).isZero();
        assertThat(refusing.of(Action.InputIgnored.class)).extracting(Action.InputIgnored::reason)
                .containsExactly(IgnoreReason.BLOCK_DOES_NOT_FIT);
    }

    private ConsensusMessage.VoteMessage unsigned(final int validator, final VoteType type, final long height,
                                                  final int round) {
        return unsignedFrom(fixture, validator, type, height, round, Optional.empty());
    }

    private static ConsensusMessage.VoteMessage unsignedFrom(final Fixture fixture, final int validator,
                                                             final VoteType type, final long height, final int round,
                                                             final Optional<BlockId> value) {
        return new ConsensusMessage.VoteMessage(Vote.newBuilder().setHeight(height).setRound(round).setType(type)
                .setBlockId(BlockId.toVoteField(value)).setValidator(fixture.address(validator)).build());
    }

    private static BlockId someBlockId() {
        final byte[] bytes = new byte[BlockId.LENGTH_BYTES];
        bytes[0] = 1;
        return new BlockId(ByteString.copyFrom(bytes));
    }
}
