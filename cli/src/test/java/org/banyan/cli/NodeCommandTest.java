package org.banyan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.banyan.crypto.KeyType;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.KeyFile;
import org.banyan.sdk.SubmitResult;
import org.banyan.sdk.TransactionBuilder;
import org.banyan.sdk.TransactionRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code banyan node} as an operator runs it: a real child JVM from a config file, stopped with SIGTERM. */
class NodeCommandTest {

    @TempDir
    Path directory;

    private ChildProcesses children;

    @AfterEach
    void killEveryChild() throws InterruptedException {
        if (children != null) {
            children.killAll();
        }
    }

    @Test
    void aConfigWithoutP2pRunsASoloNodeThatCommitsAndStopsCleanlyOnSigterm() throws Exception {
        children = new ChildProcesses(directory);
        Path network = directory.resolve("net");
        assertThat(CliRun.of("genesis", "--validators", "1", "--dir", network.toString()).exitCode()).isZero();
        int httpPort = ChildProcesses.freeLoopbackPort();
        Path config = network.resolve("solo.json");
        Files.writeString(config, "{\"data_directory\": \"solo-data\", \"genesis\": \"genesis.json\", "
            + "\"http\": {\"port\": " + httpPort + "}}");
        Path log = directory.resolve("solo.log");

        Process node = children.start(log, "node", "--config", config.toString());
        BanyanClient client = ChildProcesses.awaitHttp("http://127.0.0.1:" + httpPort, node, log);

        KeyFile genesis = KeyFile.load(network.resolve("keys/genesis-account.json"));
        String newcomer = KeyFile.generate(KeyType.ED25519, Optional.empty(), TestRandom.seeded(7)).address();
        var signed = new TransactionBuilder().source(genesis.address()).nonce(client.getNonce(genesis.address()) + 1)
            .createAccount(newcomer, 20_000_000).build().sign(genesis.signingKey());
        SubmitResult submitted = client.submit(signed).get(0);
        assertThat(submitted.isAccepted()).as(submitted.toString()).isTrue();
        TransactionRecord committed = client.waitForCommit(submitted.hash(), ChildProcesses.WAIT).orElseThrow();
        assertThat(committed.isSuccess()).isTrue();
        assertThat(client.getBalance(newcomer)).isEqualTo(20_000_000);
        assertThat(network.resolve("solo-data/ledger")).isDirectory();

        assertThat(ChildJvm.stopAll(List.of(node), ChildJvm.STOP_GRACE)).as("stopped by SIGTERM alone").isTrue();
        assertThat(ChildProcesses.readLog(log))
            .contains("Banyan node is running.", "HTTP API:        http://127.0.0.1:" + httpPort, "Banyan node stopped.");
    }

    @Test
    void aMissingConfigFailsWithOneClearLine() {
        CliRun run = CliRun.of("node", "--config", directory.resolve("absent.json").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: cannot read " + directory.resolve("absent.json"));
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void anInvalidConfigIsAUsageError() throws IOException {
        Path config = directory.resolve("node.json");
        Files.writeString(config, "{\"genesis\": \"genesis.json\", \"htp\": {}}");

        CliRun run = CliRun.of("node", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains("unknown field 'htp'");
    }
}
