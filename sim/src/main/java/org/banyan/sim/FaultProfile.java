package org.banyan.sim;

import java.util.Locale;

/** Which kinds of fault a run injects before GST. Byzantine nodes are chosen separately ({@code --byzantine}). */
public enum FaultProfile {
    /** A well-behaved network: latency with jitter only. */
    NONE(false, false, false, false),
    /** Message drops, duplicates, delay storms (hence reordering), and partitions that heal. */
    NETWORK(true, false, false, false),
    /** Crashes and restarts, some in the middle of a step, losing unsynced writes. */
    CRASH(false, true, false, false),
    /** Skewed and drifting node clocks. */
    CLOCK(false, false, true, false),
    /** Validator sets that change every few heights (power and membership), effective two heights later. */
    RECONFIGURE(false, false, false, true),
    /** Everything above at once. */
    ALL(true, true, true, true);

    private final boolean network;
    private final boolean crashes;
    private final boolean clockSkew;
    private final boolean validatorChanges;

    FaultProfile(final boolean network, final boolean crashes, final boolean clockSkew,
                 final boolean validatorChanges) {
        this.network = network;
        this.crashes = crashes;
        this.clockSkew = clockSkew;
        this.validatorChanges = validatorChanges;
    }

    /** Whether the network drops, duplicates, delays and partitions. */
    public boolean network() {
        return network;
    }

    /** Whether nodes crash and restart. */
    public boolean crashes() {
        return crashes;
    }

    /** Whether node clocks are offset and drift. */
    public boolean clockSkew() {
        return clockSkew;
    }

    /** Whether the validator set changes with the height. */
    public boolean validatorChanges() {
        return validatorChanges;
    }

    /** The profile's name on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The profile with this command-line name.
     *
     * @throws IllegalArgumentException naming the known profiles
     */
    public static FaultProfile parse(final String name) {
        for (final FaultProfile profile : values()) {
            if (profile.cliName().equals(name)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown fault profile '" + name
                + "'; known: none, network, crash, clock, reconfigure, all");
    }
}
