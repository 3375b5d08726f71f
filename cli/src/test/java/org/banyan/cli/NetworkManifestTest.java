package org.banyan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkManifestTest {

    private static final NetworkManifest MANIFEST = new NetworkManifest(7, "did:bid:efGovernance", List.of(
        new NetworkManifest.Node("node-0", NetworkManifest.Role.VALIDATOR, "did:bid:efZero", "b06566aa", "127.0.0.1",
            19_400, 19_401),
        new NetworkManifest.Node("node-1", NetworkManifest.Role.OBSERVER, "did:bid:efOne", "b06566bb", "127.0.0.1",
            19_402, 19_403)));

    @TempDir
    Path directory;

    @Test
    void roundTripsThroughItsFile() throws IOException {
        Files.writeString(directory.resolve(NetworkManifest.FILE), MANIFEST.toJson());

        assertThat(NetworkManifest.load(directory)).isEqualTo(MANIFEST);
        assertThat(MANIFEST.validators()).extracting(NetworkManifest.Node::name).containsExactly("node-0");
    }

    @Test
    void theSummarySpellsOutFilesAndEndpoints() {
        var summary = MANIFEST.summary(directory);

        assertThat(summary.get("genesis").asText()).isEqualTo(directory.resolve("genesis.json").toString());
        assertThat(summary.get("genesis_key").asText())
            .isEqualTo(directory.resolve("keys/genesis-account.json").toString());
        assertThat(summary.get("nodes").get(1).get("role").asText()).isEqualTo("observer");
        assertThat(summary.get("nodes").get(1).get("http").asText()).isEqualTo("http://127.0.0.1:19402");
        assertThat(summary.get("nodes").get(1).get("p2p").asText()).isEqualTo("127.0.0.1:19403");
        assertThat(summary.get("nodes").get(0).get("config").asText())
            .isEqualTo(directory.resolve("node-0/node.json").toString());
    }

    @Test
    void malformedManifestsAreRefusedWithTheFieldNamed() {
        String valid = MANIFEST.toJson();

        assertThatThrownBy(() -> NetworkManifest.parse("{", "m")).hasMessageStartingWith("m is not valid JSON");
        assertThatThrownBy(() -> NetworkManifest.parse("[]", "m")).hasMessage("m must hold a JSON object");
        assertThatThrownBy(() -> NetworkManifest.parse("{\"chain_id\":1,\"genesis_account\":\"a\"}", "m"))
            .hasMessage("m: 'nodes' must be a JSON array");
        assertThatThrownBy(() -> NetworkManifest.parse("{\"chain_id\":1,\"genesis_account\":\"a\",\"nodes\":[]}", "m"))
            .hasMessage("m: a network has at least one node");
        assertThatThrownBy(() -> NetworkManifest.parse(valid.replace("\"observer\"", "\"boss\""), "m"))
            .hasMessageContaining("m nodes[1]: the role must be");
        assertThatThrownBy(() -> NetworkManifest.parse(valid.replace("19402", "0"), "m"))
            .hasMessageContaining("m nodes[1]: the field 'http_port' must be a port from 1 to 65535 but is 0");
        assertThatThrownBy(() -> NetworkManifest.parse(valid.replace("19403", "65536"), "m"))
            .hasMessageContaining("'p2p_port' must be a port from 1 to 65535 but is 65536");
        assertThatThrownBy(() -> NetworkManifest.parse(valid.replace("\"chain_id\" : 7", "\"chain_id\" : \"7\""), "m"))
            .hasMessage("m: the field 'chain_id' must be an integer");
        assertThatThrownBy(() -> NetworkManifest.parse(valid.replace("\"address\" : \"did:bid:efZero\"", "\"address\" : 1"),
            "m")).hasMessage("m nodes[0]: the field 'address' must be a string");
    }

    @Test
    void aManifestAtTheSizeCapIsReadAndALargerOneRefused() throws IOException {
        Path file = directory.resolve(NetworkManifest.FILE);
        String json = MANIFEST.toJson();
        Files.writeString(file, json + " ".repeat((int) NetworkManifest.MAX_FILE_BYTES - json.length()));
        assertThat(NetworkManifest.load(directory)).isEqualTo(MANIFEST);

        Files.writeString(file, " ", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> NetworkManifest.load(directory)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("a network manifest has at most 1048576");
    }

    @Test
    void aMissingManifestIsAnIoError() {
        assertThatThrownBy(() -> NetworkManifest.load(directory)).isInstanceOf(UncheckedIOException.class)
            .hasMessageStartingWith("cannot read " + directory.resolve(NetworkManifest.FILE));
    }
}
