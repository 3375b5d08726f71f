package org.banyan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;

/**
 * {@code banyan testnet}: a whole network on loopback, one child JVM per node, each with its own RocksDB and ports.
 * The first run writes the network with {@code banyan genesis}; later runs on the same directory start it again.
 * Ctrl-C stops every node.
 */
@Command(name = "testnet", description = {"Run a multi-validator network on 127.0.0.1, one process per node, until Ctrl-C.",
    "The first run writes it (as banyan genesis does); later runs on the same directory resume it."})
final class TestnetCommand extends CliCommand {

    /**
     * JVM options of each node of a network on one machine. A heap cap, because without it every child claims a
     * quarter of the machine's memory and four of them would claim it all. The serial collector, because several
     * node JVMs share the cores: a parallel collector's threads in each JVM compete with the other nodes' work, and
     * on 2 cores the 4-validator benchmark went from 1,208–1,516 payments/s (p50 0.65–11 s) with G1 to 1,465–1,474
     * at 1,500 offered (p50 0.61–0.69 s) with the serial collector (docs/PERFORMANCE.md).
     */
    static final List<String> NODE_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    @Option(names = "--validators", paramLabel = "N", defaultValue = "4",
            description = "Number of validators of a new network (default: ${DEFAULT-VALUE}).")
    int validators;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".banyan/testnet",
            description = "The network's directory (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Option(names = "--base-port", paramLabel = "P", defaultValue = "" + NetworkPlan.DEFAULT_BASE_PORT,
            description = "First port of a new network (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Override
    int execute() {
        Path target = directory.toAbsolutePath().normalize();
        boolean resumed = Files.exists(target.resolve(NetworkManifest.FILE));
        NetworkManifest manifest = resumed
                ? NetworkManifest.load(target)
                : NetworkFiles.write(target, new NetworkPlan(validators, 0, basePort, NetworkPlan.DEFAULT_CHAIN_ID),
                        Clock.systemUTC(), new SecureRandom());
        ProcessGroup group = new ProcessGroup(out(), spec.commandLine().getErr(), "banyan-testnet-shutdown");
        for (NetworkManifest.Node node : manifest.nodes()) {
            if (!group.start(node.name(), NODE_JVM_OPTIONS,
                    List.of("node", "--config", node.configFile(target).toString()), node.logFile(target))) {
                break;
            }
        }
        printEndpoints(manifest, target, resumed);
        group.awaitStop("every node of the testnet has exited; see their logs under " + target);
        return ExitCode.OK;
    }

    private void printEndpoints(final NetworkManifest manifest, final Path target, final boolean resumed) {
        out().println("Banyan testnet is running (" + (resumed ? "resumed" : "created") + ") in " + target);
        for (NetworkManifest.Node node : manifest.nodes()) {
            out().println("  " + node.name() + " (" + node.role().jsonName() + " " + node.address() + "): HTTP "
                    + node.httpUrl() + ", p2p " + node.p2pEndpoint() + ", log " + node.logFile(target));
        }
        out().println("  genesis account: " + manifest.genesisAccount());
        out().println("  its key file:    " + target.resolve(NetworkManifest.GENESIS_KEY_FILE));
        out().println("Press Ctrl-C to stop every node.");
        out().flush();
    }
}
