package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.Optional;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.BlockHeader;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;
import org.junit.jupiter.api.Test;

/** A certificate is accepted only with more than two thirds of its height's power in valid precommits for it. */
class CommitCertificateVerifierTest {

    private final Fixture fixture = new Fixture(4);
    private final CommitCertificateVerifier verifier =
            new CommitCertificateVerifier(Fixture.CHAIN_ID, SignatureVerifier.PUBLIC_KEY);
    private final Block block = fixture.block(1, 1);
    private final BlockId id = BlockId.of(block);
    private final CommitCertificate certificate = fixture.certificate(1, 2, id, 0, 1, 3);

    @Test
    void acceptsAQuorumOfValidPrecommits() {
        assertThat(verifier.verify(certificate, fixture.validators)).isEqualTo(Verdict.accepted());
        assertThat(verifier.verify(committed(block, certificate), fixture.validators).isAccepted()).isTrue();
        assertThat(verifier.verify(fixture.certificate(1, 2, id, 0, 1, 2, 3), fixture.validators).isAccepted()).isTrue();
    }

    @Test
    void rejectsTwoThirdsOrLess() {
        assertThat(reason(fixture.certificate(1, 2, id, 0, 3))).contains("more than two thirds");
        assertThat(reason(fixture.certificate(1, 2, id))).contains("more than two thirds");
    }

    @Test
    void rejectsATamperedSignature() {
        final Vote tampered = certificate.getPrecommits(1).toBuilder()
                .setSignature(flipFirstByte(certificate.getPrecommits(1).getSignature())).build();

        assertThat(reason(certificate.toBuilder().setPrecommits(1, tampered).build())).contains("invalid signature");
    }

    @Test
    void rejectsAPrecommitMovedToAnotherBlock() {
        final BlockId other = BlockId.of(fixture.block(1, 2));
        final Vote moved = certificate.getPrecommits(0).toBuilder().setBlockId(other.bytes()).build();

        assertThat(reason(certificate.toBuilder().setPrecommits(0, moved).build()))
                .contains("not a precommit for the certified block");
        assertThat(reason(certificate.toBuilder().setBlockId(other.bytes()).build()))
                .contains("not a precommit for the certified block");
    }

    @Test
    void rejectsPrevotesAndVotesOfAnotherRound() {
        final Vote prevote = fixture.vote(2, VoteType.PREVOTE, 1, 2, Optional.of(id));
        final Vote otherRound = fixture.vote(2, VoteType.PRECOMMIT, 1, 3, Optional.of(id));

        assertThat(reason(certificate.toBuilder().setPrecommits(2, prevote).build())).contains("not a precommit");
        assertThat(reason(certificate.toBuilder().setPrecommits(2, otherRound).build())).contains("not a precommit");
    }

    @Test
    void rejectsTheWrongValidatorSet() {
        final Fixture strangers = new Fixture(8);
        final ValidatorSet otherSet = ValidatorSet.of(strangers.validators.validators().subList(4, 8));

        assertThat(verifier.verify(certificate, otherSet)).isInstanceOf(Verdict.Rejected.class);
        assertThat(((Verdict.Rejected) verifier.verify(certificate, otherSet)).reason()).contains("not a validator");
    }

    @Test
    void rejectsTheSameSignerTwiceAndMoreVotesThanValidators() {
        final CommitCertificate twice = certificate.toBuilder().setPrecommits(2, certificate.getPrecommits(0)).build();
        assertThat(reason(twice)).contains("twice");

        final CommitCertificate crowded = fixture.certificate(1, 2, id, 0, 1, 2, 3).toBuilder()
                .addPrecommits(certificate.getPrecommits(0)).build();
        assertThat(reason(crowded)).contains("for a set of 4");
    }

    @Test
    void rejectsSignaturesFromAnotherChain() {
        final CommitCertificateVerifier otherChain =
                new CommitCertificateVerifier(Fixture.CHAIN_ID + 1, SignatureVerifier.PUBLIC_KEY);

        assertThat(otherChain.verify(certificate, fixture.validators).isAccepted()).isFalse();
    }

    @Test
    void rejectsACertificateForAnotherBlockOrHeightThanTheOneItComesWith() {
        final Block other = fixture.block(1, 2);
        assertThat(verifier.verify(committed(other, certificate), fixture.validators))
                .isEqualTo(Verdict.rejected("the certificate is for another block"));
        final Block otherHeight = block.toBuilder().setHeight(2).build();
        assertThat(((Verdict.Rejected) verifier.verify(committed(otherHeight, certificate), fixture.validators))
                .reason()).contains("height");
    }

    @Test
    void aHeaderAloneIsEnoughToCheckACertificate() {
        final BlockHeader header = BlockHeaders.of(block);

        assertThat(verifier.verify(header, certificate, fixture.validators)).isEqualTo(Verdict.accepted());
        assertThat(verifier.verify(header.toBuilder().setTransactionCount(1).build(), certificate,
                fixture.validators)).isEqualTo(Verdict.rejected("the certificate is for another block"));
        assertThat(((Verdict.Rejected) verifier.verify(header.toBuilder().setHeight(2).build(), certificate,
                fixture.validators)).reason()).isEqualTo("the certificate is for height 1, the block for 2");
        assertThat(verifier.verify(header, fixture.certificate(1, 2, id, 0, 1), fixture.validators).isAccepted())
                .isFalse();
    }

    @Test
    void rejectsAMalformedBlockId() {
        assertThat(reason(certificate.toBuilder().setBlockId(ByteString.copyFrom(new byte[5])).build()))
                .contains("32-byte block id");
    }

    private String reason(final CommitCertificate candidate) {
        final Verdict verdict = verifier.verify(candidate, fixture.validators);
        assertThat(verdict).isInstanceOf(Verdict.Rejected.class);
        return ((Verdict.Rejected) verdict).reason();
    }

    private static CommittedBlock committed(final Block block, final CommitCertificate certificate) {
        return CommittedBlock.newBuilder().setBlock(block).setCertificate(certificate).build();
    }

    private static ByteString flipFirstByte(final ByteString bytes) {
        final byte[] copy = bytes.toByteArray();
        copy[0] ^= 1;
        return ByteString.copyFrom(copy);
    }
}
