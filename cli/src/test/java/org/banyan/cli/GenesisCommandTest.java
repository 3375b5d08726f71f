package org.banyan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Validator;
import org.banyan.node.DevNode;
import org.banyan.node.GenesisConfig;
import org.banyan.sdk.KeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void writesAGenesisWithEveryValidatorAndAConfigPerNode() throws IOException {
        Path network = directory.resolve("net");

        CliRun run = CliRun.of("genesis", "--validators", "4", "--observers", "1", "--dir", network.toString(),
            "--base-port", "30000", "--chain-id", "7");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<KeyFile> nodeKeys = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            nodeKeys.add(KeyFile.load(network.resolve("node-" + index + "/node-key.json")));
        }
        KeyFile genesisKey = KeyFile.load(network.resolve("keys/genesis-account.json"));
        Genesis genesis = GenesisConfig.load(network.resolve("genesis.json")).genesis();
        assertThat(genesis.chainId()).isEqualTo(7);
        assertThat(genesis.governanceAccount()).isEqualTo(genesisKey.address());
        assertThat(genesis.accounts()).containsExactly(new GenesisAccount(genesisKey.address(), DevNode.GENESIS_BALANCE));
        assertThat(genesis.validators()).containsExactly(nodeKeys.subList(0, 4).stream()
            .map(key -> new Validator(key.publicKey(), 1)).toArray(Validator[]::new));

        JsonNode config = JSON.readTree(network.resolve("node-1/node.json").toFile());
        assertThat(config.get("genesis").asText()).isEqualTo("../genesis.json");
        assertThat(config.get("data_directory").asText()).isEqualTo("data");
        assertThat(config.get("storage").asText()).isEqualTo("rocksdb");
        assertThat(config.get("node_key").asText()).isEqualTo("node-key.json");
        assertThat(config.get("http").get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(config.get("http").get("port").asInt()).isEqualTo(30_002);
        assertThat(config.get("p2p").get("port").asInt()).isEqualTo(30_003);
        assertThat(config.get("p2p").get("peers")).extracting(JsonNode::asText)
            .containsExactly("127.0.0.1:30001", "127.0.0.1:30005", "127.0.0.1:30007", "127.0.0.1:30009");
        assertThat(config.get("p2p").get("observers")).extracting(JsonNode::asText)
            .containsExactly(nodeKeys.get(4).address());
        assertThat(config.get("consensus").get("timeout_propose_millis").asLong()).isEqualTo(3_000);
        assertThat(config.get("consensus").get("timeout_max_millis").asLong()).isEqualTo(10_000);

        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.get("genesis_account").asText()).isEqualTo(genesisKey.address());
        assertThat(summary.get("nodes")).hasSize(5);
        assertThat(summary.get("nodes").get(4).get("role").asText()).isEqualTo("observer");
        assertThat(summary.get("nodes").get(4).get("address").asText()).isEqualTo(nodeKeys.get(4).address());
        assertThat(summary.get("nodes").get(4).get("http").asText()).isEqualTo("http://127.0.0.1:30008");
        assertThat(summary.get("nodes").get(4).get("p2p").asText()).isEqualTo("127.0.0.1:30009");
        assertThat(NetworkManifest.load(network).nodes()).extracting(NetworkManifest.Node::address)
            .containsExactlyElementsOf(nodeKeys.stream().map(KeyFile::address).toList());
    }

    @Test
    void privateKeysAreReadableByTheirOwnerOnly() throws IOException {
        Path network = directory.resolve("net");
        assertThat(CliRun.of("genesis", "--validators", "1", "--dir", network.toString()).exitCode()).isZero();

        if (Files.getFileStore(network).supportsFileAttributeView("posix")) {
            for (Path key : List.of(network.resolve("keys/genesis-account.json"), network.resolve("node-0/node-key.json"))) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void refusesToOverwriteANetwork() throws IOException {
        Path network = directory.resolve("net");
        assertThat(CliRun.of("genesis", "--validators", "2", "--dir", network.toString()).exitCode()).isZero();
        String genesisBefore = Files.readString(network.resolve("genesis.json"));

        CliRun again = CliRun.of("genesis", "--validators", "2", "--dir", network.toString());

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("error: ").contains("already exists; refusing to overwrite");
        assertThat(Files.readString(network.resolve("genesis.json"))).isEqualTo(genesisBefore);
    }

    @Test
    void writesNothingWhenAnyNodeFileIsInTheWay() throws IOException {
        Path network = directory.resolve("net");
        Path inTheWay = network.resolve("node-2/node-key.json");
        Files.createDirectories(inTheWay.getParent());
        Files.writeString(inTheWay, "precious");

        CliRun run = CliRun.of("genesis", "--validators", "4", "--dir", network.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(inTheWay.toString());
        assertThat(Files.readString(inTheWay)).isEqualTo("precious");
        try (var files = Files.list(network)) {
            assertThat(files).containsExactly(network.resolve("node-2"));
        }
    }

    @Test
    void impossibleNetworksAreUsageErrors() {
        Path network = directory.resolve("net");

        CliRun none = CliRun.of("genesis", "--validators", "0", "--dir", network.toString());
        CliRun tooMany = CliRun.of("genesis", "--validators", "257", "--dir", network.toString());
        CliRun noPorts = CliRun.of("genesis", "--validators", "4", "--base-port", "65530", "--dir", network.toString());
        CliRun noDirectory = CliRun.of("genesis", "--validators", "4");

        assertThat(List.of(none, tooMany, noPorts)).allSatisfy(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("error: ");
        });
        assertThat(tooMany.err()).contains("--validators must be from 1 to 256 but is 257");
        assertThat(noPorts.err()).contains("--base-port 65530");
        assertThat(noDirectory.exitCode()).isEqualTo(2);
        assertThat(noDirectory.err().lines().findFirst()).hasValue("Missing required option: '--dir=DIR'");
        assertThat(network).doesNotExist();
    }
}
