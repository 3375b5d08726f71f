package org.banyan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.sdk.KeyFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway's config file: every field checked, every cap tested at the cap and one past it. */
class GatewayConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyFile MAIN_KEY = KeyFile.of(key(1));
    private static final KeyFile SUB_KEY = KeyFile.of(key(2), Optional.of("abcd"));

    @TempDir
    Path directory;

    @BeforeEach
    void writeKeys() throws IOException {
        Files.createDirectories(directory.resolve("keys"));
        MAIN_KEY.save(directory.resolve("keys/gateway-main.json"));
        SUB_KEY.save(directory.resolve("keys/gateway-sub.json"));
    }

    @Test
    void aFullConfigLoadsWithKeysRelativeToTheFile() throws IOException {
        final GatewaySettings settings = GatewayConfig.load(write(config().put("anchor_every", 5)
            .put("poll_interval_millis", 250)));

        assertThat(settings.acCode()).isEqualTo("abcd");
        assertThat(settings.subChainUrl()).isEqualTo("http://127.0.0.1:19353");
        assertThat(settings.mainChainUrls()).containsExactly("http://127.0.0.1:19333", "http://127.0.0.1:19335");
        assertThat(settings.mainChainKey()).isEqualTo(MAIN_KEY);
        assertThat(settings.subChainKey()).isEqualTo(SUB_KEY);
        assertThat(settings.anchorEvery()).isEqualTo(5);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void theOptionalFieldsDefaultToEveryBlockAndHalfABlock() throws IOException {
        final GatewaySettings settings = GatewayConfig.load(write(config()));

        assertThat(settings.anchorEvery()).isEqualTo(1);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(GatewayConfig.DEFAULT_POLL_INTERVAL_MILLIS));
    }

    @Test
    void anUnknownFieldIsRefusedAndTheKnownOnesListed() throws IOException {
        final Path file = write(config().put("anchor_evry", 2));

        assertThatThrownBy(() -> GatewayConfig.load(file)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("unknown field 'anchor_evry'")
            .hasMessageContaining("anchor_every, main_chain, main_chain_key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ac_code", "sub_chain", "main_chain", "main_chain_key", "sub_chain_key"})
    void aMissingRequiredFieldIsNamed(final String field) throws IOException {
        final ObjectNode config = config();
        config.remove(field);
        final Path file = write(config);

        assertThatThrownBy(() -> GatewayConfig.load(file)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("'" + field + "'");
    }

    @Test
    void malformedValuesAreRefusedRatherThanDefaulted() throws IOException {
        assertRefused(config().put("main_chain", "http://127.0.0.1:19333"), "'main_chain' must be a non-empty list");
        final ObjectNode emptyList = config();
        emptyList.putArray("main_chain");
        assertRefused(emptyList, "'main_chain' must be a non-empty list");
        final ObjectNode numberUrl = config();
        numberUrl.withArray("main_chain").add(19333);
        assertRefused(numberUrl, "every entry of 'main_chain' must be a node URL, not 19333");
        assertRefused(config().put("ac_code", "ABCD"), "ac_code must be an AC code", "'ABCD'");
        assertRefused(config().put("ac_code", "abcde"), "ac_code must be an AC code");
        assertRefused(config().put("anchor_every", "every block"), "'anchor_every' must be a whole number");
        assertRefused(config().put("anchor_every", 2.5), "'anchor_every' must be a whole number");
        assertRefused(config().put("poll_interval_millis", "fast"), "'poll_interval_millis' must be a whole number");
        assertRefused(config().put("poll_interval_millis", 0), "poll interval must be positive");
    }

    @Test
    void anchorEveryMustBeOneToItsCap() throws IOException {
        assertRefused(config().put("anchor_every", 0), "'anchor_every' must be 1 to " + GatewaySettings.MAX_ANCHOR_EVERY,
            "got 0");
        assertRefused(config().put("anchor_every", -1), "got -1");
        assertThat(GatewayConfig.load(write(config().put("anchor_every", GatewaySettings.MAX_ANCHOR_EVERY)))
            .anchorEvery()).isEqualTo(GatewaySettings.MAX_ANCHOR_EVERY);
        assertRefused(config().put("anchor_every", GatewaySettings.MAX_ANCHOR_EVERY + 1),
            "got " + (GatewaySettings.MAX_ANCHOR_EVERY + 1));
        // 2^32 + 1 would be 1 once narrowed to an int: it must be refused, not read as "every block".
        assertRefused(config().put("anchor_every", (1L << 32) + 1), "got " + ((1L << 32) + 1));
    }

    @Test
    void aKeyFileWhoseAddressIsNotItsKeysIsRefusedNamingBothFiles() throws IOException {
        final Path forged = directory.resolve("keys/forged.json");
        Files.writeString(forged, JSON.createObjectNode().put("address", KeyFile.of(key(3)).address())
            .put("public_key", MAIN_KEY.publicKey()).put("private_key", MAIN_KEY.privateKey()).toString());
        final Path file = write(config().put("main_chain_key", "keys/forged.json"));

        assertThatThrownBy(() -> GatewayConfig.load(file)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("does not belong to the key");
    }

    @Test
    void aMissingKeyFileIsNamed() throws IOException {
        final Path file = write(config().put("sub_chain_key", "keys/nowhere.json"));

        assertThatThrownBy(() -> GatewayConfig.load(file)).hasMessageContaining("nowhere.json");
    }

    @Test
    void aFileAtTheSizeCapIsReadAndOneByteMoreIsRefused() throws IOException {
        final String json = config().toString();
        final String atCap = json + " ".repeat((int) GatewayConfig.MAX_FILE_BYTES - json.length());
        final Path file = directory.resolve("gateway.json");
        Files.writeString(file, atCap, StandardCharsets.UTF_8);
        assertThat(Files.size(file)).isEqualTo(GatewayConfig.MAX_FILE_BYTES);
        assertThat(GatewayConfig.load(file).acCode()).isEqualTo("abcd");

        Files.writeString(file, atCap + " ", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> GatewayConfig.load(file)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("larger than " + GatewayConfig.MAX_FILE_BYTES + " bytes");
    }

    @Test
    void aFileThatIsNotAJsonObjectIsRefused() throws IOException {
        final Path file = directory.resolve("gateway.json");
        Files.writeString(file, "{\"ac_code\": ");
        assertThatThrownBy(() -> GatewayConfig.load(file)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(file + " is not JSON");
        Files.writeString(file, "[\"abcd\"]");
        assertThatThrownBy(() -> GatewayConfig.load(file)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("must be a JSON object");
    }

    private void assertRefused(final ObjectNode config, final String... phrases) throws IOException {
        final Path file = write(config);
        assertThatThrownBy(() -> GatewayConfig.load(file)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(file.toString()).hasMessageContainingAll(phrases);
    }

    private static ObjectNode config() {
        final ObjectNode config = JSON.createObjectNode().put("ac_code", "abcd")
            .put("sub_chain", "http://127.0.0.1:19353");
        config.putArray("main_chain").add("http://127.0.0.1:19333").add("http://127.0.0.1:19335");
        return config.put("main_chain_key", "keys/gateway-main.json").put("sub_chain_key", "keys/gateway-sub.json");
    }

    private Path write(final ObjectNode config) throws IOException {
        final Path file = directory.resolve("gateway.json");
        Files.writeString(file, config.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static PrivateKey key(final int index) {
        return PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256(("gateway test key " + index).getBytes(
            StandardCharsets.UTF_8)));
    }
}
