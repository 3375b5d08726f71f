package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.banyan.consensus.SignState;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.ValidatorSetContract;
import org.banyan.consensus.SignStateCodec;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.Vote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validators and full nodes in one JVM on loopback, running consensus over real p2p links and RocksDB. */
class ConsensusNetworkTest {

    private static final Duration COMMIT_WAIT = Duration.ofSeconds(30);
    private static final String RECIPIENT = TestNode.GENESIS_ADDRESS;

    @TempDir
    Path directory;

    @Test
    void fourValidatorsCommitTransactionsSubmittedToAnyNode() {
        try (TestNetwork network = new TestNetwork(directory, 4, 4)) {
            network.startAll();
            final List<String> hashes = new ArrayList<>();
            for (int index = 0; index < 4; index++) {
                hashes.add(submit(network.node(index), TestTransactions.key(index + 1), 1));
            }
            for (final TestNode node : network.running()) {
                for (final String hash : hashes) {
                    assertThat(node.awaitCommitted(hash).get("error_code").asInt()).isZero();
                }
            }
            for (int index = 1; index <= 4; index++) {
                assertThat(network.node(0).account(TestTransactions.key(index)).getNonce()).isEqualTo(1);
            }
            network.assertIdenticalLedgers();
            final String metrics = network.node(0).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + network.node(0).node.httpPort() + "/metrics")).GET()).body();
            assertThat(metrics).contains("banyan_consensus_round", "banyan_p2p_peers_connected 3.0",
                "banyan_consensus_commit_latency_seconds_count", "banyan_consensus_missing_votes_total");
        }
    }

    @Test
    void aStoppedValidatorDoesNotStopTheOthersAndCatchesUpAfterRestart() throws Exception {
        try (TestNetwork network = new TestNetwork(directory, 4, 4)) {
            network.startAll();
            await().atMost(COMMIT_WAIT).until(() -> network.minimumHeight() >= 3);
            network.stop(3);
            final SignState beforeStop = SignStateCodec.decode(Files.readAllBytes(network.signStateFile(3)));
            network.node(0).awaitCommitted(submit(network.node(0), TestTransactions.key(1), 1));
            // Heights committed while node 3 is down lack its precommit, and the metric says so.
            final long missingAtStop = missingVotes(network.node(0));
            await().atMost(COMMIT_WAIT).until(() -> missingVotes(network.node(0)) > missingAtStop);

            network.start(3);
            final long target = network.node(0).height();
            await().atMost(COMMIT_WAIT).until(() -> network.node(3).height() >= target);
            // With node 0 down, the remaining three commit only if the restarted node votes again.
            network.stop(0);
            final String hash = submit(network.node(1), TestTransactions.key(2), 1);
            network.running().forEach(node -> node.awaitCommitted(hash));
            final SignState afterRestart = SignStateCodec.decode(Files.readAllBytes(network.signStateFile(3)));
            assertThat(afterRestart.height()).isGreaterThan(beforeStop.height());
            network.assertIdenticalLedgers();
        }
    }

    @Test
    void twoOfFourStoppedCommitNothingUntilOneReturns() {
        try (TestNetwork network = new TestNetwork(directory, 4, 4)) {
            network.startAll();
            await().atMost(COMMIT_WAIT).until(() -> network.minimumHeight() >= 3);
            network.stop(2);
            network.stop(3);
            final String hash = submit(network.node(0), TestTransactions.key(1), 1);
            // Heights in flight may still finish; after that nothing commits.
            final long stalled = network.node(0).height() + 1;
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> network.node(0).height() <= stalled && network.node(1).height() <= stalled);
            assertThat(network.node(0).node.mempool().get(hash)).isPresent();

            network.start(2);
            network.running().forEach(node -> node.awaitCommitted(hash));
            network.assertIdenticalLedgers();
        }
    }

    @Test
    void aValidatorAddedByGovernanceJoinsAndARemovedOneStopsCounting() {
        // Node 4 starts as a full node, an observer the validators admit.
        try (TestNetwork network = new TestNetwork(directory, 5, 4)) {
            network.startAll();
            final PrivateKey joining = TestNetwork.nodeKey(4);
            final PrivateKey removed = TestNetwork.nodeKey(0);
            final JsonNode result = network.node(1).submitOne(setValidators(List.of(TestNetwork.nodeKey(1),
                TestNetwork.nodeKey(2), TestNetwork.nodeKey(3), joining)), TestNode.GENESIS_KEY);
            assertThat(result.get("error_code").asInt()).isZero();
            final long changedAt = network.node(1).awaitCommitted(result.get("hash").asText())
                .get("ledger_seq").asLong();
            final long activeFrom = changedAt + ValidatorSetContract.ACTIVATION_DELAY;
            // The full node followed every height so far.
            await().atMost(COMMIT_WAIT).until(() -> network.node(4).height() >= changedAt);

            // With validator 1 down, the new set {2, 3, 4} of four commits only if the joined validator votes.
            network.stop(1);
            final String hash = submit(network.node(2), TestTransactions.key(3), 1);
            network.node(2).awaitCommitted(hash);
            network.node(4).awaitCommitted(hash);
            final long last = network.node(2).height();
            assertThat(last).isGreaterThanOrEqualTo(activeFrom);
            final String joiningAddress = TestTransactions.address(joining);
            final String removedAddress = TestTransactions.address(removed);
            boolean joinedSigned = false;
            for (long seq = activeFrom; seq <= last; seq++) {
                final Set<String> signers = precommitters(network.node(2).node.ledger().committedBlock(seq)
                    .orElseThrow());
                assertThat(signers).doesNotContain(removedAddress);
                joinedSigned |= signers.contains(joiningAddress);
            }
            assertThat(joinedSigned).as("the joined validator's precommits are in certificates").isTrue();
            network.assertIdenticalLedgers();
        }
    }

    @Test
    void aFailedSignStateSyncStopsConsensusBeforeAnythingIsSent() throws Exception {
        try (TestNetwork network = new TestNetwork(directory, 1, 1)) {
            // A directory where the temporary sign-state file goes makes every sync fail, as a failing disk would.
            Files.createDirectories(network.signStateFile(0).resolveSibling("sign-state.bin.tmp"));
            final TestNode node = network.start(0);
            await().atMost(COMMIT_WAIT).until(() -> !node.node.consensus().orElseThrow().isRunning());
            assertThat(node.node.consensus().orElseThrow().stopReason()).get().asString()
                .contains("sign state could not be synced");
            assertThat(node.height()).isEqualTo(1);
            final String metrics = node.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + node.node.httpPort() + "/metrics")).GET()).body();
            assertThat(metrics).contains("banyan_consensus_sign_state_sync_failures_total 1.0");
        }
    }

    private static Set<String> precommitters(final CommittedBlock committed) {
        return committed.getCertificate().getPrecommitsList().stream().map(Vote::getValidator)
            .collect(Collectors.toSet());
    }

    private static Transaction setValidators(final List<PrivateKey> validators) {
        final String list = validators.stream()
            .map(key -> "{\"public_key\":\"" + key.publicKey().encoded() + "\",\"power\":1}")
            .collect(Collectors.joining(","));
        return Transaction.newBuilder()
            .setSourceAddress(TestNode.GENESIS_ADDRESS)
            .setNonce(1)
            .setFeeLimit(TestTransactions.FEE_LIMIT)
            .setGasPrice(TestTransactions.GAS_PRICE)
            .addOperations(Operation.newBuilder().setType(Operation.Type.PAY_COIN)
                .setPayCoin(OperationPayCoin.newBuilder().setDestAddress(ValidatorSetContract.ADDRESS).setAmount(0)
                    .setInput("{\"method\":\"setValidators\",\"params\":{\"validators\":[" + list + "]}}")))
            .build();
    }

    private static long missingVotes(final TestNode node) {
        final String metrics = node.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + node.node.httpPort() + "/metrics")).GET()).body();
        return metrics.lines().filter(line -> line.startsWith("banyan_consensus_missing_votes_total "))
            .map(line -> (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst().orElse(0L);
    }

    private static String submit(final TestNode node, final PrivateKey from, final long nonce) {
        final JsonNode result = node.submitOne(TestTransactions.payment(from, nonce, RECIPIENT, 1_000).build(), from);
        assertThat(result.get("error_code").asInt()).as(result.toString()).isZero();
        return result.get("hash").asText();
    }
}
