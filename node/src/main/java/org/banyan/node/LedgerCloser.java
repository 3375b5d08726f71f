package org.banyan.node;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.banyan.ledger.ClosedLedger;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.node.mempool.Mempool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that closes ledgers. While transactions are ready it closes a ledger every
 * {@link LedgerTiming#closeIntervalMillis()}; when nothing is ready it closes an empty ledger every
 * {@link LedgerTiming#idleCloseIntervalMillis()}. A transaction that waits on a nonce gap does not count as ready, so
 * it does not make the chain spin out empty ledgers.
 *
 * <p>Intervals are measured on the monotonic {@link System#nanoTime()} so that wall-clock jumps cannot stall or rush
 * the chain; the close time written into each header comes from the injected {@link Clock}, in microseconds, and is
 * forced to be strictly after the previous ledger's. After each close the mempool drops what was committed (and what
 * can never be), the metrics are updated and threads in {@link #awaitLedger} are woken.
 *
 * <p>A failed close (a bug or a storage failure) stops the closer: carrying on after a failed synced write could
 * build on state that is not on disk.
 */
public final class LedgerCloser implements AutoCloseable {

    /** Transactions per ledger: bounds the time and memory of one close (a payment executes in well under 50 µs). */
    public static final int MAX_TRANSACTIONS_PER_LEDGER = 20_000;

    /** BIF's maximum block size: the serialized transactions of one ledger stay under 16 MB. */
    public static final long MAX_LEDGER_BYTES = 16L * 1024 * 1024;

    /** How long {@link #close()} waits for a close in progress to finish. */
    private static final long STOP_TIMEOUT_MILLIS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(LedgerCloser.class);

    private final Ledger ledger;
    private final Mempool mempool;
    private final Clock clock;
    private final LedgerTiming timing;
    private final NodeMetrics metrics;
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final Condition ledgerClosed = lock.newCondition();
    // Guarded by lock.
    private boolean running;

    // Only touched by the closer thread.
    private long lastCloseNanos;
    private long nextReadyCheckNanos;

    /** A closer that has not started yet; call {@link #start()}. */
    public LedgerCloser(final Ledger ledger, final Mempool mempool, final Clock clock, final LedgerTiming timing,
                        final NodeMetrics metrics) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.mempool = Objects.requireNonNull(mempool, "mempool");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.thread = new Thread(this::run, "ledger-closer");
    }

    /** Starts the closing thread. The first interval counts from now. */
    public void start() {
        lock.lock();
        try {
            if (running) {
                throw new IllegalStateException("the ledger closer is already running");
            }
            running = true;
        } finally {
            lock.unlock();
        }
        lastCloseNanos = System.nanoTime();
        nextReadyCheckNanos = lastCloseNanos;
        thread.start();
    }

    /** Tells the closer that transactions entered the mempool, so an idle closer looks again. */
    public void transactionsArrived() {
        lock.lock();
        try {
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until ledger {@code seq} is committed; false when {@code timeout} passed first. */
    public boolean awaitLedger(final long seq, final Duration timeout) throws InterruptedException {
        long remainingNanos = timeout.toNanos();
        lock.lock();
        try {
            while (ledger.lastHeader().getSeq() < seq) {
                if (remainingNanos <= 0) {
                    return false;
                }
                remainingNanos = ledgerClosed.awaitNanos(remainingNanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread after the close in progress, if any, has finished. */
    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
        if (thread.isAlive()) {
            try {
                thread.join(STOP_TIMEOUT_MILLIS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (waitUntilDue()) {
                expireTransactions();
                closeIfDue();
            }
        } catch (final RuntimeException | AssertionError e) {
            // AssertionError is how the ledger reports a broken invariant: stop rather than build on it.
            LOG.error("Closing a ledger failed; the node stops closing ledgers", e);
        }
    }

    /**
     * Sleeps until a close may be due or the closer is stopped; false when stopped. The due time is recomputed on
     * every wake-up, so a transaction arriving at an idle node shortens the wait.
     */
    private boolean waitUntilDue() {
        lock.lock();
        try {
            while (running) {
                final long now = System.nanoTime();
                final long dueNanos = nextDueNanos();
                if (now - dueNanos >= 0) {
                    return true;
                }
                wakeUp.awaitNanos(dueNanos - now);
            }
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The earliest instant worth looking: the next busy close if anything is pending, else the idle close. */
    private long nextDueNanos() {
        final long idleDue = lastCloseNanos + millisToNanos(timing.idleCloseIntervalMillis());
        if (mempool.size() == 0) {
            return idleDue;
        }
        final long busyDue = Math.max(lastCloseNanos + millisToNanos(timing.closeIntervalMillis()), nextReadyCheckNanos);
        return busyDue - idleDue < 0 ? busyDue : idleDue;
    }

    private void expireTransactions() {
        final List<VerifiedTransaction> expired = mempool.expire(clock.millis());
        if (!expired.isEmpty()) {
            metrics.transactionsExpired(expired.size());
            LOG.info("Dropped {} transactions that waited in the mempool for {} ms or more",
                expired.size(), mempool.limits().expiryMillis());
        }
    }

    private void closeIfDue() {
        final long now = System.nanoTime();
        final boolean idleDue = now - (lastCloseNanos + millisToNanos(timing.idleCloseIntervalMillis())) >= 0;
        final List<VerifiedTransaction> ready = LedgerBatches.takeReady(ledger, mempool);
        if (ready.isEmpty() && !idleDue) {
            // Only transactions behind a nonce gap are pending: look again one interval later.
            nextReadyCheckNanos = now + millisToNanos(timing.closeIntervalMillis());
            return;
        }
        closeLedger(ready);
    }

    private void closeLedger(final List<VerifiedTransaction> transactions) {
        final long startNanos = System.nanoTime();
        final long closeTimeMicros = LedgerBatches.nextCloseTimeMicros(ledger, clock);
        final ClosedLedger closed = ledger.close(transactions, closeTimeMicros);
        final long durationNanos = System.nanoTime() - startNanos;
        lastCloseNanos = System.nanoTime();
        nextReadyCheckNanos = lastCloseNanos;
        LedgerBatches.pruneMempool(ledger, mempool, transactions, closed.rejected());
        metrics.ledgerClosed(closed, durationNanos);
        LOG.debug("Closed ledger {} with {} transactions ({} left out) in {} ms", closed.header().getSeq(),
            closed.results().size(), closed.rejected().size(), TimeUnit.NANOSECONDS.toMillis(durationNanos));
        lock.lock();
        try {
            ledgerClosed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static long millisToNanos(final long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
