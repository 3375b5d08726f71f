package org.banyan.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which kinds of fault a run injects before GST. Byzantine nodes are chosen separately ({@code --byzantine}). */
public enum FaultProfile {
    /** A well-behaved network: latency with jitter only. */
    NONE(false, false, false, false, false),
    /** Message drops, duplicates, delay storms (hence reordering), and partitions that heal. */
    NETWORK(true, false, false, false, false),
    /** Crashes and restarts, some in the middle of a step, losing unsynced writes. */
    CRASH(false, true, false, false, false),
    /** Skewed and drifting node clocks. */
    CLOCK(false, false, true, false, false),
    /** Validator sets that change every few heights (power and membership), effective two heights later. */
    RECONFIGURE(false, false, false, true, false),
    /** Everything above at once. */
    ALL(true, true, true, true, false),
    /**
     * Floods, throughout the run: Byzantine validators sign votes for rounds ahead (conflicting ones too) and for the
     * next height, and a client sends more junk transactions than a mempool holds. Not part of {@link #ALL}, so that
     * seeds of the other profiles replay as they did before it existed.
     */
    SPAM(false, false, false, false, true);

    private final boolean network;
    private final boolean crashes;
    private final boolean clockSkew;
    private final boolean validatorChanges;
    private final boolean spam;

    FaultProfile(final boolean network, final boolean crashes, final boolean clockSkew,
                 final boolean validatorChanges, final boolean spam) {
        this.network = network;
        this.crashes = crashes;
        this.clockSkew = clockSkew;
        this.validatorChanges = validatorChanges;
        this.spam = spam;
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

    /** Whether Byzantine validators and a client flood the network. */
    public boolean spam() {
        return spam;
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
        throw new IllegalArgumentException("unknown fault profile '" + name + "'; known: "
                + Arrays.stream(values()).map(FaultProfile::cliName).collect(Collectors.joining(", ")));
    }
}
