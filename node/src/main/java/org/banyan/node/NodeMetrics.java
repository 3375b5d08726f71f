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

/**
 * The node's Prometheus metrics: chain height, throughput, mempool size, commit latency and submission outcomes, and
 * with consensus its round, peers, proposal-to-commit latency, missing votes, sign-state failures and ignored inputs.
 */
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

    /** Registers the consensus gauges; the suppliers are read at scrape time. */
    public void registerConsensus(final LongSupplier round, final LongSupplier peersConnected) {
        Gauge.builder("banyan_consensus_round", round::getAsLong)
            .description("Consensus round at the current height").register(registry);
        Gauge.builder("banyan_p2p_peers_connected", peersConnected::getAsLong)
            .description("Authenticated peers connected now").register(registry);
    }

    /** Records the time from the first proposal seen at a height to its commit. */
    public void consensusCommitted(final long proposalToCommitNanos) {
        Timer.builder("banyan_consensus_commit_latency")
            .description("Time from the first proposal of a height to its commit")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(60))
            .register(registry)
            .record(proposalToCommitNanos, TimeUnit.NANOSECONDS);
    }

    /** Records validators whose precommit is missing from a commit certificate. */
    public void missingVotes(final int validators) {
        Counter.builder("banyan_consensus_missing_votes")
            .description("Validators whose precommit was not in a height's commit certificate")
            .register(registry)
            .increment(validators);
    }

    /** Records a failed sign-state sync, after which the node stops signing. */
    public void signStateSyncFailed() {
        Counter.builder("banyan_consensus_sign_state_sync_failures")
            .description("Sign-state writes that failed to sync; consensus stops after one")
            .register(registry)
            .increment();
    }

    /** Records a consensus input dropped; the reason is a label from a small, fixed set. */
    public void consensusInputIgnored(final String reason) {
        Counter.builder("banyan_consensus_messages_ignored")
            .description("Consensus messages and inputs dropped, by reason")
            .tag("reason", reason)
            .register(registry)
            .increment();
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
