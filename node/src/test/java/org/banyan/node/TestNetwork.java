package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.consensus.RoundTimeout;
import org.banyan.consensus.Timeouts;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.Validator;
import org.banyan.node.consensus.PeerSettings;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.store.RocksStore;

/**
 * Consensus nodes in one JVM on loopback, each with its own RocksDB, sign state and ports. Node {@code i} has key
 * {@link #nodeKey}; the genesis makes the first {@code validators} of them the validators, each of power 1.
 */
final class TestNetwork implements AutoCloseable {

    /** Short timers, so that a round with a missing proposer passes quickly. */
    static final Timeouts FAST = new Timeouts(new RoundTimeout(600, 200), new RoundTimeout(300, 100),
        new RoundTimeout(300, 100), 50, 3_000);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Genesis genesis;
    private final int[] ports;
    private final List<String> observers;
    private final TestNode[] nodes;

    /**
     * @param nodeCount nodes, validators first
     * @param validators how many of them the genesis makes validators
     */
    TestNetwork(final Path directory, final int nodeCount, final int validators) {
        this.directory = directory;
        final Genesis base = TestNode.genesis();
        final List<Validator> set = new ArrayList<>();
        for (int index = 0; index < validators; index++) {
            set.add(new Validator(nodeKey(index).publicKey().encoded(), 1));
        }
        this.genesis = new Genesis(base.chainId(), base.acceptUnspecifiedChainId(), base.closeTimeMicros(),
            base.governanceAccount(), base.accounts(), set, base.fees()).withRules(base.rules());
        this.ports = new int[nodeCount];
        final List<String> nonValidators = new ArrayList<>();
        for (int index = 0; index < nodeCount; index++) {
            ports[index] = freePort();
            if (index >= validators) {
                nonValidators.add(TestTransactions.address(nodeKey(index)));
            }
        }
        this.observers = List.copyOf(nonValidators);
        this.nodes = new TestNode[nodeCount];
    }

    static PrivateKey nodeKey(final int index) {
        return TestTransactions.key(100 + index);
    }

    /** Starts node {@code index} (again), over the data it left. */
    TestNode start(final int index) {
        final Path data = directory.resolve("node-" + index);
        final Path keyFile = data.resolve("node-key.json");
        writeKey(keyFile, nodeKey(index));
        final List<PeerSettings.PeerEndpoint> peers = new ArrayList<>();
        for (int other = 0; other < ports.length; other++) {
            if (other != index) {
                peers.add(new PeerSettings.PeerEndpoint("127.0.0.1", ports[other]));
            }
        }
        final NodeConfig config = NodeConfig.defaults(data, data.resolve("genesis.json")).withHttpPort(0)
            .withConsensus(keyFile, new PeerSettings("127.0.0.1", ports[index], peers, observers), FAST);
        final RocksStore store = RocksStore.open(data.resolve(Node.LEDGER_DIRECTORY));
        nodes[index] = TestNode.over(Node.start(config, ChainGenesis.mainChain(genesis), Clock.systemUTC(), store), store);
        return nodes[index];
    }

    /** Starts every node. */
    void startAll() {
        for (int index = 0; index < nodes.length; index++) {
            start(index);
        }
    }

    /** Stops node {@code index}; its data stays for a restart. */
    void stop(final int index) {
        nodes[index].close();
        nodes[index] = null;
    }

    /** The p2p port of node {@code index}. */
    int p2pPort(final int index) {
        return ports[index];
    }

    TestNode node(final int index) {
        return nodes[index];
    }

    Path signStateFile(final int index) {
        return directory.resolve("node-" + index).resolve("consensus").resolve("sign-state.bin");
    }

    /** The running nodes. */
    List<TestNode> running() {
        final List<TestNode> running = new ArrayList<>();
        for (final TestNode node : nodes) {
            if (node != null) {
                running.add(node);
            }
        }
        return running;
    }

    /** Lowest height among the running nodes. */
    long minimumHeight() {
        return running().stream().mapToLong(TestNode::height).min().orElseThrow();
    }

    /** Asserts that every running node holds the same header and consensus block at every height they share. */
    void assertIdenticalLedgers() {
        final long shared = minimumHeight();
        final TestNode reference = running().get(0);
        for (long seq = 1; seq <= shared; seq++) {
            final LedgerHeader header = reference.node.ledger().header(seq).orElseThrow();
            final Optional<CommittedBlock> block = reference.node.ledger().committedBlock(seq);
            for (final TestNode node : running()) {
                assertThat(node.node.ledger().header(seq)).as("header at %d", seq).contains(header);
                assertThat(node.node.ledger().committedBlock(seq).map(c -> c.getBlock()))
                    .as("block at %d", seq).isEqualTo(block.map(c -> c.getBlock()));
            }
        }
    }

    @Override
    public void close() {
        for (int index = 0; index < nodes.length; index++) {
            if (nodes[index] != null) {
                stop(index);
            }
        }
    }

    private static void writeKey(final Path keyFile, final PrivateKey key) {
        try {
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, JSON.createObjectNode()
                .put("address", TestTransactions.address(key))
                .put("public_key", key.publicKey().encoded())
                .put("private_key", key.encoded()).toString());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
