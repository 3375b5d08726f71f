package org.banyan.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.banyan.node.Node;
import org.banyan.node.NodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;

/** {@code banyan node}: runs one node from a config file until Ctrl-C or SIGTERM. */
@Command(name = "node", description = "Run one node from its config file until Ctrl-C.")
final class NodeCommand extends CliCommand {

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "The node's config, e.g. one that banyan genesis wrote.")
    Path configFile;

    @Override
    int execute() {
        Path file = configFile.toAbsolutePath().normalize();
        NodeConfig config = NodeConfig.load(file);
        Node node = Node.start(config, Clock.systemUTC());
        StopSignal signal = StopSignal.onShutdown(() -> {
            node.close();
            out().println("Banyan node stopped.");
            out().flush();
        }, "banyan-node-shutdown");
        out().println("Banyan node is running.");
        out().println("  config:          " + file);
        out().println("  HTTP API:        http://" + config.httpHost() + ":" + node.httpPort());
        out().println("  p2p:             " + config.p2p().map(p2p -> p2p.host() + ":" + p2p.port())
                .orElse("none: a solo node closing its own ledgers"));
        out().println("  data directory:  " + config.dataDirectory().normalize());
        out().println("  genesis:         " + config.genesisFile().normalize());
        out().println("Press Ctrl-C to stop.");
        out().flush();
        signal.stopped().join();
        return ExitCode.OK;
    }
}
