package org.banyan.sim;

import java.util.List;
import java.util.Objects;

/**
 * What one seed's run did.
 *
 * @param minHeight the lowest height committed by a correct node at the end
 * @param maxHeight the highest
 * @param traceHash SHA-256 over every processed event, equal for equal seeds and options
 * @param events events processed
 * @param virtualMillis virtual time the run covered
 */
public record SimulationResult(long seed, SimulationOptions options, long minHeight, long maxHeight,
                               FaultCounts faults, List<Violation> violations, String traceHash, long events,
                               long virtualMillis) {

    public SimulationResult {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(traceHash, "traceHash");
        violations = List.copyOf(violations);
    }

    /** Whether no invariant broke. */
    public boolean passed() {
        return violations.isEmpty();
    }

    /** The one-line command that replays this run. */
    public String replayCommand() {
        return options.replayCommand(seed);
    }

    @Override
    public String toString() {
        return "seed " + seed + ": " + (passed() ? "ok" : "FAILED") + ", heights " + minHeight + ".." + maxHeight
                + ", " + events + " events over " + virtualMillis + " ms, trace " + traceHash.substring(0, 16)
                + (passed() ? "" : ", " + violations.get(0));
    }
}
