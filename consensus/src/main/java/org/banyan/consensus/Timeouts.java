package org.banyan.consensus;

import java.util.Objects;

/**
 * How long each timer waits. Timeouts grow linearly with the round, so that after GST some round lasts long enough
 * for every correct node's messages to arrive, and stop growing at {@code capMillis}, so that recovery after a long
 * outage does not wait for ever (Besu's doubling timers are the cautionary tale). They restart from the base at every
 * height.
 *
 * @param commitMillis pause after a commit before the next height starts; 0 starts it at once
 * @param capMillis the longest any round timer waits
 */
public record Timeouts(RoundTimeout propose, RoundTimeout prevote, RoundTimeout precommit, long commitMillis,
                       long capMillis) {

    /** Sized for validators on one LAN or region: a commit takes three message delays and well under a second. */
    public static final Timeouts DEFAULT = new Timeouts(new RoundTimeout(1000, 500), new RoundTimeout(500, 250),
            new RoundTimeout(500, 250), 0, 30_000);

    public Timeouts {
        Objects.requireNonNull(propose, "propose");
        Objects.requireNonNull(prevote, "prevote");
        Objects.requireNonNull(precommit, "precommit");
        if (commitMillis < 0 || commitMillis > Limits.MAX_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("the commit timeout is between 0 and " + Limits.MAX_TIMEOUT_MILLIS
                    + " ms, got " + commitMillis);
        }
        final long largestBase = Math.max(propose.baseMillis(), Math.max(prevote.baseMillis(), precommit.baseMillis()));
        if (capMillis < largestBase || capMillis > Limits.MAX_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("the timeout cap is between the largest base timeout (" + largestBase
                    + " ms) and " + Limits.MAX_TIMEOUT_MILLIS + " ms, got " + capMillis);
        }
    }

    /** How long the timer of {@code kind} waits in {@code round}. */
    public long durationMillis(final TimeoutKind kind, final int round) {
        Verify.that(round >= 0, "rounds are not negative");
        return switch (kind) {
            case PROPOSE -> grown(propose, round);
            case PREVOTE -> grown(prevote, round);
            case PRECOMMIT -> grown(precommit, round);
            case COMMIT -> commitMillis;
        };
    }

    private long grown(final RoundTimeout timeout, final int round) {
        // The round is bounded first so that the product cannot overflow.
        final long growthRounds = Math.min(round, Limits.MAX_TIMEOUT_MILLIS);
        return Math.min(capMillis, timeout.baseMillis() + growthRounds * timeout.perRoundMillis());
    }
}
