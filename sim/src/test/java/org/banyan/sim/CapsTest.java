package org.banyan.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Validator;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.SignedTransaction;
import org.junit.jupiter.api.Test;

/** Each of the simulator's own caps, filled to the cap and one past it. */
class CapsTest {

    @Test
    void aSyncAnswerCarriesAtMostTheBatchCap() {
        assertThat(SyncBuffer.answerRange(3, 100)).containsExactly(3, 3 + SyncBuffer.MAX_BATCH);
        assertThat(SyncBuffer.answerRange(3, 6)).containsExactly(3, 6);
        assertThat(SyncBuffer.answerRange(9, 6)).as("nothing for a peer ahead").containsExactly(9, 9);
    }

    @Test
    void theSyncBufferHoldsItsCapOfBlocksAheadAndHandsThemOutInOrder() {
        final SyncBuffer buffer = new SyncBuffer();
        for (int height = 5; height < 5 + SyncBuffer.MAX_HELD; height++) {
            assertThat(buffer.hold(block(height), 5)).isTrue();
        }
        assertThat(buffer.hold(block(5 + SyncBuffer.MAX_HELD), 5)).isFalse();
        assertThat(buffer.hold(block(4), 5)).as("behind").isFalse();
        assertThat(buffer.size()).isEqualTo(SyncBuffer.MAX_HELD);

        assertThat(buffer.take(7)).hasValueSatisfying(held -> assertThat(held.getBlock().getHeight()).isEqualTo(7));
        assertThat(buffer.size()).as("5 and 6 are behind now").isEqualTo(SyncBuffer.MAX_HELD - 3);
        assertThat(buffer.take(7)).isEmpty();
    }

    @Test
    void recentSignaturesRememberTheirCapAndForgetTheOldest() {
        final RecentSignatures recent = new RecentSignatures();
        for (int index = 0; index < RecentSignatures.MAX_REMEMBERED; index++) {
            recent.remember(signature(index));
        }
        assertThat(recent.contains(signature(0))).isTrue();
        assertThat(recent.size()).isEqualTo(RecentSignatures.MAX_REMEMBERED);

        recent.remember(signature(RecentSignatures.MAX_REMEMBERED));

        assertThat(recent.size()).isEqualTo(RecentSignatures.MAX_REMEMBERED);
        assertThat(recent.contains(signature(0))).as("the oldest was forgotten").isFalse();
        assertThat(recent.contains(signature(1))).isTrue();
    }

    @Test
    void convertedValidatorSetsAreCachedUpToTheirCap() {
        final ValidatorSets sets = new ValidatorSets();
        final String key = PrivateKey.fromRaw(KeyType.ED25519, new byte[32]).publicKey().encoded();
        for (int power = 1; power <= ValidatorSets.MAX_CACHED + 1; power++) {
            final List<Validator> list = List.of(new Validator(key, power));
            assertThat(sets.of(list).totalPower()).isEqualTo(power);
            assertThat(sets.of(list)).isSameAs(sets.of(list));
        }
        assertThat(sets.size()).isEqualTo(ValidatorSets.MAX_CACHED);
    }

    @Test
    void decodedTransactionsAreCachedUpToTheirCap() {
        final TransactionCache cache = new TransactionCache();
        for (int nonce = 0; nonce <= TransactionCache.MAX_ENTRIES; nonce++) {
            final SignedTransaction unsigned = SignedTransaction.newBuilder()
                    .setBlob(Transaction.newBuilder().setNonce(nonce).build().toByteString()).build();
            assertThat(cache.decode(unsigned).isOk()).isFalse();
        }
        assertThat(cache.size()).isEqualTo(TransactionCache.MAX_ENTRIES);
    }

    @Test
    void aRunThatExhaustsItsEventBudgetIsALivenessFailure() {
        final SimulationResult result = Simulation.run(1, SimulationOptions.of(4, 0, FaultProfile.NONE), 1_000);

        assertThat(result.events()).isEqualTo(1_000);
        assertThat(result.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.invariant()).isEqualTo("L1 termination");
            assertThat(violation.detail()).contains("budget of 1000 events");
        });
    }

    @Test
    void stormLatencyStaysWithinTheLatencyCap() {
        final Scheduler scheduler = new Scheduler(0);
        final List<Long> arrivals = new ArrayList<>();
        final Network network = new Network(scheduler, new SplittableRandom(9), true, new FaultCounts(), 2,
                (to, from, envelope) -> arrivals.add(scheduler.nowMicros()));
        network.storm(true);
        for (int message = 0; message < 2_000; message++) {
            network.send(0, 1, new Envelope.Status(1));
        }
        while (!scheduler.isEmpty()) {
            scheduler.next().action().run();
        }

        assertThat(arrivals).allSatisfy(time -> assertThat(time).isLessThanOrEqualTo(Network.MAX_LATENCY_MICROS));
        assertThat(arrivals).contains(Network.MAX_LATENCY_MICROS);
    }

    @Test
    void aLinkQueuesItsCapOfMessagesAndDropsTheNextWhileOtherLinksFlow() {
        final Scheduler scheduler = new Scheduler(0);
        final FaultCounts counts = new FaultCounts();
        final List<Integer> delivered = new ArrayList<>();
        final Network network = new Network(scheduler, new SplittableRandom(4), false, counts, 2,
                (to, from, envelope) -> delivered.add(to));
        for (int message = 0; message < Network.MAX_IN_FLIGHT_PER_LINK; message++) {
            network.send(0, 1, new Envelope.Status(1));
        }
        assertThat(counts.get("messages dropped by full link queues")).isZero();

        network.send(0, 1, new Envelope.Status(1));

        assertThat(counts.get("messages dropped by full link queues")).isEqualTo(1);
        assertThat(network.longestQueue()).isEqualTo(Network.MAX_IN_FLIGHT_PER_LINK);
        network.send(1, 0, new Envelope.Status(1));
        assertThat(counts.get("messages dropped by full link queues")).as("the other way is free").isEqualTo(1);
        while (!delivered.contains(1)) {
            scheduler.next().action().run();
        }
        network.send(0, 1, new Envelope.Status(1));
        assertThat(counts.get("messages dropped by full link queues")).as("a delivery frees a place").isEqualTo(1);
        while (!scheduler.isEmpty()) {
            scheduler.next().action().run();
        }
        assertThat(delivered).hasSize(Network.MAX_IN_FLIGHT_PER_LINK + 2).containsOnlyOnce(0);
    }

    private static CommittedBlock block(final long height) {
        return CommittedBlock.newBuilder().setBlock(Block.newBuilder().setHeight(height)).build();
    }

    private static byte[] signature(final int index) {
        return Hashes.sha256(ByteBuffer.allocate(4).putInt(index).array());
    }
}
