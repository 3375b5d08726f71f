package org.banyan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.banyan.chaingroup.ChainRole;
import org.banyan.consensus.BlockId;
import org.banyan.consensus.RoundTimeout;
import org.banyan.consensus.Timeouts;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.FeeSchedule;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Validator;
import org.banyan.node.ChainGenesis;
import org.banyan.node.Node;
import org.banyan.node.NodeConfig;
import org.banyan.node.StorageKind;
import org.banyan.node.consensus.PeerSettings;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.BanyanException;
import org.banyan.sdk.ChainGroupClient;
import org.banyan.sdk.KeyFile;
import org.banyan.sdk.SignedTransaction;
import org.banyan.sdk.SubmitResult;
import org.banyan.sdk.TransactionRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's anchoring round against real in-JVM nodes: a one-super-node main chain and a one-validator sub-chain
 * {@value #AC}, registered through the chain-group contract's own application and approval calls. Rounds are driven
 * directly (no gateway thread), so each test sees exactly what one round did.
 */
class DataGatewayTest {

    private static final String AC = "gwts";
    private static final long MAIN_CHAIN_ID = 71;
    private static final long SUB_CHAIN_ID = 72;
    private static final long BALANCE = 1_000_000_000_000L;
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(30);
    private static final Timeouts FAST = new Timeouts(new RoundTimeout(600, 200), new RoundTimeout(300, 100),
        new RoundTimeout(300, 100), 50, 3_000);
    private static final FeeSchedule FEES = new FeeSchedule(100, 10_000_000);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final KeyFile SUPER_NODE = KeyFile.of(key("super node"));
    private static final KeyFile SUB_VALIDATOR = KeyFile.of(key("sub-chain validator"));
    private static final KeyFile ENTERPRISE = KeyFile.of(key("enterprise"));
    private static final KeyFile GATEWAY_MAIN = KeyFile.of(key("gateway on the main chain"));
    private static final KeyFile GATEWAY_SUB = KeyFile.of(key("gateway on the sub-chain"), Optional.of(AC));

    @TempDir
    static Path directory;

    private static Node mainNode;
    private static Node subNode;
    private static ChainGroupClient main;

    @BeforeAll
    static void startAndRegister() {
        final Genesis mainGenesis = new Genesis(MAIN_CHAIN_ID, true, 1_600_000_000_000_000L, SUPER_NODE.address(),
            List.of(new GenesisAccount(SUPER_NODE.address(), BALANCE), new GenesisAccount(ENTERPRISE.address(), BALANCE),
                new GenesisAccount(GATEWAY_MAIN.address(), BALANCE)),
            List.of(new Validator(SUPER_NODE.publicKey(), 1)), FEES).withRules(new ChainRole.Main(true).rules());
        mainNode = start("main", mainGenesis, Optional.empty(), SUPER_NODE);
        final String subGovernance = KeyFile.of(key("sub-chain governance"), Optional.of(AC)).address();
        final Genesis subGenesis = new ChainRole.Sub(AC, MAIN_CHAIN_ID, List.of(new Validator(SUPER_NODE.publicKey(), 1)))
            .applyTo(new Genesis(SUB_CHAIN_ID, true, 1_600_000_000_000_000L, subGovernance,
                List.of(new GenesisAccount(subGovernance, BALANCE), new GenesisAccount(GATEWAY_SUB.address(), BALANCE)),
                List.of(new Validator(SUB_VALIDATOR.publicKey(), 1)), FEES));
        subNode = start("sub", subGenesis, Optional.of(AC), SUB_VALIDATOR);
        main = ChainGroupClient.of(BanyanClient.connect(url(mainNode)));

        final String documents = Hex.encode(Hashes.sha256("documents".getBytes(StandardCharsets.UTF_8)));
        commit(main.prepare("applyBackbone", ENTERPRISE.address(), NODES.objectNode()
            .put("node_bid", SUB_VALIDATOR.address()).put("enterprise_bid", ENTERPRISE.address())
            .put("documents_hash", documents), OptionalLong.empty()).sign(ENTERPRISE.signingKey()));
        superNodeCall("approveBackbone", NODES.objectNode().put("node_bid", SUB_VALIDATOR.address()));
        final ObjectNode application = NODES.objectNode().put("ac", AC).put("name", "Gateway test chain")
            .put("industry", "testing").put("chain_type", "banyan").put("chain_id", SUB_CHAIN_ID)
            .put("genesis_hash", Hex.encode(subNode.ledger().header(1).orElseThrow().getHash().toByteArray()))
            .put("endpoint", url(subNode)).put("resolver_url", url(subNode));
        application.putArray("validators").addObject().put("public_key", SUB_VALIDATOR.publicKey()).put("power", 1);
        application.putArray("gateways").add(GATEWAY_MAIN.address());
        commit(main.prepare("applySubChain", ENTERPRISE.address(), application, OptionalLong.empty())
            .sign(ENTERPRISE.signingKey()));
        superNodeCall("approveSubChain", NODES.objectNode().put("ac", AC));
        assertThat(subChainRecord().path("status").asText()).isEqualToIgnoringCase("ACTIVE");
    }

    @AfterAll
    static void stopNodes() {
        if (subNode != null) {
            subNode.close();
        }
        if (mainNode != null) {
            mainNode.close();
        }
    }

    @Test
    void aRoundAnchorsEveryKthCertifiedHeightAsTheSubChainCertifiedIt() {
        final long before = anchoredHeight();
        await().atMost(COMMIT_WAIT).until(() -> subNode.ledger().lastHeader().getSeq() >= before + 6);
        try (DataGateway gateway = new DataGateway(settings(GATEWAY_MAIN, 2))) {
            assertThat(gateway.anchorRound(main)).isPositive();
            final long anchored = anchoredHeight();
            assertThat(anchored).isGreaterThan(before).isEven();
            assertThat(anchored - before).isLessThanOrEqualTo(2L * GatewaySettings.MAX_ANCHORS_PER_ROUND + 1);

            final JsonNode anchor = main.query("anchor", NODES.objectNode().put("ac", AC).put("height", anchored));
            final BlockId subChainBlock = BlockId.of(subNode.ledger().committedBlock(anchored).orElseThrow().getBlock());
            assertThat(anchor.path("block_id").asText()).isEqualTo(Hex.encode(subChainBlock.bytes().toByteArray()));
            assertThat(anchor.path("ledger_seq").asLong()).isEqualTo(anchored - 1);
            assertThat(anchor.path("state_root").asText()).isEqualTo(Hex.encode(subNode.ledger().header(anchored - 1)
                .orElseThrow().getAccountTreeHash().toByteArray()));
            assertThat(subChainRecord().path("anchored_hash").asText()).isEqualTo(anchor.path("block_id").asText());
            assertThatThrownBy(() -> main.query("anchor", NODES.objectNode().put("ac", AC).put("height", anchored - 1)))
                .as("an odd height is skipped with anchor_every 2").isInstanceOf(BanyanException.class)
                .hasMessageContaining("has no anchor");

            // The next round starts after the anchored height, so it never sends a stale anchor the main chain refuses.
            await().atMost(COMMIT_WAIT).until(() -> subNode.ledger().lastHeader().getSeq() >= anchored + 2);
            assertThat(gateway.anchorRound(main)).isPositive();
            assertThat(anchoredHeight()).isGreaterThan(anchored).isEven();
        }
    }

    @Test
    void aGatewayKeyTheSubChainDidNotRegisterIsRefusedAndAnchorsNothing() {
        final long before = anchoredHeight();
        await().atMost(COMMIT_WAIT).until(() -> subNode.ledger().lastHeader().getSeq() >= before + 2);
        try (DataGateway impostor = new DataGateway(settings(ENTERPRISE, 1))) {
            assertThatThrownBy(() -> impostor.anchorRound(main)).isInstanceOf(BanyanException.class)
                .hasMessageContaining(ENTERPRISE.address() + " is not a gateway of the sub-chain '" + AC + "'");
        }
        assertThat(anchoredHeight()).isEqualTo(before);
    }

    @Test
    void aSuspendedSubChainsRoundIsRefusedUntilItIsResumed() {
        superNodeCall("suspendSubChain", NODES.objectNode().put("ac", AC).put("reason", "audit"));
        try (DataGateway gateway = new DataGateway(settings(GATEWAY_MAIN, 1))) {
            final long before = anchoredHeight();
            await().atMost(COMMIT_WAIT).until(() -> subNode.ledger().lastHeader().getSeq() >= before + 2);
            assertThatThrownBy(() -> gateway.anchorRound(main)).isInstanceOf(BanyanException.class)
                .hasMessageContaining("its anchors are refused");
            assertThat(anchoredHeight()).isEqualTo(before);

            superNodeCall("resumeSubChain", NODES.objectNode().put("ac", AC));
            assertThat(gateway.anchorRound(main)).isPositive();
            assertThat(anchoredHeight()).isGreaterThan(before);
        } finally {
            if (!"ACTIVE".equalsIgnoreCase(subChainRecord().path("status").asText())) {
                superNodeCall("resumeSubChain", NODES.objectNode().put("ac", AC));
            }
        }
    }

    private static GatewaySettings settings(final KeyFile mainChainKey, final int anchorEvery) {
        return new GatewaySettings(url(subNode), List.of(url(mainNode)), AC, mainChainKey, GATEWAY_SUB, anchorEvery,
            Duration.ofMillis(100));
    }

    private static long anchoredHeight() {
        return subChainRecord().path("anchored_height").asLong();
    }

    private static JsonNode subChainRecord() {
        return main.query("subChain", NODES.objectNode().put("ac", AC));
    }

    /** The one super node's vote, which is a quorum. */
    private static void superNodeCall(final String method, final JsonNode params) {
        commit(main.prepare(method, SUPER_NODE.address(), params, OptionalLong.empty()).sign(SUPER_NODE.signingKey()));
    }

    private static void commit(final SignedTransaction transaction) {
        final SubmitResult result = main.client().submit(transaction).get(0);
        assertThat(result.isAccepted()).as(result.errorDesc()).isTrue();
        final TransactionRecord record = main.client().waitForCommit(result.hash(), COMMIT_WAIT).orElseThrow();
        assertThat(record.isSuccess()).as(record.errorDesc()).isTrue();
    }

    private static Node start(final String name, final Genesis genesis, final Optional<String> acCode,
                              final KeyFile validator) {
        final Path data = directory.resolve(name);
        final Path keyFile = data.resolve("node-key.json");
        validator.save(keyFile);
        final NodeConfig config = NodeConfig.defaults(data, data.resolve("genesis.json")).withHttpPort(0)
            .withStorage(StorageKind.MEMORY)
            .withConsensus(keyFile, new PeerSettings("127.0.0.1", freePort(), List.of(), List.of()), FAST);
        return Node.start(config, new ChainGenesis(genesis, acCode), Clock.systemUTC());
    }

    private static String url(final Node node) {
        return "http://127.0.0.1:" + node.httpPort();
    }

    private static PrivateKey key(final String name) {
        return PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256(("gateway test " + name).getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
