package org.banyan.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs a range of seeds with one set of options and sums up what they did. */
public final class SimulationBatch {

    private SimulationBatch() {
    }

    /** Runs every seed of the range in order, reporting each result to {@code progress} as it finishes. */
    public static Summary run(final SeedRange seeds, final SimulationOptions options,
                              final Consumer<SimulationResult> progress) {
        final List<SimulationResult> failures = new ArrayList<>();
        final FaultCounts faults = new FaultCounts();
        long heights = 0;
        long minHeight = Long.MAX_VALUE;
        long maxHeight = 0;
        for (long seed = seeds.first(); seed <= seeds.last(); seed++) {
            final SimulationResult result = Simulation.run(seed, options);
            progress.accept(result);
            if (!result.passed()) {
                failures.add(result);
            }
            faults.addAll(result.faults());
            heights += result.minHeight();
            minHeight = Math.min(minHeight, result.minHeight());
            maxHeight = Math.max(maxHeight, result.maxHeight());
        }
        return new Summary(seeds, options, failures, heights, minHeight, maxHeight, faults);
    }

    /**
     * What a batch did.
     *
     * @param heightsCommitted sum over seeds of the height every correct node reached
     */
    public record Summary(SeedRange seeds, SimulationOptions options, List<SimulationResult> failures,
                          long heightsCommitted, long minHeight, long maxHeight, FaultCounts faults) {

        public Summary {
            failures = List.copyOf(failures);
        }

        /** Whether every seed passed. */
        public boolean passed() {
            return failures.isEmpty();
        }

        /** A few readable lines: seeds, heights, faults injected, and each violation with its replay command. */
        public String describe() {
            final StringBuilder text = new StringBuilder();
            text.append("seeds run: ").append(seeds.size()).append(" (").append(seeds).append("), ")
                    .append(seeds.size() - failures.size()).append(" passed, ").append(failures.size())
                    .append(" failed\n");
            text.append("heights committed: ").append(heightsCommitted).append(" in all, per seed ")
                    .append(minHeight).append(" to ").append(maxHeight).append('\n');
            text.append("faults injected: ").append(faults.describeInjected()).append('\n');
            text.append("reactions: ").append(faults.describeReactions()).append('\n');
            text.append("violations: ").append(failures.isEmpty() ? "none" : "").append('\n');
            for (final SimulationResult failure : failures) {
                text.append("  seed ").append(failure.seed()).append(": ").append(failure.violations().get(0))
                        .append('\n').append("  replay: ").append(failure.replayCommand()).append('\n');
            }
            return text.toString();
        }
    }
}
