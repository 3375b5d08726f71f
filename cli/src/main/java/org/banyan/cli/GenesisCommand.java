package org.banyan.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;

/**
 * {@code banyan genesis}: writes a multi-validator network into a directory (genesis, the funded genesis account's
 * key, and a key and config per node) and prints a JSON summary. Starting the nodes is {@code banyan node}'s job.
 */
@Command(name = "genesis", description = {"Write a network's genesis, keys and one config per node into a directory.",
    "Node i serves HTTP on base-port + 2i and p2p on base-port + 2i + 1, on 127.0.0.1."})
final class GenesisCommand extends CliCommand {

    @Option(names = "--validators", required = true, paramLabel = "N", description = "Number of validators.")
    int validators;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Directory to write the network into.")
    Path directory;

    @Option(names = "--base-port", paramLabel = "P", defaultValue = "" + NetworkPlan.DEFAULT_BASE_PORT,
            description = "First port (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--chain-id", paramLabel = "ID", defaultValue = "" + NetworkPlan.DEFAULT_CHAIN_ID,
            description = "Chain id (default: ${DEFAULT-VALUE}).")
    long chainId;

    @Option(names = "--observers", paramLabel = "M", defaultValue = "0",
            description = "Number of observer nodes, which follow the chain without voting (default: ${DEFAULT-VALUE}).")
    int observers;

    @Override
    int execute() {
        NetworkPlan plan = new NetworkPlan(validators, observers, basePort, chainId);
        Path target = directory.toAbsolutePath().normalize();
        NetworkManifest manifest = NetworkFiles.write(target, plan, Clock.systemUTC(), new SecureRandom());
        JsonOutput.print(out(), manifest.summary(target));
        return ExitCode.OK;
    }
}
