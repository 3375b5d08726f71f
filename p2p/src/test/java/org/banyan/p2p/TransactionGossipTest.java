package org.banyan.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.banyan.protocol.consensus.SignedTransaction;
import org.banyan.protocol.p2p.PeerMessage;
import org.banyan.protocol.p2p.TransactionBatch;
import org.junit.jupiter.api.Test;

class TransactionGossipTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PEER = TestKeys.address(2);

    /** A relay is where gossip hands messages to the network; this one keeps them for inspection. */
    private record Relayed(PeerMessage message, Optional<String> except) {
    }

    private final List<Relayed> relayed = new CopyOnWriteArrayList<>();

    private TransactionGossip gossip(final TransactionGossipConfig config, final TransactionVerifier verifier) {
        return new TransactionGossip(config, verifier, (message, except) -> relayed.add(new Relayed(message, except)));
    }

    @Test
    void validTransactionIsVerifiedOnceAndRelayedToAllButTheSender() {
        final TestTransactions.CountingVerifier verifier = new TestTransactions.CountingVerifier();
        try (TransactionGossip gossip = gossip(new TransactionGossipConfig(2, 100, 100), verifier)) {
            final SignedTransaction transaction = TestTransactions.signed(1);
            assertThat(gossip.receive(PEER, transaction)).isEqualTo(GossipReceipt.VERIFYING);
            assertThat(gossip.receive(TestKeys.address(3), transaction)).isEqualTo(GossipReceipt.DUPLICATE);
            await().atMost(WAIT).until(() -> relayed.size() == 1);
            assertThat(relayed.get(0)).isEqualTo(new Relayed(batchOf(transaction), Optional.of(PEER)));
            assertThat(gossip.receive(PEER, transaction)).isEqualTo(GossipReceipt.DUPLICATE);
            assertThat(verifier.calls).hasValue(1);
            assertThat(gossip.metrics()).isEqualTo(new GossipMetrics(3, 2, 0, 0, 1, 0));
        }
    }

    @Test
    void invalidTransactionIsNotRelayedNorVerifiedAgain() {
        final TestTransactions.CountingVerifier verifier = new TestTransactions.CountingVerifier();
        try (TransactionGossip gossip = gossip(new TransactionGossipConfig(1, 100, 100), verifier)) {
            gossip.receive(PEER, TestTransactions.forged(1));
            await().atMost(WAIT).until(() -> gossip.metrics().invalid() == 1);
            assertThat(gossip.receive(PEER, TestTransactions.forged(1))).isEqualTo(GossipReceipt.DUPLICATE);
            assertThat(verifier.calls).hasValue(1);
            assertThat(relayed).isEmpty();
        }
    }

    @Test
    void forgedCopySentFirstDoesNotBlockTheGenuineTransaction() {
        final TestTransactions.CountingVerifier verifier = new TestTransactions.CountingVerifier();
        try (TransactionGossip gossip = gossip(new TransactionGossipConfig(1, 100, 100), verifier)) {
            assertThat(gossip.receive(PEER, TestTransactions.forged(5))).isEqualTo(GossipReceipt.VERIFYING);
            assertThat(gossip.receive(PEER, TestTransactions.signed(5))).isEqualTo(GossipReceipt.VERIFYING);
            await().atMost(WAIT).until(() -> verifier.calls.get() == 2 && relayed.size() == 1);
            assertThat(relayed.get(0).message()).isEqualTo(batchOf(TestTransactions.signed(5)));
            assertThat(gossip.metrics().invalid()).isEqualTo(1);
        }
    }

    @Test
    void fullVerificationQueueDropsAndForgets() throws Exception {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch started = new CountDownLatch(1);
        final TestTransactions.CountingVerifier counting = new TestTransactions.CountingVerifier();
        final TransactionVerifier blocking = transaction -> {
            started.countDown();
            try {
                release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return counting.verify(transaction);
        };
        try (TransactionGossip gossip = gossip(new TransactionGossipConfig(1, 100, 2), blocking)) {
            assertThat(gossip.receive(PEER, TestTransactions.signed(1))).isEqualTo(GossipReceipt.VERIFYING);
            assertThat(started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(gossip.receive(PEER, TestTransactions.signed(2))).isEqualTo(GossipReceipt.VERIFYING);
            assertThat(gossip.receive(PEER, TestTransactions.signed(3))).isEqualTo(GossipReceipt.VERIFYING);
            assertThat(gossip.receive(PEER, TestTransactions.signed(4))).isEqualTo(GossipReceipt.BUSY);
            assertThat(gossip.metrics().dropped()).isEqualTo(1);
            release.countDown();
            await().atMost(WAIT).until(() -> relayedTransactions() == 3);
            assertThat(gossip.receive(PEER, TestTransactions.signed(4)))
                    .as("a dropped transaction is forgotten, so a later copy is checked")
                    .isEqualTo(GossipReceipt.VERIFYING);
            await().atMost(WAIT).until(() -> relayedTransactions() == 4);
        }
    }

    @Test
    void seenSetStaysAtItsCapAndForgetsTheOldest() {
        final TestTransactions.CountingVerifier verifier = new TestTransactions.CountingVerifier();
        try (TransactionGossip gossip = gossip(new TransactionGossipConfig(1, 3, 100), verifier)) {
            for (long nonce = 1; nonce <= 4; nonce++) {
                assertThat(gossip.receive(PEER, TestTransactions.signed(nonce))).isEqualTo(GossipReceipt.VERIFYING);
            }
            assertThat(gossip.seenCount()).isEqualTo(3);
            assertThat(gossip.receive(PEER, TestTransactions.signed(4))).isEqualTo(GossipReceipt.DUPLICATE);
            assertThat(gossip.receive(PEER, TestTransactions.signed(1))).isEqualTo(GossipReceipt.VERIFYING);
            assertThat(gossip.seenCount()).isEqualTo(3);
            await().atMost(WAIT).until(() -> verifier.calls.get() == 5);
        }
    }

    @Test
    void ownTransactionIsRelayedToEveryoneOnceAndItsEchoIgnored() {
        final TestTransactions.CountingVerifier verifier = new TestTransactions.CountingVerifier();
        try (TransactionGossip gossip = gossip(new TransactionGossipConfig(1, 100, 100), verifier)) {
            assertThat(gossip.announceLocal(TestTransactions.signed(9))).isTrue();
            assertThat(gossip.announceLocal(TestTransactions.signed(9))).isFalse();
            assertThat(gossip.receive(PEER, TestTransactions.signed(9))).isEqualTo(GossipReceipt.DUPLICATE);
            await().atMost(WAIT).until(() -> !relayed.isEmpty());
            assertThat(relayed).containsExactly(new Relayed(batchOf(TestTransactions.signed(9)), Optional.empty()));
            assertThat(verifier.calls).hasValue(0);
        }
    }

    @Test
    void aBatchAtTheCapIsTakenAndOneOverItIsRefusedWhole() {
        final TestTransactions.CountingVerifier verifier = new TestTransactions.CountingVerifier();
        try (TransactionGossip gossip = gossip(new TransactionGossipConfig(2, 10_000, 10_000), verifier)) {
            final TransactionBatch.Builder batch = TransactionBatch.newBuilder();
            for (long nonce = 1; nonce <= Limits.MAX_GOSSIP_BATCH_TRANSACTIONS; nonce++) {
                batch.addTransactions(TestTransactions.signed(nonce));
            }
            assertThat(gossip.receive(PEER, batch.build())).isTrue();
            assertThat(gossip.metrics().received()).isEqualTo(Limits.MAX_GOSSIP_BATCH_TRANSACTIONS);
            batch.addTransactions(TestTransactions.signed(0));
            assertThat(gossip.receive(PEER, batch.build())).isFalse();
            assertThat(gossip.metrics().received()).isEqualTo(Limits.MAX_GOSSIP_BATCH_TRANSACTIONS);
            assertThat(gossip.metrics().oversizedBatches()).isEqualTo(1);
        }
    }

    private long relayedTransactions() {
        return relayed.stream().mapToLong(item -> item.message().getTransactions().getTransactionsCount()).sum();
    }

    private static PeerMessage batchOf(final SignedTransaction transaction) {
        return PeerMessage.newBuilder().setTransactions(TransactionBatch.newBuilder().addTransactions(transaction))
                .build();
    }

    @Test
    void failingVerifierCountsAsInvalidAndKeepsItsThread() {
        final TestTransactions.CountingVerifier counting = new TestTransactions.CountingVerifier();
        final TransactionVerifier failsOnNonceOne = transaction -> {
            if (TestTransactions.nonceOf(transaction) == 1) {
                throw new IllegalStateException("verifier bug");
            }
            return counting.verify(transaction);
        };
        try (TransactionGossip gossip = gossip(new TransactionGossipConfig(1, 100, 100), failsOnNonceOne)) {
            gossip.receive(PEER, TestTransactions.signed(1));
            gossip.receive(PEER, TestTransactions.signed(2));
            await().atMost(WAIT).until(() -> relayed.size() == 1);
            assertThat(gossip.metrics().invalid()).isEqualTo(1);
        }
    }
}
