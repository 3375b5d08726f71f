package org.banyan.cli;

import java.net.URI;
import java.time.Clock;
import org.banyan.node.api.HttpApi;
import org.banyan.node.identity.RecursiveDirectory;
import org.banyan.sdk.BanyanClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code banyan resolver}: a standalone BID resolver in front of any node, serving the BIF view ({@code GET /{bid}})
 * and the W3C view ({@code GET /1.0/identifiers/{did}}) from the node's {@code /callContract}; a Universal Resolver
 * driver for did:bid. In front of a main-chain node it also resolves sub-chain BIDs through their AC-code documents.
 */
@Command(name = "resolver", description = {"Serve the BIF and W3C resolver views of a node's BID documents until Ctrl-C,",
    "reading them from the node's /callContract (a Universal Resolver driver for did:bid)."})
final class ResolverCommand extends CliCommand {

    /** The port the DIF Universal Resolver's drivers conventionally listen on. */
    static final int DEFAULT_PORT = 8080;

    @Mixin
    NodeOption node;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Interface to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--port", defaultValue = "" + DEFAULT_PORT, paramLabel = "P",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Mixin
    AcCodeOption ac;

    @Override
    int execute() {
        URI nodeUri = BanyanClient.connect(node.nodeUrl).nodeUri();
        HttpApi resolver = HttpApi.startResolver(host, port,
                RecursiveDirectory.frontingNode(nodeUri, ac.checked(), Clock.systemUTC()));
        StopSignal signal = StopSignal.onShutdown(() -> {
            resolver.close();
            out().println("Banyan resolver stopped.");
            out().flush();
        }, "banyan-resolver-shutdown");
        out().println("Banyan resolver is running in front of " + nodeUri
                + ac.checked().map(code -> " (sub-chain " + code + ")").orElse(""));
        out().println("  BIF view:  http://" + host + ":" + resolver.port() + "/{bid}");
        out().println("  W3C view:  http://" + host + ":" + resolver.port() + "/1.0/identifiers/{did}");
        out().println("Press Ctrl-C to stop.");
        out().flush();
        signal.stopped().join();
        return ExitCode.OK;
    }
}
