package org.banyan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.banyan.crypto.KeyType;
import org.banyan.ledger.ValidatorSetContract;
import org.banyan.protocol.LedgerHeader;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.KeyFile;
import org.banyan.sdk.SignedTransaction;
import org.banyan.sdk.SubmitResult;
import org.banyan.sdk.TransactionBuilder;
import org.banyan.sdk.TransactionRecord;

/**
 * A network that {@code banyan genesis} wrote into a test directory, its nodes run by {@code banyan node} in child
 * JVMs on loopback: start, kill -9 and restart single nodes, submit to any of them, and compare their ledgers.
 */
final class LocalNetwork {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final NetworkManifest manifest;
    private final ChildProcesses children;
    private final KeyFile genesisKey;
    private final Map<Integer, Process> running = new HashMap<>();
    private final Map<Integer, BanyanClient> clients = new HashMap<>();
    private int payments;

    private LocalNetwork(final Path directory, final NetworkManifest manifest, final ChildProcesses children) {
        this.directory = directory;
        this.manifest = manifest;
        this.children = children;
        this.genesisKey = KeyFile.load(directory.resolve(NetworkManifest.GENESIS_KEY_FILE));
    }

    /** Runs {@code banyan genesis} into {@code directory} on a block of free loopback ports. */
    static LocalNetwork create(final Path directory, final ChildProcesses children, final int validators,
                               final int observers) throws IOException {
        int basePort = ChildProcesses.freeLoopbackPortBlock(NetworkPlan.PORTS_PER_NODE * (validators + observers));
        CliRun run = CliRun.of("genesis", "--validators", Integer.toString(validators), "--observers",
                Integer.toString(observers), "--dir", directory.toString(), "--base-port", Integer.toString(basePort));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new LocalNetwork(directory, NetworkManifest.load(directory), children);
    }

    NetworkManifest.Node node(final int index) {
        return manifest.nodes().get(index);
    }

    KeyFile genesisKey() {
        return genesisKey;
    }

    /** Starts the nodes and waits until each serves HTTP. */
    void start(final int... indexes) {
        for (int index : indexes) {
            NetworkManifest.Node node = node(index);
            running.put(index, children.start(node.logFile(directory), "node", "--config",
                    node.configFile(directory).toString()));
        }
        for (int index : indexes) {
            ChildProcesses.awaitHttp(node(index).httpUrl(), running.get(index), node(index).logFile(directory));
        }
    }

    /** kill -9. */
    void kill(final int index) throws InterruptedException {
        ChildProcesses.kill(running.remove(index));
    }

    BanyanClient client(final int index) {
        return clients.computeIfAbsent(index, key -> BanyanClient.connect(node(key).httpUrl()));
    }

    long height(final int index) {
        return client(index).getLatestLedger().header().getSeq();
    }

    /** Pays 1 glowstone to a fresh address through node {@code submitTo} and waits for the commit there. */
    TransactionRecord pay(final int submitTo) {
        String destination = KeyFile.generate(KeyType.ED25519, Optional.empty(), TestRandom.seeded(1_000 + payments++))
                .address();
        return commit(submitTo, builder -> builder.createAccount(destination, 10_000_000));
    }

    /** Submits a governance call that replaces the validator set with the nodes named. */
    TransactionRecord setValidators(final int submitTo, final int... indexes) {
        ObjectNode call = JSON.createObjectNode().put("method", "setValidators");
        ArrayNode list = call.putObject("params").putArray("validators");
        for (int index : indexes) {
            list.addObject().put("public_key", node(index).publicKey()).put("power", 1);
        }
        return commit(submitTo, builder -> builder.payCoin(ValidatorSetContract.ADDRESS, 0, call.toString()));
    }

    /** Submits a signed transaction from the genesis account and returns its hash without waiting. */
    String submit(final int submitTo, final Consumer<TransactionBuilder> operations) {
        BanyanClient client = client(submitTo);
        TransactionBuilder builder = new TransactionBuilder().source(genesisKey.address())
                .nonce(client.getNonce(genesisKey.address()) + 1);
        operations.accept(builder);
        SignedTransaction signed = builder.build().sign(genesisKey.signingKey());
        SubmitResult result = client.submit(signed).get(0);
        assertThat(result.isAccepted()).as(result.toString()).isTrue();
        return result.hash();
    }

    private TransactionRecord commit(final int submitTo,
                                     final Consumer<TransactionBuilder> operations) {
        String hash = submit(submitTo, operations);
        TransactionRecord record = client(submitTo).waitForCommit(hash, ChildProcesses.WAIT).orElseThrow(
                () -> new AssertionError("transaction " + hash + " was not committed within " + ChildProcesses.WAIT
                        + "; node-" + submitTo + "'s log:\n" + ChildProcesses.readLog(node(submitTo).logFile(directory))));
        assertThat(record.isSuccess()).as(record.errorDesc()).isTrue();
        return record;
    }

    /** Commits payments through node {@code submitTo} until {@code condition} holds, within the test's bound. */
    void payUntil(final int submitTo, final BooleanSupplier condition) {
        await().atMost(ChildProcesses.WAIT.multipliedBy(2)).pollInterval(Duration.ofMillis(1)).until(() -> {
            if (condition.getAsBoolean()) {
                return true;
            }
            pay(submitTo);
            return false;
        });
    }

    /** Waits until every node named has ledger {@code seq}, then checks that they all hold the same headers up to it. */
    void awaitSameLedgers(final Collection<Integer> indexes, final long seq) {
        for (int index : indexes) {
            await().atMost(ChildProcesses.WAIT).ignoreExceptions().until(() -> height(index) >= seq);
        }
        assertSameLedgers(indexes, seq);
    }

    /** Every node named holds the same header at every height from 1 to {@code seq}: no fork. */
    void assertSameLedgers(final Collection<Integer> indexes, final long seq) {
        List<Integer> nodes = new ArrayList<>(indexes);
        BanyanClient reference = client(nodes.get(0));
        for (long height = 1; height <= seq; height++) {
            LedgerHeader expected = reference.getLedger(height).header();
            for (int index : nodes.subList(1, nodes.size())) {
                assertThat(client(index).getLedger(height).header()).as("node-%d's ledger %d", index, height)
                        .isEqualTo(expected);
            }
        }
    }

    /** Whether the node proposed the committed ledger {@code seq}, as {@code getLedger}'s leader reports it. */
    boolean proposed(final int index, final long seq) {
        return client(0).getLedger(seq).leader().filter(leader -> leader.equals(node(index).address())
                || leader.equals(node(index).publicKey())).isPresent();
    }
}
