package org.banyan.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.banyan.node.DevNode;
import org.banyan.node.LedgerTiming;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code banyan dev}: runs a single-validator development chain until Ctrl-C. The first start writes the genesis
 * config and a funded genesis account key; later starts on the same directory resume from the last committed ledger.
 */
@Command(name = "dev", description = {"Run a single-validator development chain until Ctrl-C; with --ac, a sub-chain",
    "whose BIDs are did:bid:<ac>:… (set when the chain is created)."})
final class DevCommand extends CliCommand {

    /** The HTTP port BIF's own node configuration uses by default for its web server. */
    static final int DEFAULT_HTTP_PORT = 19333;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ".banyan/dev",
            description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--http-port", paramLabel = "P", defaultValue = "" + DEFAULT_HTTP_PORT,
            description = "HTTP API port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Mixin
    AcCodeOption ac;

    @Override
    int execute() {
        DevNode node = DevNode.start(dataDirectory.toAbsolutePath(), httpPort, Clock.systemUTC(), LedgerTiming.DEFAULTS,
                ac.checked());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "banyan-dev-shutdown"));
        DevNode.Info info = node.info();
        out().println("Banyan dev chain is running (" + (info.created() ? "created" : "resumed") + ").");
        out().println("  HTTP API:        " + info.httpUrl());
        out().println("  data directory:  " + info.dataDirectory());
        out().println("  genesis config:  " + info.genesisFile());
        out().println("  genesis account: " + info.genesisAccount());
        out().println("  its key file:    " + info.keyFile());
        out().println("Press Ctrl-C to stop.");
        out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }
}
