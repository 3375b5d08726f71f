package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.banyan.consensus.RoundTimeout;
import org.banyan.consensus.Timeouts;
import org.banyan.node.consensus.PeerSettings;
import org.banyan.node.mempool.MempoolLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {

    @TempDir
    Path directory;

    private Path write(final String json) throws Exception {
        return Files.writeString(directory.resolve("node.json"), json);
    }

    @Test
    void everythingButTheGenesisHasADefault() throws Exception {
        final NodeConfig config = NodeConfig.load(write("{\"genesis\": \"chain/genesis.json\"}"));
        assertThat(config.genesisFile()).isEqualTo(directory.resolve("chain/genesis.json"));
        assertThat(config.dataDirectory()).isEqualTo(directory.resolve("data"));
        assertThat(config.storage()).isEqualTo(StorageKind.ROCKSDB);
        assertThat(config.httpHost()).isEqualTo(NodeConfig.DEFAULT_HTTP_HOST);
        assertThat(config.httpPort()).isEqualTo(NodeConfig.DEFAULT_HTTP_PORT);
        assertThat(config.timing()).isEqualTo(LedgerTiming.DEFAULTS);
        assertThat(config.mempool()).isEqualTo(MempoolLimits.DEFAULTS);
        assertThat(config.verifierThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void everyFieldIsRead() throws Exception {
        final NodeConfig config = NodeConfig.load(write("""
            {"data_directory": "/var/banyan", "genesis": "g.json", "storage": "memory",
             "http": {"host": "0.0.0.0", "port": 8080},
             "ledger": {"close_interval_millis": 500, "idle_close_interval_millis": 5000},
             "mempool": {"max_transactions": 10, "max_transactions_per_account": 2, "expiry_millis": 1000},
             "verifier_threads": 3}
            """));
        assertThat(config).isEqualTo(new NodeConfig(Path.of("/var/banyan"), directory.resolve("g.json"),
            StorageKind.MEMORY, "0.0.0.0", 8080, new LedgerTiming(500, 5000), new MempoolLimits(10, 2, 1000), 3));
        assertThat(config.issuer()).isEmpty();
    }

    @Test
    void theIssuerIsReadFromTheCredentialsObject() throws Exception {
        assertThat(NodeConfig.load(write("{\"genesis\": \"g.json\", \"credentials\": {\"issuer_key\": \"k.json\","
            + " \"issuer_method\": \"did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG#key-2\"}}")).issuer())
            .contains(new IssuerSettings(directory.resolve("k.json"),
                Optional.of("did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG#key-2")));
        assertThat(NodeConfig.load(write("{\"genesis\": \"g.json\", \"credentials\": {\"issuer_key\": \"k.json\"}}"))
            .issuer()).contains(new IssuerSettings(directory.resolve("k.json"), Optional.empty()));
        assertThatThrownBy(() -> NodeConfig.load(write("{\"genesis\": \"g\", \"credentials\": {\"issuer\": \"k\"}}")))
            .hasMessageContaining("unknown field 'issuer'");
    }

    @Test
    void withoutP2pTheNodeRunsSolo() throws Exception {
        final NodeConfig config = NodeConfig.load(write("{\"genesis\": \"g.json\"}"));
        assertThat(config.runsConsensus()).isFalse();
        assertThat(config.nodeKeyFile()).isEmpty();
        assertThat(config.consensusTimeouts()).isEqualTo(NodeConfig.DEFAULT_TIMEOUTS);
    }

    @Test
    void theConsensusFieldsAreRead() throws Exception {
        final String observer = TestTransactions.address(TestTransactions.key(9));
        final NodeConfig config = NodeConfig.load(write("""
            {"genesis": "g.json", "node_key": "keys/node-key.json",
             "p2p": {"host": "0.0.0.0", "port": 19344, "peers": ["127.0.0.1:19346", "10.0.0.2:19348"],
                     "observers": ["%s"]},
             "consensus": {"timeout_propose_millis": 1000, "timeout_prevote_millis": 500,
                           "timeout_precommit_millis": 400, "timeout_increase_millis": 300,
                           "timeout_max_millis": 10000, "timeout_commit_millis": 20}}
            """.formatted(observer)));
        assertThat(config.runsConsensus()).isTrue();
        assertThat(config.nodeKeyFile()).contains(directory.resolve("keys/node-key.json"));
        assertThat(config.p2p()).contains(new PeerSettings("0.0.0.0", 19344,
            List.of(new PeerSettings.PeerEndpoint("127.0.0.1", 19346), new PeerSettings.PeerEndpoint("10.0.0.2", 19348)),
            List.of(observer)));
        assertThat(config.consensusTimeouts()).isEqualTo(new Timeouts(new RoundTimeout(1000, 300),
            new RoundTimeout(500, 300), new RoundTimeout(400, 300), 20, 10_000));
    }

    @Test
    void consensusMistakesAreNamed() throws Exception {
        assertThatThrownBy(() -> NodeConfig.load(write("{\"genesis\": \"g\", \"p2p\": {}}")))
            .hasMessageContaining("needs a node_key");
        assertThatThrownBy(() -> NodeConfig.load(write(
            "{\"genesis\": \"g\", \"node_key\": \"k\", \"p2p\": {\"peers\": [\"nohost\"]}}")))
            .hasMessageContaining("host:port");
        assertThatThrownBy(() -> NodeConfig.load(write(
            "{\"genesis\": \"g\", \"node_key\": \"k\", \"p2p\": {\"observers\": [\"alice\"]}}")))
            .hasMessageContaining("observer 'alice' is not a BID address");
        assertThatThrownBy(() -> NodeConfig.load(write(
            "{\"genesis\": \"g\", \"consensus\": {\"timeout_max_millis\": 10}}")))
            .hasMessageContaining("node.json").hasMessageContaining("timeout cap");
        assertThatThrownBy(() -> NodeConfig.load(write(
            "{\"genesis\": \"g\", \"consensus\": {\"timeout_propse_millis\": 10}}")))
            .hasMessageContaining("unknown field 'timeout_propse_millis'");
        assertThat(NodeConfig.load(write("{\"genesis\": \"g\", \"node_key\": \"k\", \"p2p\": {}}")).p2p())
            .map(PeerSettings::port).isEqualTo(Optional.of(NodeConfig.DEFAULT_P2P_PORT));
    }

    @Test
    void mistakesNameTheFileAndTheField() throws Exception {
        assertThatThrownBy(() -> NodeConfig.load(write("{}")))
            .hasMessageContaining("node.json").hasMessageContaining("'genesis' is required");
        assertThatThrownBy(() -> NodeConfig.load(write("{\"genesis\": \"g\", \"http\": {\"port\": \"80\"}}")))
            .hasMessageContaining("'http'").hasMessageContaining("'port' must be a 64-bit integer");
        assertThatThrownBy(() -> NodeConfig.load(write("{\"genesis\": \"g\", \"storage\": \"floppy\"}")))
            .hasMessageContaining("'storage' must be \"rocksdb\" or \"memory\"");
        assertThatThrownBy(() -> NodeConfig.load(write("{\"genesis\": \"g\", \"genisis\": 1}")))
            .hasMessageContaining("unknown field 'genisis'");
        assertThatThrownBy(() -> NodeConfig.load(write("{\"genesis\": \"g\", \"ledger\": {\"close_interval_millis\": 0}}")))
            .hasMessageContaining("node.json").hasMessageContaining("closeIntervalMillis must be positive");
        assertThatThrownBy(() -> NodeConfig.load(write("{\"genesis\": ")))
            .hasMessageContaining("node.json is not valid JSON");
        assertThatThrownBy(() -> NodeConfig.load(write("[]"))).hasMessageContaining("must hold a JSON object");
    }

    @Test
    void configFilesAreReadUpToTheSizeCap() throws Exception {
        final String json = "{\"genesis\": \"g\"}";
        final Path atCap = write(json + " ".repeat((int) ConfigJson.MAX_FILE_BYTES - json.length()));
        assertThat(NodeConfig.load(atCap).genesisFile()).isEqualTo(directory.resolve("g"));

        final Path overCap = write(json + " ".repeat((int) ConfigJson.MAX_FILE_BYTES - json.length() + 1));
        assertThatThrownBy(() -> NodeConfig.load(overCap)).hasMessageContaining("at most " + ConfigJson.MAX_FILE_BYTES);
    }

    @Test
    void theMempoolCapsMustBeConsistent() {
        assertThatThrownBy(() -> new MempoolLimits(10, 11, 1)).hasMessageContaining("maxTransactionsPerAccount");
        assertThatThrownBy(() -> new MempoolLimits(0, 0, 1)).hasMessageContaining("maxTransactions must be at least 1");
        assertThatThrownBy(() -> new LedgerTiming(1000, 999)).hasMessageContaining("must not be shorter");
    }
}
