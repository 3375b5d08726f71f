package org.banyan.cli;

import java.nio.file.Path;
import org.banyan.gateway.DataGateway;
import org.banyan.gateway.GatewayConfig;
import org.banyan.gateway.GatewaySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;

/** {@code banyan gateway}: runs a backbone node's data gateway from its config file until Ctrl-C or SIGTERM. */
@Command(name = "gateway", description = {"Run a sub-chain's data gateway until Ctrl-C: it anchors the sub-chain's",
    "certified headers on the main chain and relays the main chain's supervision orders down."})
final class GatewayCommand extends CliCommand {

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "The gateway's config, e.g. one that banyan up wrote.")
    Path configFile;

    @Override
    int execute() {
        Path file = configFile.toAbsolutePath().normalize();
        GatewaySettings settings = GatewayConfig.load(file);
        DataGateway gateway = DataGateway.start(settings);
        StopSignal signal = StopSignal.onShutdown(() -> {
            gateway.close();
            out().println("Banyan gateway stopped.");
            out().flush();
        }, "banyan-gateway-shutdown");
        out().println("Banyan data gateway of sub-chain " + settings.acCode() + " is running.");
        out().println("  sub-chain node:   " + settings.subChainUrl());
        out().println("  main-chain nodes: " + String.join(", ", settings.mainChainUrls()));
        out().println("  anchors every:    " + settings.anchorEvery() + " block(s), as "
                + settings.mainChainKey().address());
        out().println("Press Ctrl-C to stop.");
        out().flush();
        signal.stopped().join();
        return ExitCode.OK;
    }
}
