package org.banyan.node;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import org.banyan.ledger.ClosedLedger;
import org.banyan.p2p.PeerNetwork;
import org.banyan.p2p.TransactionGossip;

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
    public void registerConsensus(final LongSupplier round, final LongSupplier peersConnected,
                                  final PeerNetwork network, final TransactionGossip gossip) {
        Gauge.builder("banyan_consensus_round", round::getAsLong)
            .description("Consensus round at the current height").register(registry);
        Gauge.builder("banyan_p2p_peers_connected", peersConnected::getAsLong)
            .description("Authenticated peers connected now").register(registry);
        counter("banyan_p2p_frames_received", "Frames received from authenticated peers",
            network, n -> n.metrics().framesReceived());
        counter("banyan_p2p_frames_sent", "Frames written to peers", network, n -> n.metrics().framesSent());
        counter("banyan_p2p_frames_rejected",
            "Oversized, malformed or out-of-protocol frames; each closed its connection",
            network, n -> n.metrics().framesRejected());
        counter("banyan_p2p_handshakes_rejected",
            "Links refused at the TLS handshake or Hello: not admitted, wrong chain or version, timeout",
            network, n -> n.metrics().handshakesRejected());
        counter("banyan_p2p_connections_refused", "Inbound connections refused at the connection cap",
            network, n -> n.metrics().connectionsRefused());
        counter("banyan_p2p_received_bytes", "Bytes read from peers, TLS included",
            network, n -> n.metrics().bytesIn());
        counter("banyan_p2p_sent_bytes", "Bytes written to peers, TLS included", network, n -> n.metrics().bytesOut());
        counter("banyan_p2p_messages_dropped", "Messages not sent because a peer's outbound queue was full",
            network, n -> n.metrics().messagesDropped());
        counter("banyan_gossip_transactions_received", "Transactions received from peers",
            gossip, g -> g.metrics().received());
        counter("banyan_gossip_transactions_duplicate", "Received transactions already seen",
            gossip, g -> g.metrics().duplicates());
        counter("banyan_gossip_transactions_dropped", "Received transactions dropped at a full verifier queue",
            gossip, g -> g.metrics().dropped());
        counter("banyan_gossip_transactions_invalid",
            "Received transactions not relayed: invalid, or stale (their nonce already committed)",
            gossip, g -> g.metrics().invalid());
        counter("banyan_gossip_transactions_relayed", "Transactions relayed to peers",
            gossip, g -> g.metrics().relayed());
        counter("banyan_gossip_batches_oversized", "Gossip batches refused whole for exceeding the cap",
            gossip, g -> g.metrics().oversizedBatches());
    }

    /** A counter read from {@code source}, which the registry holds only weakly: it must live as long as the node. */
    private <T> void counter(final String name, final String description, final T source,
                             final ToLongFunction<T> value) {
        FunctionCounter.builder(name, source, item -> value.applyAsLong(item)).description(description)
            .register(registry);
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
