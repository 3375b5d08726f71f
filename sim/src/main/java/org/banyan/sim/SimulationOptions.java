package org.banyan.sim;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything that shapes one run besides its seed. The seed decides the rest: keys, which validators are Byzantine
 * and how, latencies, drops, partitions, crashes, clock skews and the workload.
 *
 * @param validators validators at genesis, N; at most f = (N - 1) / 3 of them may be Byzantine
 * @param byzantine how many validators misbehave, at most f
 * @param faultPhaseMillis virtual time before GST, during which faults are injected
 * @param livenessHeights heights every correct node must commit after GST (L1, L2)
 * @param livenessBoundMillis virtual time after GST within which they must
 * @param injectedBug a bug planted in node 0 while the checker treats it as correct, to prove the checker works
 */
public record SimulationOptions(int validators, int byzantine, FaultProfile faults, SignatureMode signatures,
                                long faultPhaseMillis, int livenessHeights, long livenessBoundMillis,
                                Optional<InjectedBug> injectedBug) {

    /** Fewest validators: one validator is a chain too, though nothing can be Byzantine in it. */
    public static final int MIN_VALIDATORS = 1;

    /** Most validators a run may have; runs grow with the square of it. */
    public static final int MAX_VALIDATORS = 64;

    /** Fault phase of the CI batch: long enough for a dozen heights and several faults of each kind. */
    public static final long DEFAULT_FAULT_PHASE_MILLIS = 4_000;

    /**
     * Heights every correct node commits after GST: enough for a transaction in every mempool at GST to pass the L4
     * bound of {@link Inclusion#BOUND_HEIGHTS} heights, so that inclusion is judged in every run.
     */
    public static final int DEFAULT_LIVENESS_HEIGHTS = Inclusion.BOUND_HEIGHTS + 2;

    /**
     * Bound for those heights: every round timer reaches its 2 s cap within 20 rounds, so eight heights with a
     * Byzantine proposer's round each, plus catch-up by block sync, fit well inside 90 s.
     */
    public static final long DEFAULT_LIVENESS_BOUND_MILLIS = 90_000;

    public SimulationOptions {
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(signatures, "signatures");
        Objects.requireNonNull(injectedBug, "injectedBug");
        if (validators < MIN_VALIDATORS || validators > MAX_VALIDATORS) {
            throw new IllegalArgumentException("a simulation has " + MIN_VALIDATORS + " to " + MAX_VALIDATORS
                    + " validators, got " + validators);
        }
        if (byzantine < 0 || byzantine > maxFaulty(validators)) {
            throw new IllegalArgumentException("with " + validators + " validators at most " + maxFaulty(validators)
                    + " may be Byzantine (N > 3f), got " + byzantine);
        }
        if (faultPhaseMillis < 0 || livenessHeights < 1 || livenessBoundMillis <= 0) {
            throw new IllegalArgumentException("the fault phase is not negative, and liveness needs a height and a bound");
        }
    }

    /** The CI defaults for a profile. */
    public static SimulationOptions of(final int validators, final int byzantine, final FaultProfile faults) {
        return new SimulationOptions(validators, byzantine, faults, SignatureMode.FAST, DEFAULT_FAULT_PHASE_MILLIS,
                DEFAULT_LIVENESS_HEIGHTS, DEFAULT_LIVENESS_BOUND_MILLIS, Optional.empty());
    }

    /** The same options with a bug planted in node 0. */
    public SimulationOptions withBug(final InjectedBug bug) {
        return new SimulationOptions(validators, byzantine, faults, signatures, faultPhaseMillis, livenessHeights,
                livenessBoundMillis, Optional.of(bug));
    }

    /** The same options with another fault phase before GST. */
    public SimulationOptions withFaultPhaseMillis(final long millis) {
        return new SimulationOptions(validators, byzantine, faults, signatures, millis, livenessHeights,
                livenessBoundMillis, injectedBug);
    }

    /** The same options with another signature mode. */
    public SimulationOptions withSignatures(final SignatureMode mode) {
        return new SimulationOptions(validators, byzantine, faults, mode, faultPhaseMillis, livenessHeights,
                livenessBoundMillis, injectedBug);
    }

    /** The largest f with N > 3f. */
    public static int maxFaulty(final int validators) {
        return (validators - 1) / 3;
    }

    /** The one-line command that replays {@code seed} with these options. */
    public String replayCommand(final long seed) {
        return "./banyan sim --nodes " + validators + " --seeds " + seed + ".." + seed + " --byzantine " + byzantine
                + " --faults " + faults.cliName()
                + (signatures == SignatureMode.REAL ? " --signatures real" : "")
                + (faultPhaseMillis == DEFAULT_FAULT_PHASE_MILLIS ? "" : " --fault-millis " + faultPhaseMillis)
                + injectedBug.map(bug -> " --inject-bug " + bug.cliName()).orElse("");
    }
}
