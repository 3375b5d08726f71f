package org.banyan.p2p;

import com.google.protobuf.ByteString;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.banyan.crypto.Hashes;
import org.banyan.protocol.consensus.SignedTransaction;
import org.banyan.protocol.p2p.PeerMessage;
import org.banyan.protocol.p2p.TransactionBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Floods transactions through the peers, checking each one once.
 *
 * <p>A transaction from a peer ({@link #receive}) is looked up in a bounded set of envelopes seen; a new one goes to a
 * bounded queue in front of {@link TransactionGossipConfig#verifierThreads} threads, which run the node's
 * {@link TransactionVerifier} and relay it to every other peer if valid. {@link #receive} never blocks, so it can be
 * called from {@link PeerMessageHandler#onMessage} on the event loop. When the queue is full the transaction is dropped
 * and counted, and forgotten so that a later copy gets its check.
 *
 * <p>Relays travel in batches ({@link RelayOutbox}): a frame per transaction would cost more in encryption, writes and
 * wake-ups than the transaction's own handling.
 *
 * <p>Envelopes are keyed by the SHA-256 of the whole {@code SignedTransaction}, signatures included, not by transaction
 * hash: otherwise a peer could send a copy with a bad signature first and have the genuine one ignored as a duplicate.
 * Envelopes the verifier rejects stay in the seen set, so that an invalid one is never checked twice.
 */
public final class TransactionGossip implements AutoCloseable {

    /** Sends a message to all peers but, optionally, the one it came from. */
    @FunctionalInterface
    public interface Relay {
        void relay(PeerMessage message, Optional<String> exceptPeerAddress);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TransactionGossip.class);

    private final TransactionVerifier verifier;
    private final SeenSet seen;
    private final ThreadPoolExecutor verifiers;
    private final RelayOutbox outbox;
    private final ScheduledExecutorService flusher;
    private final LongAdder received = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder invalid = new LongAdder();
    private final LongAdder relayed = new LongAdder();
    private final LongAdder oversizedBatches = new LongAdder();

    /** Gossip that relays through the given sink; see {@link #over} for the usual wiring. */
    public TransactionGossip(final TransactionGossipConfig config, final TransactionVerifier verifier,
                             final Relay relay) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.outbox = new RelayOutbox(Objects.requireNonNull(relay, "relay"));
        this.seen = new SeenSet(config.seenCapacity());
        this.verifiers = new ThreadPoolExecutor(config.verifierThreads(), config.verifierThreads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(config.maxPendingVerifications()),
                new DefaultThreadFactory("banyan-tx-verifier", true), new ThreadPoolExecutor.AbortPolicy());
        this.flusher = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("banyan-tx-relay", true));
        flusher.scheduleWithFixedDelay(outbox::flush, Limits.GOSSIP_FLUSH_INTERVAL_MILLIS,
                Limits.GOSSIP_FLUSH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Gossip over a peer network: relays go to every connected peer but the sender. */
    public static TransactionGossip over(final PeerNetwork network, final TransactionGossipConfig config,
                                         final TransactionVerifier verifier) {
        return new TransactionGossip(config, verifier, network::broadcastExcept);
    }

    /**
     * Takes a batch a peer sent, transaction by transaction; a batch over {@link Limits#MAX_GOSSIP_BATCH_TRANSACTIONS}
     * breaks the protocol and is refused whole (and counted).
     *
     * @return false if the batch was refused
     */
    public boolean receive(final String fromPeerAddress, final TransactionBatch batch) {
        if (batch.getTransactionsCount() > Limits.MAX_GOSSIP_BATCH_TRANSACTIONS) {
            oversizedBatches.increment();
            LOG.warn("{} sent a batch of {} transactions; at most {} are allowed", fromPeerAddress,
                    batch.getTransactionsCount(), Limits.MAX_GOSSIP_BATCH_TRANSACTIONS);
            return false;
        }
        for (final SignedTransaction transaction : batch.getTransactionsList()) {
            receive(fromPeerAddress, transaction);
        }
        return true;
    }

    /** Takes a transaction a peer sent: ignores it if seen, else queues it for verification and relay. */
    public GossipReceipt receive(final String fromPeerAddress, final SignedTransaction transaction) {
        received.increment();
        final ByteString key = keyOf(transaction);
        if (!seen.add(key)) {
            duplicates.increment();
            return GossipReceipt.DUPLICATE;
        }
        try {
            verifiers.execute(() -> verifyAndRelay(transaction, fromPeerAddress));
            return GossipReceipt.VERIFYING;
        } catch (final RejectedExecutionException e) {
            seen.remove(key);
            dropped.increment();
            return GossipReceipt.BUSY;
        }
    }

    /**
     * Relays a transaction this node accepted itself (from its API), without verifying it again, and remembers it
     * so that echoes from peers are ignored.
     *
     * @return false if it was seen already, and so not relayed again
     */
    public boolean announceLocal(final SignedTransaction transaction) {
        if (!seen.add(keyOf(transaction))) {
            return false;
        }
        relayed.increment();
        outbox.add(transaction, Optional.empty());
        return true;
    }

    /** The counters since start. */
    public GossipMetrics metrics() {
        return new GossipMetrics(received.sum(), duplicates.sum(), dropped.sum(), invalid.sum(), relayed.sum(),
                oversizedBatches.sum());
    }

    /** Envelopes remembered now; never more than {@link TransactionGossipConfig#seenCapacity}. */
    public int seenCount() {
        return seen.size();
    }

    /** Stops taking transactions, lets queued verifications finish for a bounded time, and sends what waits. */
    @Override
    public void close() {
        flusher.shutdownNow();
        verifiers.shutdown();
        try {
            if (!verifiers.awaitTermination(Limits.GOSSIP_SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                verifiers.shutdownNow();
            }
        } catch (final InterruptedException e) {
            verifiers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        outbox.flush();
    }

    private void verifyAndRelay(final SignedTransaction transaction, final String fromPeerAddress) {
        final boolean valid;
        try {
            valid = verifier.verify(transaction);
        } catch (final RuntimeException e) {
            // A verifier bug must not kill the thread silently or spread to other transactions.
            LOG.error("the transaction verifier failed on a transaction from {}", fromPeerAddress, e);
            invalid.increment();
            return;
        }
        if (!valid) {
            invalid.increment();
            return;
        }
        relayed.increment();
        outbox.add(transaction, Optional.of(fromPeerAddress));
    }

    private static ByteString keyOf(final SignedTransaction transaction) {
        return ByteString.copyFrom(Hashes.sha256(transaction.toByteArray()));
    }
}
