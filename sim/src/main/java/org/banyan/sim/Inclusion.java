package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.banyan.crypto.Hex;
import org.banyan.ledger.VerifiedTransaction;

/**
 * L4 inclusion, weak censorship resistance (spec §3.3): after GST, a transaction delivered to every correct node
 * commits within {@link #BOUND_HEIGHTS} heights. A transaction can only run after its source's earlier nonces, so the
 * clock starts once it and every uncommitted predecessor sit in every correct node's mempool: then it is
 * <em>includable</em>, and any correct proposer would pick it.
 *
 * <p>Deliveries count from GST: each correct node's mempool then, and every admission after. Checked whenever a height
 * is first decided.
 */
final class Inclusion {

    /**
     * Heights within which an includable transaction commits. A block carries
     * {@link Mempool#MAX_TRANSACTIONS_PER_BLOCK} transactions, and clients send about ten a second, so the backlog left
     * at GST (at most the few dozen sent during the fault phase) clears in three blocks; a height decided on a value
     * locked before the transaction arrived and a faulty proposer's height may each add one more.
     */
    static final int BOUND_HEIGHTS = 6;

    /** A transaction seen in correct mempools after GST and not yet committed. */
    private static final class Delivery {
        final ByteString hash;
        final String source;
        final long nonce;
        final Set<Integer> holders = new HashSet<>();
        long includableAtHeight = -1;

        Delivery(final ByteString hash, final String source, final long nonce) {
            this.hash = hash;
            this.source = source;
            this.nonce = nonce;
        }
    }

    private final ViolationReporter reporter;
    private final FaultCounts counts;
    private final Set<Integer> correctNodes;
    private final Predicate<ByteString> committed;
    private final Map<ByteString, Delivery> deliveries = new HashMap<>();
    private final Map<String, NavigableMap<Long, Delivery>> bySource = new HashMap<>();
    private final Map<String, Long> committedNonces = new HashMap<>();
    private boolean afterGst;

    /**
     * @param correctNodes ids of every correct node, validator or not
     * @param committed whether a transaction (by hash) is in a block a correct node committed
     */
    Inclusion(final ViolationReporter reporter, final FaultCounts counts, final Set<Integer> correctNodes,
              final Predicate<ByteString> committed) {
        this.reporter = reporter;
        this.counts = counts;
        this.correctNodes = Set.copyOf(correctNodes);
        this.committed = committed;
    }

    /** GST: what correct mempools hold now counts as delivered. */
    void onGst(final List<SimNode> correct) {
        afterGst = true;
        for (final SimNode node : correct) {
            node.pendingTransactions().forEach(transaction -> onAdmitted(node, transaction));
        }
    }

    /** A node put a transaction in its mempool. */
    void onAdmitted(final SimNode node, final VerifiedTransaction transaction) {
        final ByteString hash = ByteString.copyFrom(transaction.hash());
        if (!afterGst || !node.isCorrect() || committed.test(hash)) {
            return;
        }
        deliveries.computeIfAbsent(hash, key -> {
            final Delivery delivery = new Delivery(key, transaction.source(), transaction.nonce());
            bySource.computeIfAbsent(delivery.source, source -> new TreeMap<>()).put(delivery.nonce, delivery);
            return delivery;
        }).holders.add(node.id);
    }

    /** A correct node was the first to decide {@code height}, with these transactions. */
    void onDecided(final long height, final List<VerifiedTransaction> included) {
        for (final VerifiedTransaction transaction : included) {
            committedNonces.merge(transaction.source(), transaction.nonce(), Math::max);
            final Delivery delivery = deliveries.remove(ByteString.copyFrom(transaction.hash()));
            if (delivery != null) {
                bySource.get(delivery.source).remove(delivery.nonce);
                if (delivery.includableAtHeight >= 0) {
                    counts.reaction("includable transactions committed after GST");
                }
            }
        }
        if (!afterGst) {
            return;
        }
        for (final Map.Entry<String, NavigableMap<Long, Delivery>> source : bySource.entrySet()) {
            long expected = committedNonces.getOrDefault(source.getKey(), 0L) + 1;
            for (final Delivery delivery : source.getValue().values()) {
                if (delivery.nonce != expected || !delivery.holders.containsAll(correctNodes)) {
                    break;
                }
                expected++;
                if (delivery.includableAtHeight < 0) {
                    delivery.includableAtHeight = height;
                } else if (height > delivery.includableAtHeight + BOUND_HEIGHTS) {
                    reporter.report("L4 inclusion", "transaction " + Hex.encode(delivery.hash.substring(0, 8)
                            .toByteArray()) + " (nonce " + delivery.nonce + " of " + delivery.source + ") and its"
                            + " predecessors were in every correct mempool at height " + delivery.includableAtHeight
                            + ", and height " + height + " still does not commit it");
                    return;
                }
            }
        }
    }
}
