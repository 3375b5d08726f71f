package org.banyan.node;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.banyan.ledger.ClosedLedger;

/** The node's Prometheus metrics: chain height, throughput, mempool size, commit latency and submission outcomes. */
public final class NodeMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter committedTransactions;
    private final Counter submittedTransactions;
    private final Counter expiredTransactions;
    private final Timer ledgerClose;

    /** Registers every meter; the gauges read the given suppliers at scrape time. */
    public NodeMetrics(final LongSupplier ledgerHeight, final LongSupplier mempoolSize) {
        Gauge.builder("banyan_ledger_height", ledgerHeight::getAsLong)
            .description("Sequence number of the last committed ledger").register(registry);
        Gauge.builder("banyan_mempool_size", mempoolSize::getAsLong)
            .description("Transactions waiting in the mempool").register(registry);
        committedTransactions = Counter.builder("banyan_transactions_committed")
            .description("Transactions included in committed ledgers, successful or failed").register(registry);
        submittedTransactions = Counter.builder("banyan_transactions_submitted")
            .description("Transactions accepted into the mempool").register(registry);
        expiredTransactions = Counter.builder("banyan_transactions_expired")
            .description("Transactions dropped from the mempool after waiting too long").register(registry);
        ledgerClose = Timer.builder("banyan_ledger_close")
            .description("Time to execute and commit one ledger")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
    }

    /** Records a committed ledger and how long its close took. */
    public void ledgerClosed(final ClosedLedger closed, final long durationNanos) {
        committedTransactions.increment(closed.results().size());
        ledgerClose.record(durationNanos, TimeUnit.NANOSECONDS);
    }

    /** Records a transaction that entered the mempool. */
    public void transactionAccepted() {
        submittedTransactions.increment();
    }

    /** Records a submitted transaction refused with a BIF error code; the code becomes a label (a small, fixed set). */
    public void transactionRejected(final int errorCode) {
        Counter.builder("banyan_transactions_rejected")
            .description("Submitted transactions refused, by BIF error code")
            .tag("error_code", Integer.toString(errorCode))
            .register(registry)
            .increment();
    }

    /** Records transactions dropped by mempool expiry. */
    public void transactionsExpired(final int count) {
        expiredTransactions.increment(count);
    }

    /** The metrics in Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }
}
