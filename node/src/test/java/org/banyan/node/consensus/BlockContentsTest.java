package org.banyan.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import org.banyan.consensus.ProposalContent;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.node.LedgerCloser;
import org.banyan.node.TestTransactions;
import org.banyan.node.mempool.Mempool;
import org.banyan.node.mempool.MempoolLimits;
import org.banyan.protocol.Signature;
import org.banyan.consensus.SignBytes;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.SignedTransaction;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;
import org.junit.jupiter.api.Test;

class BlockContentsTest {

    private static final String RECIPIENT = TestTransactions.address(TestTransactions.key(0));

    private final Ledger ledger = TestChain.ledger(4);
    private final Mempool mempool = new Mempool(MempoolLimits.DEFAULTS);
    private final ValidatorSets validatorSets = new ValidatorSets(ledger);
    // A clock behind the genesis: the close time must still come after the parent's.
    private final Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    private final BlockContents contents = new BlockContents(ledger, mempool, clock, validatorSets);

    @Test
    void aProposalCarriesTheReadyTransactionsAndATimeAfterTheParent() {
        final VerifiedTransaction first = payment(1, 1);
        final VerifiedTransaction gap = payment(2, 2);
        mempool.add(first, 0);
        mempool.add(gap, 0);
        final ProposalContent content = contents.proposalContent();
        assertThat(content.transactions()).containsExactly(BlockContents.envelopeOf(first));
        assertThat(content.closeTimeMicros()).isEqualTo(TestChain.GENESIS_CLOSE_TIME_MICROS + 1);
        assertThat(content.previousLedgerHash()).isEqualTo(ledger.lastHeader().getHash());
    }

    @Test
    void aBlockMustNameThisNodesPreviousLedgerAndTheNextValidatorSet() {
        assertThat(contents.problemWith(2, block().setPreviousLedgerHash(ByteString.copyFrom(new byte[32])).build()))
            .get().asString().contains("another previous ledger");
        assertThat(contents.problemWith(2, block().setNextValidatorsHash(ByteString.copyFrom(new byte[32])).build()))
            .get().asString().contains("next validators hash");
    }

    @Test
    void aWellFormedBlockIsValidAndItsTransactionsAreTheVerifiedOnes() {
        final VerifiedTransaction payment = payment(1, 1);
        final Block block = block().addTransactions(BlockContents.envelopeOf(payment)).build();
        assertThat(contents.problemWith(2, block)).isEmpty();
        assertThat(contents.transactionsOf(block)).extracting(VerifiedTransaction::hashHex)
            .containsExactly(payment.hashHex());
    }

    @Test
    void everyRuleOfValidityIsChecked() {
        assertThat(contents.problemWith(3, block().build())).get().asString().contains("next ledger is 2");
        assertThat(contents.problemWith(2, block().setPreviousHash(ByteString.copyFrom(new byte[32])).build()))
            .get().asString().contains("parent");
        assertThat(contents.problemWith(2, block().setCloseTime(TestChain.GENESIS_CLOSE_TIME_MICROS).build()))
            .get().asString().contains("is not after the parent's");
        assertThat(contents.problemWith(2, block().setValidatorsHash(ByteString.copyFrom(new byte[32])).build()))
            .get().asString().contains("validators hash");
        final SignedTransaction envelope = BlockContents.envelopeOf(payment(1, 1));
        assertThat(contents.problemWith(2, block().addTransactions(envelope).addTransactions(envelope).build()))
            .get().asString().contains("appears twice");
    }

    @Test
    void aForgedSignatureIsCaughtEvenWhenTheMempoolHoldsTheGenuineCopy() {
        final VerifiedTransaction genuine = payment(1, 1);
        mempool.add(genuine, 0);
        final SignedTransaction forged = BlockContents.envelopeOf(genuine).toBuilder()
            .setSignatures(0, Signature.newBuilder(genuine.signatures().get(0))
                .setSignData(ByteString.copyFrom(new byte[64])))
            .build();
        final Block block = block().addTransactions(forged).build();
        assertThat(contents.problemWith(2, block)).get().asString().contains("a transaction is invalid");
        assertThatThrownBy(() -> contents.transactionsOf(block)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBlockAtTheTransactionCapIsCountedAndOneMoreIsRefused() {
        final SignedTransaction envelope = BlockContents.envelopeOf(payment(1, 1));
        final Block atCap = block().addAllTransactions(
            Collections.nCopies(LedgerCloser.MAX_TRANSACTIONS_PER_LEDGER, envelope)).build();
        // At the cap the count passes and the copies fail as duplicates.
        assertThat(contents.problemWith(2, atCap)).get().asString().contains("appears twice");
        final Block overCap = atCap.toBuilder().addTransactions(envelope).build();
        assertThat(contents.problemWith(2, overCap)).get().asString()
            .contains("at most " + LedgerCloser.MAX_TRANSACTIONS_PER_LEDGER);
    }

    @Test
    void verifiedTransactionsAreRememberedUpToTheCap() {
        final BlockContents small = new BlockContents(ledger, mempool, clock, validatorSets, 2);
        small.problemWith(2, block().addTransactions(BlockContents.envelopeOf(payment(1, 1)))
            .addTransactions(BlockContents.envelopeOf(payment(2, 1))).build());
        assertThat(small.rememberedCount()).isEqualTo(2);
        small.problemWith(2, block().addTransactions(BlockContents.envelopeOf(payment(3, 1))).build());
        assertThat(small.rememberedCount()).isEqualTo(1);
        small.heightCommitted();
        assertThat(small.rememberedCount()).isZero();
    }

    @Test
    void theLastCommitMustBeAQuorumOfValidPrecommitsOfTheParent() {
        final ByteString parentId = ByteString.copyFrom(new byte[32]);
        ledger.close(java.util.List.of(), TestChain.GENESIS_CLOSE_TIME_MICROS + 1, java.util.Optional.of(
            CommittedBlock.newBuilder().setBlock(Block.newBuilder().setHeight(2))
                .setCertificate(CommitCertificate.newBuilder().setHeight(2).setBlockId(parentId)).build()));
        final Block.Builder next = Block.newBuilder().setHeight(3).setCloseTime(TestChain.GENESIS_CLOSE_TIME_MICROS + 2)
            .setPreviousHash(ChainTip.parentId(ledger, 2)).setValidatorsHash(validatorSets.at(3).hash())
            .setPreviousLedgerHash(ledger.lastHeader().getHash()).setNextValidatorsHash(validatorSets.at(4).hash());
        assertThat(contents.problemWith(3, next.setLastCommit(certificate(parentId, 3)).build())).isEmpty();
        assertThat(contents.problemWith(3, next.setLastCommit(certificate(parentId, 2)).build())).get().asString()
            .contains("the last commit is invalid").contains("more than two thirds");
        final CommitCertificate forged = certificate(parentId, 3).toBuilder()
            .setPrecommits(0, certificate(parentId, 3).getPrecommits(0).toBuilder()
                .setSignature(ByteString.copyFrom(new byte[64])))
            .build();
        assertThat(contents.problemWith(3, next.setLastCommit(forged).build())).get().asString()
            .contains("invalid signature");
    }

    /** A certificate for height 2 with precommits by the first {@code signers} validators. */
    private static CommitCertificate certificate(final ByteString blockId, final int signers) {
        final CommitCertificate.Builder certificate = CommitCertificate.newBuilder().setHeight(2).setBlockId(blockId);
        for (int index = 0; index < signers; index++) {
            final PrivateKey key = TestChain.validatorKey(index);
            final Vote vote = Vote.newBuilder().setHeight(2).setType(VoteType.PRECOMMIT).setBlockId(blockId)
                .setValidator(TestTransactions.address(key)).build();
            certificate.addPrecommits(vote.toBuilder().setSignature(ByteString.copyFrom(
                key.sign(SignBytes.of(TestChain.CHAIN_ID, vote)))));
        }
        return certificate.build();
    }

    private Block.Builder block() {
        return Block.newBuilder().setHeight(2).setCloseTime(TestChain.GENESIS_CLOSE_TIME_MICROS + 10)
            .setPreviousHash(ChainTip.parentId(ledger, 1)).setValidatorsHash(validatorSets.at(2).hash())
            .setPreviousLedgerHash(ledger.lastHeader().getHash()).setNextValidatorsHash(validatorSets.at(3).hash());
    }

    private static VerifiedTransaction payment(final int account, final long nonce) {
        final PrivateKey key = TestTransactions.key(account);
        return TestTransactions.verified(key, TestTransactions.payment(key, nonce, RECIPIENT, 1_000).build());
    }
}
