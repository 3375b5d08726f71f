package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
