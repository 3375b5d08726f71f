package org.banyan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.banyan.crypto.PrivateKey;
import org.banyan.sdk.KeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLISHED_PUBLIC_KEY =
            "b06566f76733ae048fda721d47afe8780b572636496c93253db86dc8d5427fc54e9a06";

    @TempDir
    Path directory;

    @Test
    void keyGeneratePrintsAKeyFileWhoseAddressMatchesTheKey() throws IOException {
        CliRun run = CliRun.of("key", "generate");

        assertThat(run.exitCode()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("address", "public_key", "private_key");
        PrivateKey key = PrivateKey.parse(json.get("private_key").textValue());
        assertThat(json.get("public_key").textValue()).isEqualTo(key.publicKey().encoded());
        assertThat(json.get("address").textValue()).isEqualTo(key.publicKey().address().toString());
        assertThat(KeyFile.fromJson(run.out()).address()).startsWith("did:bid:ef");
    }

    @Test
    void keyGenerateMakesSm2KeysWithAnAcCode() throws IOException {
        CliRun run = CliRun.of("key", "generate", "--type", "SM2", "--ac", "ab12");

        assertThat(run.exitCode()).isZero();
        KeyFile key = KeyFile.fromJson(run.out());
        assertThat(key.address()).startsWith("did:bid:ab12:zf");
        assertThat(key.publicKey()).startsWith("b07a66");
    }

    @Test
    void keyAddressDerivesThePublishedAddress() {
        CliRun plain = CliRun.of("key", "address", "--public-key", PUBLISHED_PUBLIC_KEY);
        CliRun subChain = CliRun.of("key", "address", "--public-key", PUBLISHED_PUBLIC_KEY, "--ac", "xy99");

        assertThat(plain.exitCode()).isZero();
        assertThat(plain.out().strip()).isEqualTo("did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx");
        assertThat(subChain.out().strip()).isEqualTo("did:bid:xy99:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx");
    }

    @Test
    void invalidInputExitsWithTwoAndOneClearLine() {
        CliRun badKey = CliRun.of("key", "address", "--public-key", "b06566zz");
        CliRun badAc = CliRun.of("key", "address", "--public-key", PUBLISHED_PUBLIC_KEY, "--ac", "AB!");
        CliRun badType = CliRun.of("key", "generate", "--type", "rsa");

        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.err().lines()).hasSize(1).first().asString().startsWith("error: ");
        assertThat(badKey.err()).doesNotContain("\tat ");
        assertThat(badAc.exitCode()).isEqualTo(2);
        assertThat(badAc.err()).contains("AC code must be 4 lower-case letters or digits");
        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).contains("unknown key type 'rsa'");
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = CliRun.of("--verbose", "key", "address", "--public-key", "b06566zz");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains("\tat ");
    }

    @Test
    void missingOptionsAndCommandsAreUsageErrors() {
        CliRun missingTo = CliRun.of("tx", "pay", "--key", "k.json", "--amount", "1");
        CliRun noCommand = CliRun.of();
        CliRun noSubcommand = CliRun.of("key");

        assertThat(missingTo.exitCode()).isEqualTo(2);
        assertThat(missingTo.err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line).contains("--to"));
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err()).contains("Missing a command");
        assertThat(noSubcommand.exitCode()).isEqualTo(2);
    }

    @Test
    void anUnreachableNodeExitsWithOne() throws IOException {
        String url;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            url = "http://127.0.0.1:" + socket.getLocalPort();
        }

        CliRun run = CliRun.of("tx", "get", "00ff", "--node", url);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("error: cannot reach node " + url).doesNotContain("\n");
    }

    @Test
    void aMissingKeyFileExitsWithOne() {
        CliRun run = CliRun.of("tx", "pay", "--key", directory.resolve("none.json").toString(),
                "--to", "did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx", "--amount", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: cannot read key file");
    }

    @Test
    void versionAndHelpWork() {
        CliRun version = CliRun.of("--version");
        CliRun help = CliRun.of("tx", "set-metadata", "--help");
        CliRun groupHelp = CliRun.of("tx", "--help");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("banyan 0.1.0");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--name", "--value", "--version=N");
        assertThat(groupHelp.exitCode()).isZero();
        assertThat(groupHelp.out()).contains("pay", "create-account", "set-metadata", "get");
    }
}
