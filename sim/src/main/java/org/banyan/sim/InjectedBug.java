package org.banyan.sim;

import java.util.Locale;

/**
 * A deliberate bug in a node the checker believes correct, to prove that the checker catches what it claims to:
 * a simulation that reports no violation with a bug injected would be a checker that checks nothing.
 */
public enum InjectedBug {
    /** Node 0 votes twice in a round, for two different values. */
    VOTE_TWICE,
    /** Node 0 crashes often and forgets its sign state on restart, so it may ignore its lock and re-vote. */
    FORGET_SIGN_STATE;

    /** The bug's name on the command line, such as {@code vote-twice}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The bug with this command-line name.
     *
     * @throws IllegalArgumentException naming the known bugs
     */
    public static InjectedBug parse(final String name) {
        for (final InjectedBug bug : values()) {
            if (bug.cliName().equals(name)) {
                return bug;
            }
        }
        throw new IllegalArgumentException("unknown bug '" + name + "'; known: vote-twice, forget-sign-state");
    }
}
