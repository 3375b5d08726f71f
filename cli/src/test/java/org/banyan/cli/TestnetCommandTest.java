package org.banyan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.banyan.protocol.LedgerHeader;
import org.banyan.sdk.BanyanClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code banyan testnet} as a real child JVM that runs four node JVMs of its own. */
class TestnetCommandTest {

    @TempDir
    Path directory;

    private ChildProcesses children;

    @BeforeEach
    void prepareChildren() {
        children = new ChildProcesses(directory);
    }

    @AfterEach
    void killEveryChild() throws InterruptedException {
        children.killAll();
    }

    @Test
    void runsOneJvmPerNodeReportsADeadOneStopsAllOnSigtermAndResumes() throws Exception {
        Path network = directory.resolve("testnet");
        int basePort = ChildProcesses.freeLoopbackPortBlock(8);
        Path log = directory.resolve("testnet.log");

        Process testnet = children.start(log, "testnet", "--validators", "4", "--dir", network.toString(),
            "--base-port", Integer.toString(basePort));
        awaitLog(testnet, log, "Press Ctrl-C to stop every node.");
        NetworkManifest manifest = NetworkManifest.load(network);
        assertThat(manifest.validators()).hasSize(4);
        assertThat(ChildProcesses.readLog(log)).contains("(created)", network.resolve("keys/genesis-account.json")
            .toString(), "http://127.0.0.1:" + basePort, "p2p 127.0.0.1:" + (basePort + 7));
        for (NetworkManifest.Node node : manifest.nodes()) {
            BanyanClient client = ChildProcesses.awaitHttp(node.httpUrl(), testnet, log);
            await().atMost(ChildProcesses.WAIT).until(() -> client.getLatestLedger().header().getSeq() >= 2);
        }
        LedgerHeader second = BanyanClient.connect(manifest.nodes().get(0).httpUrl()).getLedger(2).header();
        List<ProcessHandle> nodes = testnet.descendants().filter(ProcessHandle::isAlive).toList();
        assertThat(nodes).hasSize(4);

        // Which node it is, only the testnet knows: a child's command line is too long for the OS to report it whole.
        ProcessHandle killed = nodes.get(0);
        killed.destroyForcibly();
        awaitLog(testnet, log, "(pid " + killed.pid() + ") exited with code");
        assertThat(ChildProcesses.readLog(log)).containsPattern("warning: node-[0-3] \\(pid " + killed.pid() + "\\)");

        assertThat(ChildJvm.stopAll(List.of(testnet), ChildJvm.STOP_GRACE)).as("stopped by SIGTERM alone").isTrue();
        assertThat(nodes).noneMatch(ProcessHandle::isAlive);
        assertThat(ChildProcesses.readLog(log)).contains("Every process stopped.");

        Path resumedLog = directory.resolve("resumed.log");
        Process resumed = children.start(resumedLog, "testnet", "--dir", network.toString());
        awaitLog(resumed, resumedLog, "(resumed)");
        BanyanClient client = ChildProcesses.awaitHttp(manifest.nodes().get(0).httpUrl(), resumed, resumedLog);
        assertThat(client.getLedger(2).header()).isEqualTo(second);
    }

    @Test
    void anImpossibleNetworkIsAUsageErrorAndStartsNothing() {
        CliRun run = CliRun.of("testnet", "--validators", "0", "--dir", directory.resolve("t").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: --validators must be from 1 to 256 but is 0");
        assertThat(directory.resolve("t")).doesNotExist();
    }

    private static void awaitLog(final Process process, final Path log, final String text) {
        await().atMost(ChildProcesses.WAIT).pollInterval(Duration.ofMillis(100))
            .failFast("the process exited", () -> !process.isAlive())
            .until(() -> ChildProcesses.readLog(log).contains(text));
    }
}
