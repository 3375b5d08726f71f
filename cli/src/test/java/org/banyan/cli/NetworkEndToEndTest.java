package org.banyan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.banyan.sdk.TransactionRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network as operators run it: {@code banyan genesis}, then one {@code banyan node} JVM per node on loopback,
 * each with its own RocksDB. Faults are real: kill -9 and restart on the same data directory.
 */
class NetworkEndToEndTest {

    /** How long a stalled network is watched to show that it commits nothing: several of its round timeouts. */
    private static final Duration STALL_WATCH = Duration.ofSeconds(6);

    private static final List<Integer> ALL_FOUR = List.of(0, 1, 2, 3);

    @TempDir
    Path directory;

    private ChildProcesses children;

    @BeforeEach
    void prepareChildren() {
        children = new ChildProcesses(directory);
    }

    @AfterEach
    void killEveryChild() throws InterruptedException {
        children.killAll();
    }

    @Test
    void fourValidatorsCommitTransactionsSubmittedToAnyNode() throws Exception {
        LocalNetwork network = LocalNetwork.create(directory.resolve("net"), children, 4, 0);
        network.start(0, 1, 2, 3);

        long highest = 0;
        for (int index : ALL_FOUR) {
            TransactionRecord record = network.pay(index);
            assertThat(record.ledgerSeq()).isGreaterThan(1);
            highest = Math.max(highest, record.ledgerSeq());
        }

        network.awaitSameLedgers(ALL_FOUR, highest);
        assertThat(network.client(3).getLedger(highest).validators())
            .containsExactlyInAnyOrder(network.node(0).address(), network.node(1).address(), network.node(2).address(),
                network.node(3).address());
    }

    @Test
    void aKilledValidatorIsNotMissedAndCatchesUpAndVotesAfterItsRestart() throws Exception {
        LocalNetwork network = LocalNetwork.create(directory.resolve("net"), children, 4, 0);
        network.start(0, 1, 2, 3);
        network.pay(0);

        network.kill(3);
        network.pay(1);
        long whileDown = network.pay(2).ledgerSeq();

        network.start(3);
        network.awaitSameLedgers(ALL_FOUR, whileDown);
        long restartedAt = network.height(0);
        network.payUntil(3, () -> {
            for (long seq = restartedAt + 1; seq <= network.height(0); seq++) {
                if (network.proposed(3, seq)) {
                    return true;
                }
            }
            return false;
        });
        network.awaitSameLedgers(ALL_FOUR, network.height(0));
    }

    @Test
    void twoOfFourDownStallsWithoutForkingAndOneReturningResumesTheNetwork() throws Exception {
        LocalNetwork network = LocalNetwork.create(directory.resolve("net"), children, 4, 0);
        network.start(0, 1, 2, 3);
        network.pay(0);

        network.kill(2);
        network.kill(3);
        // A ledger may have been decided as the kills landed; let the survivors settle on it first.
        await().atMost(ChildProcesses.WAIT).until(() -> network.height(0) == network.height(1));
        long stalledAt = network.height(0);
        String pending = network.submit(0, builder -> builder.payCoin(network.node(1).address(), 5));
        await().during(STALL_WATCH).atMost(STALL_WATCH.multipliedBy(2))
            .until(() -> network.height(0) == stalledAt && network.height(1) == stalledAt);
        network.assertSameLedgers(List.of(0, 1), stalledAt);

        network.start(2);
        TransactionRecord resumed = network.client(0).waitForCommit(pending, ChildProcesses.WAIT).orElseThrow();
        assertThat(resumed.ledgerSeq()).isGreaterThan(stalledAt);
        network.awaitSameLedgers(List.of(0, 1, 2), resumed.ledgerSeq());
    }

    @Test
    void aValidatorAddedByGovernanceVotesAndARemovedOneNoLongerCounts() throws Exception {
        LocalNetwork network = LocalNetwork.create(directory.resolve("net"), children, 4, 1);
        network.start(0, 1, 2, 3, 4);
        network.pay(0);

        // Node 4 starts as an observer; the governance call makes it the fifth validator from h + 2.
        long added = network.setValidators(0, 0, 1, 2, 3, 4).ledgerSeq();
        network.payUntil(0, () -> network.height(0) >= added + 2);
        assertThat(network.client(0).getLedger(added + 2).validators()).contains(network.node(4).address());
        network.payUntil(4, () -> {
            for (long seq = added + 2; seq <= network.height(0); seq++) {
                if (network.proposed(4, seq)) {
                    return true;
                }
            }
            return false;
        });

        // Node 3 leaves the set: then 3 of the remaining 4 are a quorum, where 3 of the old 5 would not be.
        long removed = network.setValidators(0, 0, 1, 2, 4).ledgerSeq();
        network.payUntil(0, () -> network.height(0) >= removed + 2);
        assertThat(network.client(0).getLedger(removed + 2).validators()).doesNotContain(network.node(3).address())
            .hasSize(4);
        network.kill(3);
        network.kill(1);
        TransactionRecord afterRemoval = network.pay(4);
        assertThat(afterRemoval.ledgerSeq()).isGreaterThan(removed + 2);
        network.awaitSameLedgers(Set.of(0, 2, 4), afterRemoval.ledgerSeq());
    }
}
