package org.banyan.node.chaingroup;

import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Waits, in a request thread, until a ledger after a given one is committed: a proof of an entry written in the last
 * ledger needs the next block, which certifies that ledger. At most {@link #MAX_WAITERS} requests wait at once, so
 * proof requests cannot hold the API's request threads; the others are told to retry at once.
 */
public final class NextLedgerWait {

    /** Requests that may wait at once: a few of the API's 32 request threads. */
    public static final int MAX_WAITERS = 4;

    /** Pause between two looks at the last ledger. */
    static final long POLL_MILLIS = 50;

    private final LongSupplier lastSeq;
    private final long timeoutMillis;
    private final Semaphore waiters = new Semaphore(MAX_WAITERS);

    /** Waits on {@code lastSeq} (the last committed ledger) for at most {@code timeoutMillis}. */
    public NextLedgerWait(final LongSupplier lastSeq, final long timeoutMillis) {
        this.lastSeq = Objects.requireNonNull(lastSeq, "lastSeq");
        this.timeoutMillis = timeoutMillis;
    }

    /** What came of a wait. */
    public enum Result {
        /** A ledger after the one asked about is committed. */
        COMMITTED,
        /** None was committed within the timeout. */
        TIMED_OUT,
        /** {@link #MAX_WAITERS} requests were waiting already; nothing was waited for. */
        BUSY
    }

    /** Waits until a ledger after {@code seq} is committed. */
    public Result awaitAfter(final long seq) {
        if (lastSeq.getAsLong() > seq) {
            return Result.COMMITTED;
        }
        if (!waiters.tryAcquire()) {
            return Result.BUSY;
        }
        try {
            final long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
            while (lastSeq.getAsLong() <= seq) {
                if (System.nanoTime() > deadline) {
                    return Result.TIMED_OUT;
                }
                Thread.sleep(POLL_MILLIS);
            }
            return Result.COMMITTED;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.TIMED_OUT;
        } finally {
            waiters.release();
        }
    }
}
