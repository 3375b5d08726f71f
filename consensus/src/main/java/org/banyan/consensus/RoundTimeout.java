package org.banyan.consensus;

/** One timer's duration in round {@code r}: {@code baseMillis + r * perRoundMillis}, before the overall cap. */
public record RoundTimeout(long baseMillis, long perRoundMillis) {

    public RoundTimeout {
        if (baseMillis <= 0 || baseMillis > Limits.MAX_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("a base timeout is between 1 and " + Limits.MAX_TIMEOUT_MILLIS
                    + " ms, got " + baseMillis);
        }
        if (perRoundMillis < 0 || perRoundMillis > Limits.MAX_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("a per-round timeout increase is between 0 and "
                    + Limits.MAX_TIMEOUT_MILLIS + " ms, got " + perRoundMillis);
        }
    }
}
