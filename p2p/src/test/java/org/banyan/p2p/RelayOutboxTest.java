package org.banyan.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.protocol.consensus.SignedTransaction;
import org.banyan.protocol.p2p.PeerMessage;
import org.junit.jupiter.api.Test;

class RelayOutboxTest {

    private record Sent(PeerMessage message, Optional<String> except) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final RelayOutbox outbox = new RelayOutbox((message, except) -> sent.add(new Sent(message, except)));

    @Test
    void transactionsWaitForTheFlushInOneBatchPerSkippedPeer() {
        outbox.add(transaction(1, 10), Optional.empty());
        outbox.add(transaction(2, 10), Optional.of("a"));
        outbox.add(transaction(3, 10), Optional.empty());
        assertThat(sent).isEmpty();
        assertThat(outbox.size()).isEqualTo(3);
        outbox.flush();
        assertThat(sent).hasSize(2);
        assertThat(sent).filteredOn(item -> item.except().isEmpty()).singleElement()
                .satisfies(item -> assertThat(item.message().getTransactions().getTransactionsList())
                        .containsExactly(transaction(1, 10), transaction(3, 10)));
        assertThat(sent).filteredOn(item -> item.except().equals(Optional.of("a"))).singleElement()
                .satisfies(item -> assertThat(item.message().getTransactions().getTransactionsList())
                        .containsExactly(transaction(2, 10)));
        assertThat(outbox.size()).isZero();
        outbox.flush();
        assertThat(sent).as("an empty outbox sends nothing").hasSize(2);
    }

    @Test
    void aBatchLeavesAtOnceWhenItReachesTheTransactionCap() {
        for (int index = 0; index < Limits.MAX_GOSSIP_BATCH_TRANSACTIONS - 1; index++) {
            outbox.add(transaction(index, 10), Optional.empty());
        }
        assertThat(sent).isEmpty();
        outbox.add(transaction(-1, 10), Optional.empty());
        assertThat(sent).singleElement().satisfies(item -> assertThat(
                item.message().getTransactions().getTransactionsCount()).isEqualTo(Limits.MAX_GOSSIP_BATCH_TRANSACTIONS));
        assertThat(outbox.size()).isZero();
    }

    @Test
    void aBatchLeavesAtOnceWhenItReachesTheByteCap() {
        final int blobBytes = 100_000;
        final long needed = (Limits.MAX_GOSSIP_BATCH_BYTES + blobBytes - 1) / blobBytes;
        for (int index = 0; index < needed - 1; index++) {
            outbox.add(transaction(index, blobBytes), Optional.empty());
        }
        assertThat(sent).isEmpty();
        outbox.add(transaction(-1, blobBytes), Optional.empty());
        assertThat(sent).singleElement().satisfies(item -> assertThat(
                item.message().getTransactions().getTransactionsCount()).isEqualTo((int) needed));
    }

    private static SignedTransaction transaction(final int id, final int blobBytes) {
        final byte[] blob = new byte[blobBytes];
        blob[0] = (byte) id;
        blob[1] = (byte) (id >> 8);
        return SignedTransaction.newBuilder().setBlob(ByteString.copyFrom(blob)).build();
    }
}
