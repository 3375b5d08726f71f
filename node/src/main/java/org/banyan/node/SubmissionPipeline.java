package org.banyan.node;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.TransactionDecoder;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.node.mempool.Insertion;
import org.banyan.node.mempool.Mempool;

/**
 * Takes submitted transactions into the mempool: decode and verify every signature (in parallel, on a pool sized to
 * the cores, because signature checks are the cost of admission), then, in submission order, check each against
 * committed state and insert it. Keeping the second stage in order lets one request carry consecutive nonces of one
 * account. Every item gets its own result; a bad item never affects the others.
 */
public final class SubmissionPipeline implements AutoCloseable {

    /** Items per submit request: a request is handled in one go, so this bounds its CPU time (~1 s on 2 cores). */
    public static final int MAX_ITEMS_PER_REQUEST = 10_000;

    /**
     * Decode tasks that may wait for a verifier thread. Requests split into a few tasks each, so this covers many
     * concurrent requests; past it the submitting thread verifies its own items, which slows the submitter, not the node.
     */
    private static final int VERIFIER_QUEUE_CAPACITY = 1_024;

    /** Below this many items a request is verified on the calling thread: a hand-off would cost more than it saves. */
    private static final int PARALLEL_THRESHOLD_ITEMS = 4;

    /** How long {@link #close()} lets verifications in progress finish. */
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 10_000;

    private final Ledger ledger;
    private final Mempool mempool;
    private final Clock clock;
    private final NodeMetrics metrics;
    private final Consumer<List<VerifiedTransaction>> onAccepted;
    private final Consumer<VerifiedTransaction> prepare;
    private final ThreadPoolExecutor verifiers;

    /**
     * @param verifierThreads threads that verify signatures; the number of cores is right for a dedicated node
     * @param onAccepted called once after a request put at least one transaction into the mempool, with those
     *     transactions in order
     * @param prepare called for each accepted transaction on the verifier threads, before the request is answered,
     *     to do ahead of execution what depends on the transaction alone (the DDO contract's document proofs); it must
     *     not throw
     */
    public SubmissionPipeline(final Ledger ledger, final Mempool mempool, final Clock clock, final NodeMetrics metrics,
                              final int verifierThreads, final Consumer<List<VerifiedTransaction>> onAccepted,
                              final Consumer<VerifiedTransaction> prepare) {
        if (verifierThreads < 1) {
            throw new IllegalArgumentException("verifierThreads must be at least 1 but is " + verifierThreads);
        }
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.mempool = Objects.requireNonNull(mempool, "mempool");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.onAccepted = Objects.requireNonNull(onAccepted, "onAccepted");
        this.prepare = Objects.requireNonNull(prepare, "prepare");
        this.verifiers = new ThreadPoolExecutor(verifierThreads, verifierThreads, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(VERIFIER_QUEUE_CAPACITY), namedDaemonThreads(),
            new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Admits the items; returns one result per item, in order. */
    public List<SubmissionResult> submit(final List<SubmissionItem> items) {
        if (items.size() > MAX_ITEMS_PER_REQUEST) {
            throw new IllegalArgumentException(
                "a request may carry at most " + MAX_ITEMS_PER_REQUEST + " items, got " + items.size());
        }
        final List<Decoded> decoded = decodeAll(items);
        final List<SubmissionResult> results = new ArrayList<>(items.size());
        final List<VerifiedTransaction> accepted = new ArrayList<>();
        for (final Decoded item : decoded) {
            final SubmissionResult result = admit(item);
            if (result.error().isPresent()) {
                metrics.transactionRejected(result.error().get().number());
            } else {
                metrics.transactionAccepted();
                accepted.add(item.outcome().value());
            }
            results.add(result);
        }
        if (!accepted.isEmpty()) {
            // Prepared before the closer (or consensus) hears of them, so that it rarely does the work twice.
            prepareAll(accepted);
            onAccepted.accept(accepted);
        }
        return results;
    }

    /**
     * Prepares accepted transactions on the verifier threads. The closer may take them from the mempool on its own
     * timer meanwhile: it then simply does the work itself. Only admitted transactions are prepared, so that the work
     * is paid for by fees.
     */
    private void prepareAll(final List<VerifiedTransaction> accepted) {
        if (accepted.size() < PARALLEL_THRESHOLD_ITEMS) {
            accepted.forEach(prepare);
            return;
        }
        final int chunks = Math.min(accepted.size(), verifiers.getCorePoolSize() * 2);
        final int chunkSize = (accepted.size() + chunks - 1) / chunks;
        final List<CompletableFuture<Void>> futures = new ArrayList<>(chunks);
        for (int start = 0; start < accepted.size(); start += chunkSize) {
            final List<VerifiedTransaction> chunk = accepted.subList(start, Math.min(accepted.size(), start + chunkSize));
            futures.add(CompletableFuture.runAsync(() -> chunk.forEach(prepare), verifiers));
        }
        futures.forEach(CompletableFuture::join);
    }

    private SubmissionResult admit(final Decoded item) {
        if (!item.outcome().isOk()) {
            return SubmissionResult.refused(item.hashHex(), item.outcome().error());
        }
        final VerifiedTransaction transaction = item.outcome().value();
        final Outcome<Long> admission = ledger.admissionCheck(transaction);
        if (!admission.isOk()) {
            return SubmissionResult.refused(item.hashHex(), admission.error());
        }
        final Insertion insertion = mempool.add(transaction, clock.millis());
        if (insertion instanceof Insertion.Rejected rejected) {
            return SubmissionResult.refused(item.hashHex(), rejected.error());
        }
        return SubmissionResult.accepted(item.hashHex());
    }

    private List<Decoded> decodeAll(final List<SubmissionItem> items) {
        if (items.size() < PARALLEL_THRESHOLD_ITEMS) {
            return items.stream().map(SubmissionPipeline::decode).toList();
        }
        final int chunks = Math.min(items.size(), verifiers.getCorePoolSize() * 2);
        final int chunkSize = (items.size() + chunks - 1) / chunks;
        final List<CompletableFuture<List<Decoded>>> futures = new ArrayList<>(chunks);
        for (int start = 0; start < items.size(); start += chunkSize) {
            final List<SubmissionItem> chunk = items.subList(start, Math.min(items.size(), start + chunkSize));
            futures.add(CompletableFuture.supplyAsync(() -> chunk.stream().map(SubmissionPipeline::decode).toList(),
                verifiers));
        }
        final List<Decoded> decoded = new ArrayList<>(items.size());
        futures.forEach(future -> decoded.addAll(future.join()));
        return decoded;
    }

    private static Decoded decode(final SubmissionItem item) {
        if (item instanceof SubmissionItem.Malformed malformed) {
            return new Decoded(malformed.hashHex(), Outcome.failed(malformed.error()));
        }
        final SubmissionItem.Envelope envelope = (SubmissionItem.Envelope) item;
        final Outcome<VerifiedTransaction> outcome = TransactionDecoder.decode(envelope.blob(), envelope.signatures());
        // BIF reports the hash of every readable blob, also when its signatures fail.
        final String hashHex = outcome.isOk() ? outcome.value().hashHex() : Hex.encode(Hashes.sha256(envelope.blob()));
        return new Decoded(hashHex, outcome);
    }

    /** Stops the verifier threads; submissions in progress finish first. */
    @Override
    public void close() {
        verifiers.shutdown();
        try {
            verifiers.awaitTermination(SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory namedDaemonThreads() {
        final AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            final Thread thread = new Thread(runnable, "signature-verifier-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** An item after the parallel stage: its hash and the decoder's verdict. */
    private record Decoded(String hashHex, Outcome<VerifiedTransaction> outcome) {
    }
}
