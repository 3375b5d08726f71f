package org.banyan.sim;

/**
 * A node's clock: the global virtual time plus a fixed offset plus a drift in parts per million. Timers set for a
 * local duration last longer or shorter in global time on a drifting clock, which exercises timeouts under skew.
 */
record NodeClock(long offsetMicros, long driftPartsPerMillion) {

    /** A clock that is exact. */
    static final NodeClock EXACT = new NodeClock(0, 0);

    private static final long MILLION = 1_000_000;

    /** The node's reading at a global time. */
    long localMicros(final long globalMicros, final long startMicros) {
        return globalMicros + offsetMicros + (globalMicros - startMicros) * driftPartsPerMillion / MILLION;
    }

    /** How much global time passes while this clock measures {@code localMicros}. */
    long globalDurationMicros(final long localMicros) {
        return localMicros * MILLION / (MILLION + driftPartsPerMillion);
    }
}
