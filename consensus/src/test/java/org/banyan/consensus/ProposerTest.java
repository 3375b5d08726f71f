package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Optional;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.SignedTransaction;
import org.banyan.protocol.consensus.VoteType;
import org.junit.jupiter.api.Test;

/** The proposer's side: asking for content, building the block, re-proposing a valid value, carrying evidence. */
class ProposerTest {

    private final Fixture fixture = new Fixture(4);

    @Test
    void theProposerAsksForContentAndProposesABlockThatFitsTheHeight() {
        final int proposer = fixture.proposer(1, 0);
        final Node node = new Node(fixture.config(proposer)).start(fixture.genesis(SignState.EMPTY));
        assertThat(node.of(Action.RequestProposalContent.class))
                .containsExactly(new Action.RequestProposalContent(1, 0));
        final SignedTransaction transaction = SignedTransaction.newBuilder()
                .setBlob(Transaction.newBuilder().setNonce(1).setSourceAddress(fixture.address(3)).build().toByteString())
                .build();

        node.step(new Event.ProposalContentReady(1, 0, Fixture.content(List.of(transaction), 5_000)));

        final Proposal proposal = broadcastProposal(node);
        final Block block = proposal.getBlock();
        assertThat(proposal.getPolRound()).isEqualTo(-1);
        assertThat(block.getHeight()).isEqualTo(1);
        assertThat(block.getCloseTime()).isEqualTo(5_000);
        assertThat(block.getTransactionsList()).containsExactly(transaction);
        assertThat(block.getPreviousHash()).isEqualTo(Fixture.GENESIS_ID);
        assertThat(block.getValidatorsHash()).isEqualTo(fixture.validators.hash());
        assertThat(block.getNextValidatorsHash()).as("the start point's set of height 2")
                .isEqualTo(fixture.validators.hash());
        assertThat(block.getPreviousLedgerHash()).isEqualTo(Fixture.PREVIOUS_LEDGER_HASH);
        assertThat(block.getProposer()).isEqualTo(fixture.address(proposer));
        assertThat(block.hasLastCommit()).isFalse();
        assertThat(new MessageVerifier(Fixture.CHAIN_ID, SignatureVerifier.PUBLIC_KEY)
                .verify(new ConsensusMessage.ProposalMessage(proposal), fixture.validators).isAccepted()).isTrue();
        ConsensusRulesTest.assertPersistedBeforeBroadcast(node.actions);
        assertThat(node.of(Action.ValidateBlock.class)).as("its own block is validated like any other").hasSize(1);
    }

    @Test
    void theBlockNamesTheNextHeightsSetFromTheStartPoint() {
        final ValidatorSet next = ValidatorSet.of(new Fixture(5).validators.validators());
        final int proposer = fixture.proposer(1, 0);
        final Node node = new Node(fixture.config(proposer)).start(new StartPoint(1, Fixture.GENESIS_ID,
                Optional.empty(), fixture.validators, next, SignState.EMPTY));

        node.step(new Event.ProposalContentReady(1, 0, Fixture.content(List.of(), 5_000)));

        final Block block = broadcastProposal(node).getBlock();
        assertThat(block.getNextValidatorsHash()).isEqualTo(next.hash()).isNotEqualTo(block.getValidatorsHash());
        assertThat(node.of(Action.InputIgnored.class)).as("its own block fits the height").isEmpty();
    }

    @Test
    void theShellNamesThePreviousLedgerWithAWholeHash() {
        assertThat(new ProposalContent(List.of(), 1, ByteString.copyFrom(new byte[32])).previousLedgerHash().size())
                .isEqualTo(ProposalContent.LEDGER_HASH_LENGTH_BYTES);
        assertThatThrownBy(() -> new ProposalContent(List.of(), 1, ByteString.copyFrom(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 31");
        assertThatThrownBy(() -> new ProposalContent(List.of(), 1, ByteString.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    }

    @Test
    void contentForARoundThatIsOverIsDropped() {
        final int proposer = fixture.proposer(1, 0);
        final Node node = new Node(fixture.config(proposer)).start(fixture.genesis(SignState.EMPTY));
        node.timeout(TimeoutKind.PROPOSE, 1, 0);

        node.step(new Event.ProposalContentReady(1, 0, Fixture.content(List.of(), 5_000)));

        assertThat(node.of(Action.Broadcast.class)).isEmpty();
    }

    @Test
    void theProposerReproposesItsValidValueWithItsRound() {
        final int me = 0;
        final Node node = new Node(fixture.config(me)).start(fixture.genesis(SignState.EMPTY));
        final Block block = fixture.block(fixture.proposer(1, 0), 1);
        final BlockId id = BlockId.of(block);
        node.receive(fixture.proposal(1, 0, -1, block)).validated(id, true)
                .receive(fixture.prevote(1, 1, 0, Optional.of(id)), fixture.prevote(2, 1, 0, Optional.of(id)));
        final int myRound = fixture.roundProposedBy(me, 1, 1);
        for (int round = 0; round < myRound; round++) {
            node.timeout(TimeoutKind.PRECOMMIT, 1, round);
        }

        assertThat(node.state.round()).isEqualTo(myRound);
        assertThat(node.of(Action.RequestProposalContent.class)).isEmpty();
        final Proposal proposal = broadcastProposal(node);
        assertThat(proposal.getPolRound()).isZero();
        assertThat(proposal.getBlock()).isEqualTo(block);
    }

    @Test
    void evidenceOfConflictingVotesIsReportedAndCarriedInTheNextProposalUntilCommitted() {
        final int me = fixture.proposer(2, 0);
        final Node node = new Node(fixture.config(me)).start(fixture.genesis(SignState.EMPTY));
        final int liar = (me + 1) % 4;
        final Block block = fixture.block(fixture.proposer(1, 0), 1);
        final BlockId id = BlockId.of(block);

        node.receive(fixture.prevote(liar, 1, 0, Optional.of(id)), fixture.prevote(liar, 1, 0, Optional.empty()));

        final Action.EvidenceDetected detected = node.of(Action.EvidenceDetected.class).get(0);
        assertThat(detected.evidence().getFirst().getBlockId()).isEqualTo(id.bytes());
        assertThat(detected.evidence().getSecond().getBlockId().isEmpty()).isTrue();
        assertThat(new MessageVerifier(Fixture.CHAIN_ID, SignatureVerifier.PUBLIC_KEY)
                .verify(detected.evidence(), fixture.validators).isAccepted()).isTrue();
        node.receive(fixture.prevote(liar, 1, 0, Optional.empty()));
        assertThat(node.of(Action.EvidenceDetected.class)).as("reported once").isEmpty();

        final CommittedBlock committed = CommittedBlock.newBuilder().setBlock(block)
                .setCertificate(fixture.certificate(1, 0, id, 0, 1, 2)).build();
        node.step(new Event.BlockSynced(committed)).step(new Event.CommitApplied(1, fixture.validators));
        node.step(new Event.ProposalContentReady(2, 0, Fixture.content(List.of(), 9_000)));

        final Block next = broadcastProposal(node).getBlock();
        assertThat(next.getEvidenceList()).containsExactly(detected.evidence());
        assertThat(next.getLastCommit()).isEqualTo(committed.getCertificate());
        assertThat(node.state.pendingEvidence()).hasSize(1);
        node.validateAll(true);
        for (int validator = 0; validator < 4; validator++) {
            node.receive(fixture.prevote(validator, 2, 0, Optional.of(BlockId.of(next))));
        }
        for (int validator = 0; validator < 4; validator++) {
            node.receive(fixture.precommit(validator, 2, 0, Optional.of(BlockId.of(next))));
        }
        assertThat(node.everOf(Action.Commit.class)).hasSize(2);
        assertThat(node.state.pendingEvidence()).isEmpty();
    }

    @Test
    void aSyncedBlockIsCommittedAndNextHeightMessagesAreReplayed() {
        final Node node = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));
        final Block block = fixture.block(fixture.proposer(1, 0), 1);
        final BlockId id = BlockId.of(block);
        final CommittedBlock committed = CommittedBlock.newBuilder().setBlock(block)
                .setCertificate(fixture.certificate(1, 0, id, 1, 2, 3)).build();
        node.receive(fixture.prevote(2, 2, 0, Optional.empty()), fixture.prevote(3, 2, 0, Optional.empty()));
        assertThat(node.state.bufferedNextHeightCount()).isEqualTo(2);

        node.step(new Event.BlockSynced(committed));
        assertThat(node.of(Action.Commit.class)).containsExactly(new Action.Commit(committed));
        node.step(new Event.CommitApplied(1, fixture.validators));

        assertThat(node.state.height()).isEqualTo(2);
        assertThat(node.state.bufferedNextHeightCount()).isZero();
        assertThat(node.state.keptVoteCount()).isEqualTo(2);
    }

    @Test
    void aSyncedBlockThatDoesNotMatchItsCertificateIsIgnored() {
        final Node node = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));
        final Block block = fixture.block(fixture.proposer(1, 0), 1);
        final Block other = fixture.block(fixture.proposer(1, 0), 2);
        final CommittedBlock mismatched = CommittedBlock.newBuilder().setBlock(other)
                .setCertificate(fixture.certificate(1, 0, BlockId.of(block), 1, 2, 3)).build();

        node.step(new Event.BlockSynced(mismatched));

        assertThat(node.of(Action.Commit.class)).isEmpty();
        assertThat(node.of(Action.InputIgnored.class)).extracting(Action.InputIgnored::reason)
                .containsExactly(IgnoreReason.SYNCED_BLOCK_DOES_NOT_FIT);
    }

    @Test
    void latePrecommitsOfThePreviousHeightExtendTheLastCommit() {
        final Node node = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));
        final Block block = fixture.block(fixture.proposer(1, 0), 1);
        final BlockId id = BlockId.of(block);
        node.receive(fixture.proposal(1, 0, -1, block)).validated(id, true)
                .receive(fixture.prevote(1, 1, 0, Optional.of(id)), fixture.prevote(2, 1, 0, Optional.of(id)))
                .receive(fixture.precommit(1, 1, 0, Optional.of(id)), fixture.precommit(2, 1, 0, Optional.of(id)))
                .step(new Event.CommitApplied(1, fixture.validators));
        assertThat(node.state.lastCommit().orElseThrow().getPrecommitsCount()).isEqualTo(3);

        node.receive(fixture.precommit(3, 1, 0, Optional.of(id)), fixture.precommit(3, 1, 0, Optional.of(id)));

        assertThat(node.state.lastCommit().orElseThrow().getPrecommitsCount()).isEqualTo(4);
        assertThat(new CommitCertificateVerifier(Fixture.CHAIN_ID, SignatureVerifier.PUBLIC_KEY)
                .verify(node.state.lastCommit().orElseThrow(), fixture.validators).isAccepted()).isTrue();
    }

    @Test
    void aNodeWithoutAKeyFollowsAndCommitsWithoutSigning() {
        final Node follower = new Node(new ConsensusConfig(Fixture.CHAIN_ID, Optional.empty(), Fixture.TIMEOUTS))
                .start(fixture.genesis(SignState.EMPTY));
        final Block block = fixture.block(fixture.proposer(1, 0), 1);
        final BlockId id = BlockId.of(block);

        follower.receive(fixture.proposal(1, 0, -1, block)).validated(id, true);
        for (int validator = 0; validator < 3; validator++) {
            follower.receive(fixture.precommit(validator, 1, 0, Optional.of(id)));
        }

        assertThat(follower.everOf(Action.Broadcast.class)).isEmpty();
        assertThat(follower.of(Action.Commit.class)).hasSize(1);
        assertThat(follower.broadcastVotes(VoteType.PREVOTE)).isEmpty();
    }

    private static Proposal broadcastProposal(final Node node) {
        return node.of(Action.Broadcast.class).stream().map(Action.Broadcast::message)
                .filter(ConsensusMessage.ProposalMessage.class::isInstance)
                .map(message -> ((ConsensusMessage.ProposalMessage) message).proposal())
                .findFirst().orElseThrow(() -> new AssertionError("no proposal in " + node.actions));
    }
}
