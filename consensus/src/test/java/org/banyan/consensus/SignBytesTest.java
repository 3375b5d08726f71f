package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.banyan.protocol.consensus.Evidence;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;
import org.junit.jupiter.api.Test;

/** The sign bytes layout, its domain separation, and the malformed inputs it refuses. */
class SignBytesTest {

    private final Fixture fixture = new Fixture(4);
    private final BlockId id = BlockId.of(fixture.block(1, 1));
    private final Vote prevote = fixture.vote(1, VoteType.PREVOTE, 7, 3, Optional.of(id));

    @Test
    void aVoteSignsTagKindChainHeightRoundAndBlockIdInThatLayout() {
        final byte[] bytes = SignBytes.of(Fixture.CHAIN_ID, prevote);

        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        final byte[] tag = new byte[SignBytes.DOMAIN_TAG.length];
        buffer.get(tag);
        assertThat(new String(tag, StandardCharsets.US_ASCII)).isEqualTo("banyan/consensus/v1");
        assertThat(buffer.get()).isEqualTo((byte) 1);
        assertThat(buffer.getLong()).isEqualTo(Fixture.CHAIN_ID);
        assertThat(buffer.getLong()).isEqualTo(7);
        assertThat(buffer.getInt()).isEqualTo(3);
        assertThat(buffer.get()).isEqualTo((byte) 32);
        final byte[] blockId = new byte[32];
        buffer.get(blockId);
        assertThat(blockId).isEqualTo(id.bytes().toByteArray());
        assertThat(buffer.hasRemaining()).isFalse();
    }

    @Test
    void everyFieldAndTheChainChangeTheBytes() {
        final byte[] base = SignBytes.of(Fixture.CHAIN_ID, prevote);

        assertThat(SignBytes.of(Fixture.CHAIN_ID + 1, prevote)).isNotEqualTo(base);
        assertThat(SignBytes.of(Fixture.CHAIN_ID, prevote.toBuilder().setType(VoteType.PRECOMMIT).build()))
                .isNotEqualTo(base);
        assertThat(SignBytes.of(Fixture.CHAIN_ID, prevote.toBuilder().setHeight(8).build())).isNotEqualTo(base);
        assertThat(SignBytes.of(Fixture.CHAIN_ID, prevote.toBuilder().setRound(4).build())).isNotEqualTo(base);
        final byte[] nil = SignBytes.of(Fixture.CHAIN_ID, prevote.toBuilder().setBlockId(ByteString.EMPTY).build());
        assertThat(nil).hasSize(base.length - 32);
        assertThat(nil[nil.length - 1]).isZero();
    }

    @Test
    void theSignatureAndValidatorAreNotPartOfTheBytes() {
        final byte[] base = SignBytes.of(Fixture.CHAIN_ID, prevote);

        assertThat(SignBytes.of(Fixture.CHAIN_ID, prevote.toBuilder().clearSignature().clearValidator().build()))
                .isEqualTo(base);
    }

    @Test
    void aProposalSignsItsPolRoundAndBlockIdUnderItsOwnKind() {
        final Proposal proposal = fixture.proposal(1, 2, 1, fixture.block(fixture.proposer(1, 2), 1)).proposal();
        final byte[] bytes = SignBytes.of(Fixture.CHAIN_ID, proposal);

        assertThat(bytes[SignBytes.DOMAIN_TAG.length]).isEqualTo((byte) 3);
        assertThat(Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length))
                .isEqualTo(BlockId.of(proposal.getBlock()).bytes().toByteArray());
        assertThat(SignBytes.of(Fixture.CHAIN_ID, proposal.toBuilder().setPolRound(0).build())).isNotEqualTo(bytes);
        final Vote sameNumbers = prevote.toBuilder().setHeight(1).setRound(2).build();
        assertThat(SignBytes.of(Fixture.CHAIN_ID, sameNumbers)).isNotEqualTo(bytes);
    }

    @Test
    void malformedMessagesHaveNoSignBytes() {
        assertThatThrownBy(() -> SignBytes.of(1, prevote.toBuilder().setBlockId(ByteString.copyFrom(new byte[5])).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes or none");
        assertThatThrownBy(() -> SignBytes.of(1, prevote.toBuilder().setType(VoteType.VOTE_TYPE_UNKNOWN).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prevote or a precommit");
        assertThatThrownBy(() -> SignBytes.of(1, Proposal.getDefaultInstance()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block");
    }

    @Test
    void theMessageVerifierRejectsMalformedForgedAndForeignMessages() {
        final MessageVerifier verifier = new MessageVerifier(Fixture.CHAIN_ID, SignatureVerifier.PUBLIC_KEY);

        assertThat(verifier.verify(new ConsensusMessage.VoteMessage(prevote), fixture.validators).isAccepted()).isTrue();
        assertThat(verifier.verify(new ConsensusMessage.VoteMessage(prevote.toBuilder().setRound(4).build()),
                fixture.validators).isAccepted()).isFalse();
        assertThat(verifier.verify(new ConsensusMessage.VoteMessage(
                prevote.toBuilder().setType(VoteType.VOTE_TYPE_UNKNOWN).build()), fixture.validators))
                .isInstanceOf(Verdict.Rejected.class);
        final Fixture strangers = new Fixture(6);
        final Vote foreign = strangers.vote(5, VoteType.PREVOTE, 7, 3, Optional.of(id));
        assertThat(((Verdict.Rejected) verifier.verify(new ConsensusMessage.VoteMessage(foreign), fixture.validators))
                .reason()).contains("not a validator");
    }

    @Test
    void evidenceIsCheckedForConsistencyAndSignatures() {
        final MessageVerifier verifier = new MessageVerifier(Fixture.CHAIN_ID, SignatureVerifier.PUBLIC_KEY);
        final Vote nil = fixture.vote(1, VoteType.PREVOTE, 7, 3, Optional.empty());
        final Evidence evidence = Evidence.newBuilder()
                .setFirst(prevote).setSecond(nil).build();

        assertThat(verifier.verify(evidence, fixture.validators).isAccepted()).isTrue();
        assertThat(verifier.verify(evidence.toBuilder().setSecond(prevote).build(), fixture.validators).isAccepted())
                .as("agreeing votes").isFalse();
        assertThat(verifier.verify(evidence.toBuilder().setSecond(fixture.vote(2, VoteType.PREVOTE, 7, 3,
                Optional.empty())).build(), fixture.validators).isAccepted()).as("two validators").isFalse();
        assertThat(verifier.verify(evidence.toBuilder().setSecond(nil.toBuilder().setSignature(
                prevote.getSignature())).build(), fixture.validators).isAccepted()).as("forged").isFalse();
    }
}
