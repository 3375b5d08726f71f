package org.banyan.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.banyan.sim.FaultProfile;
import org.banyan.sim.InjectedBug;
import org.banyan.sim.SeedRange;
import org.banyan.sim.SignatureMode;
import org.banyan.sim.SimulationBatch;
import org.banyan.sim.SimulationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;

/**
 * {@code banyan sim}: runs the deterministic network simulator over a range of seeds and sums up what happened.
 * Exit code 1 when any seed broke an invariant; each such seed is printed with the command that replays it.
 */
@Command(name = "sim", description = {"Simulate a network of validators under faults, one run per seed, and check the"
        + " consensus invariants.", "Exits with 1 if any seed breaks an invariant, printing the command that replays it."})
final class SimCommand extends CliCommand {

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "4",
            description = "Validators at genesis (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--seeds", paramLabel = "A..B", required = true, description = "Seeds to run, A..B or A.")
    String seeds;

    @Option(names = "--byzantine", paramLabel = "K", defaultValue = "0",
            description = "Byzantine validators, at most (N - 1) / 3 (default: ${DEFAULT-VALUE}).")
    int byzantine;

    @Option(names = "--faults", paramLabel = "PROFILE", defaultValue = "all",
            description = "none, network, crash, clock, reconfigure or all (default: ${DEFAULT-VALUE}).")
    String faults;

    @Option(names = "--signatures", paramLabel = "MODE", defaultValue = "fast",
            description = "fast (a registry of produced signatures) or real (Ed25519) (default: ${DEFAULT-VALUE}).")
    String signatures;

    @Option(names = "--fault-millis", paramLabel = "MS",
            defaultValue = "" + SimulationOptions.DEFAULT_FAULT_PHASE_MILLIS,
            description = "Virtual time of faults before GST (default: ${DEFAULT-VALUE}).")
    long faultMillis;

    @Option(names = "--inject-bug", paramLabel = "BUG",
            description = "Plant a bug in node 0 to watch the checker catch it: vote-twice or forget-sign-state.")
    Optional<String> injectedBug;

    @Override
    int execute() {
        final SeedRange range = SeedRange.parse(seeds);
        SimulationOptions options = SimulationOptions.of(nodes, byzantine, FaultProfile.parse(faults))
                .withSignatures(signatureMode())
                .withFaultPhaseMillis(faultMillis);
        if (injectedBug.isPresent()) {
            options = options.withBug(InjectedBug.parse(injectedBug.get()));
        }
        final PrintWriter out = out();
        out.println("banyan sim: " + nodes + " validators, " + byzantine + " byzantine, faults " + faults
                + ", signatures " + signatures + ", seeds " + range + ", " + faultMillis + " ms of faults before GST");
        out.flush();
        final SimulationBatch.Summary summary = SimulationBatch.run(range, options, result -> {
            if (!result.passed()) {
                out.println(result);
                out.println("  replay: " + result.replayCommand());
                out.flush();
            }
        });
        out.print(summary.describe());
        out.flush();
        return summary.passed() ? ExitCode.OK : ExitCode.SOFTWARE;
    }

    private SignatureMode signatureMode() {
        return switch (signatures) {
            case "fast" -> SignatureMode.FAST;
            case "real" -> SignatureMode.REAL;
            default -> throw new IllegalArgumentException("--signatures is fast or real, got '" + signatures + "'");
        };
    }
}
