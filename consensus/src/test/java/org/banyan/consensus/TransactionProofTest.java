package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.stream.IntStream;
import org.banyan.crypto.Hashes;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.BlockHeader;
import org.banyan.protocol.consensus.SignedTransaction;
import org.junit.jupiter.api.Test;

/** A transaction's proof checks against its block's header, and against no other header or position. */
class TransactionProofTest {

    private final Fixture fixture = new Fixture(4);
    private final Block block = withTransactions(fixture.block(0, 1), 7, "tx");
    private final BlockHeader header = BlockHeaders.of(block);

    @Test
    void everyTransactionIsProvenAgainstTheHeader() {
        for (int index = 0; index < block.getTransactionsCount(); index++) {
            final TransactionProof proof = TransactionProof.of(block, index);

            assertThat(proof.isIncludedIn(header)).as("transaction %d", index).isTrue();
            assertThat(proof.transactionHash().toByteArray())
                    .isEqualTo(Hashes.sha256(block.getTransactions(index).getBlob().toByteArray()));
            assertThat(TransactionProof.find(block, proof.transactionHash())).contains(proof);
        }
    }

    @Test
    void aProofFailsForAnotherBlockAnotherPositionOrAnotherTransaction() {
        final TransactionProof proof = TransactionProof.of(block, 3);
        final BlockHeader other = BlockHeaders.of(withTransactions(fixture.block(0, 1), 7, "other"));

        assertThat(proof.isIncludedIn(other)).isFalse();
        assertThat(new TransactionProof(proof.transactionHash(), 4, proof.path()).isIncludedIn(header)).isFalse();
        assertThat(new TransactionProof(TransactionProof.of(block, 4).transactionHash(), 3, proof.path())
                .isIncludedIn(header)).isFalse();
        assertThat(proof.isIncludedIn(header.toBuilder().setTransactionCount(3).build())).isFalse();
    }

    @Test
    void aTransactionNotInTheBlockHasNoProof() {
        assertThat(TransactionProof.find(block, ByteString.copyFrom(Hashes.sha256(new byte[] {1})))).isEmpty();
        assertThatThrownBy(() -> TransactionProof.of(block, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none at position 7");
        assertThatThrownBy(() -> TransactionProof.of(fixture.block(0, 1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 0 transactions");
    }

    private static Block withTransactions(final Block block, final int count, final String prefix) {
        return block.toBuilder().addAllTransactions(IntStream.range(0, count)
                .mapToObj(index -> SignedTransaction.newBuilder().setBlob(ByteString.copyFromUtf8(prefix + index))
                        .build()).toList()).build();
    }
}
