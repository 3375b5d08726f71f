package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.crypto.MerkleTree;
import org.banyan.protocol.Signature;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.BlockHeader;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.Evidence;
import org.banyan.protocol.consensus.SignedTransaction;
import org.banyan.protocol.consensus.VoteType;
import org.junit.jupiter.api.Test;

/** The header commits to the whole block, and the block id is the header's id. */
class BlockHeadersTest {

    private final Fixture fixture = new Fixture(4);
    private final CommitCertificate lastCommit = fixture.certificate(1, 0, BlockId.of(fixture.block(0, 1)), 0, 1, 2);
    private final Evidence evidence = Evidence.newBuilder()
            .setFirst(fixture.vote(3, VoteType.PREVOTE, 1, 0, Optional.of(BlockId.of(fixture.block(0, 1)))))
            .setSecond(fixture.vote(3, VoteType.PREVOTE, 1, 0, Optional.empty())).build();
    private final Block block = fixture.block(1, 7).toBuilder()
            .setHeight(2)
            .addTransactions(transaction("first"))
            .addTransactions(transaction("second"))
            .addTransactions(transaction("third"))
            .setLastCommit(lastCommit)
            .addEvidence(evidence)
            .build();

    @Test
    void theHeaderCopiesTheFieldsAndCommitsToTheRest() {
        final BlockHeader header = BlockHeaders.of(block);

        assertThat(header.getHeight()).isEqualTo(2);
        assertThat(header.getCloseTime()).isEqualTo(block.getCloseTime());
        assertThat(header.getPreviousHash()).isEqualTo(block.getPreviousHash());
        assertThat(header.getValidatorsHash()).isEqualTo(block.getValidatorsHash());
        assertThat(header.getNextValidatorsHash()).isEqualTo(block.getNextValidatorsHash());
        assertThat(header.getProposer()).isEqualTo(block.getProposer());
        assertThat(header.getPreviousLedgerHash()).isEqualTo(Fixture.PREVIOUS_LEDGER_HASH);
        assertThat(header.getTransactionCount()).isEqualTo(3);
        assertThat(header.getTransactionsRoot().toByteArray()).isEqualTo(MerkleTree.root(List.of(
                sha256("first"), sha256("second"), sha256("third"))));
        assertThat(header.getLastCommitHash().toByteArray()).isEqualTo(Hashes.sha256(lastCommit.toByteArray()));
        assertThat(header.getEvidenceHash().size()).isEqualTo(32);
        assertThat(header.getTransactionSignaturesHash().size()).isEqualTo(32);
    }

    @Test
    void aBlockWithoutTransactionsLastCommitOrEvidenceHasFixedCommitments() {
        final BlockHeader header = BlockHeaders.of(fixture.block(1, 7));

        assertThat(Hex.encode(header.getTransactionsRoot().toByteArray()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(header.getTransactionCount()).isZero();
        assertThat(header.getLastCommitHash().isEmpty()).isTrue();
        assertThat(header.getEvidenceHash().toByteArray()).isEqualTo(Hashes.sha256(
                "banyan/block-evidence/v1\0\0\0\0".getBytes(StandardCharsets.US_ASCII)));
        assertThat(header.getTransactionSignaturesHash().toByteArray()).isEqualTo(Hashes.sha256(
                "banyan/block-signatures/v1\0\0\0\0".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theBlockIdIsTheTaggedHashOfTheHeader() {
        final BlockHeader header = BlockHeaders.of(block);
        final byte[] tagged = Hashes.sha256("banyan/block-header/v1".getBytes(StandardCharsets.US_ASCII),
                header.toByteArray());

        assertThat(BlockId.of(block)).isEqualTo(BlockId.of(header));
        assertThat(BlockId.of(header).bytes().toByteArray()).isEqualTo(tagged);
        assertThat(BlockId.of(header).bytes().toByteArray()).isNotEqualTo(Hashes.sha256(header.toByteArray()));
    }

    @Test
    void changingAnythingInTheBlockChangesItsId() {
        final List<UnaryOperator<Block.Builder>> changes = List.of(
                changed -> changed.setTransactions(1, transaction("other")),
                changed -> changed.setTransactions(0, block.getTransactions(1)).setTransactions(1,
                        block.getTransactions(0)),
                changed -> changed.addTransactions(transaction("fourth")),
                changed -> changed.removeTransactions(2),
                changed -> changed.setLastCommit(fixture.certificate(1, 0, BlockId.of(fixture.block(0, 1)), 0, 1, 3)),
                changed -> changed.clearLastCommit(),
                changed -> changed.clearEvidence(),
                changed -> changed.addEvidence(evidence.toBuilder().setSecond(fixture.vote(2, VoteType.PREVOTE, 1, 0,
                        Optional.empty()))),
                changed -> changed.setPreviousLedgerHash(ByteString.copyFrom(sha256("another ledger"))),
                changed -> changed.setNextValidatorsHash(ValidatorSet.of(new Fixture(5).validators.validators())
                        .hash()),
                changed -> changed.setValidatorsHash(ByteString.copyFrom(sha256("another set"))),
                changed -> changed.setPreviousHash(ByteString.copyFrom(sha256("another parent"))),
                changed -> changed.setHeight(3),
                changed -> changed.setCloseTime(block.getCloseTime() + 1),
                changed -> changed.setProposer(fixture.address(2)));
        final BlockId original = BlockId.of(block);

        for (int index = 0; index < changes.size(); index++) {
            final Block changed = changes.get(index).apply(block.toBuilder()).build();
            assertThat(changed).as("change %d alters the block", index).isNotEqualTo(block);
            assertThat(BlockId.of(changed)).as("change %d", index).isNotEqualTo(original);
        }
    }

    @Test
    void theIdCommitsToWhoSignedThoughTheTransactionsRootNamesOnlyWhatWasSigned() {
        final SignedTransaction resigned = block.getTransactions(0).toBuilder()
                .addSignatures(Signature.newBuilder().setPublicKey("b0").setSignData(ByteString.copyFromUtf8("s")))
                .build();
        final Block changed = block.toBuilder().setTransactions(0, resigned).build();

        assertThat(BlockHeaders.of(changed).getTransactionsRoot())
                .isEqualTo(BlockHeaders.of(block).getTransactionsRoot());
        assertThat(BlockHeaders.of(changed).getTransactionSignaturesHash())
                .isNotEqualTo(BlockHeaders.of(block).getTransactionSignaturesHash());
        assertThat(BlockId.of(changed)).isNotEqualTo(BlockId.of(block));
    }

    private static SignedTransaction transaction(final String blob) {
        return SignedTransaction.newBuilder().setBlob(ByteString.copyFromUtf8(blob)).build();
    }

    private static byte[] sha256(final String text) {
        return Hashes.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
