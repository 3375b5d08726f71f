package org.banyan.node;

/**
 * When the node closes ledgers.
 *
 * @param closeIntervalMillis minimum time between two ledgers while transactions are pending
 * @param idleCloseIntervalMillis time after which an empty ledger is closed when nothing is pending
 */
public record LedgerTiming(long closeIntervalMillis, long idleCloseIntervalMillis) {

    /** BIF's consensus round timer: one ledger per second under load. */
    public static final long DEFAULT_CLOSE_INTERVAL_MILLIS = 1_000;

    /** BIF closes one empty ledger a minute when idle, so that the chain visibly advances. */
    public static final long DEFAULT_IDLE_CLOSE_INTERVAL_MILLIS = 60_000;

    /** The defaults above. */
    public static final LedgerTiming DEFAULTS =
        new LedgerTiming(DEFAULT_CLOSE_INTERVAL_MILLIS, DEFAULT_IDLE_CLOSE_INTERVAL_MILLIS);

    public LedgerTiming {
        if (closeIntervalMillis < 1) {
            throw new IllegalArgumentException("closeIntervalMillis must be positive but is " + closeIntervalMillis);
        }
        if (idleCloseIntervalMillis < closeIntervalMillis) {
            throw new IllegalArgumentException("idleCloseIntervalMillis (" + idleCloseIntervalMillis
                + ") must not be shorter than closeIntervalMillis (" + closeIntervalMillis + ")");
        }
    }
}
