package org.banyan.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A deliberate bug in a node the checker believes correct, to prove that the checker catches what it claims to:
 * a simulation that reports no violation with a bug injected would be a checker that checks nothing. Each bug is
 * aimed at one invariant, named in its description.
 */
public enum InjectedBug {
    /** S5: node 0 votes twice in a round, for two different values. */
    VOTE_TWICE,
    /** S5: node 0 crashes often and forgets its sign state on restart, so it may ignore its lock and re-vote. */
    FORGET_SIGN_STATE,
    /**
     * S6: node 0 crashes often and restarts with its last signed message but without its lock, so the double-sign
     * guard still holds while the lock is lost.
     */
    LOSE_LOCK,
    /** S9: node 0 stamps the blocks it builds just after their parent's close time, not with its clock. */
    STALE_CLOSE_TIME,
    /** S9: node 0 reads its clock twice the drift bound ahead, both to stamp blocks and to judge them. */
    CLOCK_AHEAD,
    /** S10: node 0's mempool lost its cap and its source rule; the spam profile's junk flood overfills it. */
    UNBOUNDED_MEMPOOL,
    /**
     * L3: node 0 finds a block valid only if the height's round-0 proposer built it, so a silent first proposer leaves
     * it voting nil for every later proposal.
     */
    FIRST_PROPOSER_ONLY,
    /** L4: node 0 leaves the transactions of the lowest source address out of the blocks it builds. */
    CENSOR_SOURCE,
    /** L5: node 0 never gathers the content of its proposal at the first height of a new validator set. */
    STALL_AFTER_SET_CHANGE;

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
        throw new IllegalArgumentException("unknown bug '" + name + "'; known: "
                + Arrays.stream(values()).map(InjectedBug::cliName).collect(Collectors.joining(", ")));
    }
}
