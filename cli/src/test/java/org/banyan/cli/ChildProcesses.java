package org.banyan.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.banyan.sdk.BanyanClient;

/**
 * The {@code banyan} child JVMs of one test: started through {@link ChildJvm} like {@code banyan testnet} starts
 * them, waited for over HTTP, and all killed by {@link #killAll()} from the test's {@code @AfterEach}.
 */
final class ChildProcesses {

    /** Bound on every wait for a child: its start-up, a commit, its stop. Ledgers close about every second. */
    static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * Small heaps, the quick-starting C1 compiler only and one GC thread: four or five nodes share a 2-core test
     * machine with the test's own JVM, and their start-up is mostly compiler and GC threads competing for it.
     */
    private static final List<String> JVM_OPTIONS =
            List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** Where free port blocks are looked for: above the usual service ports, below Linux's ephemeral range. */
    private static final int FIRST_CANDIDATE_PORT = 20_000;

    /** Last candidate base port. */
    private static final int LAST_CANDIDATE_PORT = 32_000;

    /** The next base port to try, so that the networks of one test run never reuse each other's ports. */
    private static int nextCandidatePort = FIRST_CANDIDATE_PORT;

    private final Path temporaryDirectory;
    private final List<Process> started = new ArrayList<>();

    /** Children unpack RocksDB's native library into {@code temporaryDirectory}, which a killed JVM cannot clean. */
    ChildProcesses(final Path temporaryDirectory) {
        this.temporaryDirectory = temporaryDirectory;
    }

    /** Starts {@code banyan <arguments>} with its output appended to {@code log}. */
    Process start(final Path log, final String... arguments) {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.add("-Djava.io.tmpdir=" + temporaryDirectory);
        Process process = ChildJvm.start(options, List.of(arguments), log);
        started.add(process);
        return process;
    }

    /** Waits until the node at {@code url} serves its latest ledger; on timeout, fails with the child's log. */
    static BanyanClient awaitHttp(final String url, final Process process, final Path log) {
        BanyanClient client = BanyanClient.connect(url);
        try {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .failFast("the node's process exited", () -> !process.isAlive())
                    .until(() -> client.getLatestLedger().header().getSeq() >= 1);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError("the node did not answer on " + url + " within " + WAIT + "; alive="
                    + process.isAlive() + "; its log:\n" + readLog(log), e);
        }
        return client;
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs. */
    static void kill(final Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("process " + process.pid() + " survived SIGKILL for " + WAIT);
        }
    }

    /** Kills every child still running, and their children: a killed {@code banyan testnet} cannot stop its nodes. */
    void killAll() throws InterruptedException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            kill(process);
        }
    }

    static String readLog(final Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log at " + log + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The first of {@code count} consecutive loopback ports that are free now, never one handed out before. */
    static synchronized int freeLoopbackPortBlock(final int count) throws IOException {
        for (int base = nextCandidatePort; base + count <= LAST_CANDIDATE_PORT; base += count) {
            if (allFree(base, count)) {
                nextCandidatePort = base + count;
                return base;
            }
        }
        throw new IOException("no " + count + " consecutive free loopback ports below " + LAST_CANDIDATE_PORT);
    }

    private static boolean allFree(final int base, final int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(false);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
