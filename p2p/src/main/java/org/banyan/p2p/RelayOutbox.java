package org.banyan.p2p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.banyan.protocol.consensus.SignedTransaction;
import org.banyan.protocol.p2p.PeerMessage;
import org.banyan.protocol.p2p.TransactionBatch;

/**
 * Transactions waiting to be relayed, grouped by the peer they must skip (the one they came from, or none for the
 * node's own). A group leaves as one {@link TransactionBatch} when it is full or when {@link #flush} runs, which gossip
 * does every {@link Limits#GOSSIP_FLUSH_INTERVAL_MILLIS}. Thread-safe; sending happens outside the lock.
 */
final class RelayOutbox {

    /** One group: the transactions and their bytes. */
    private static final class Group {
        final List<SignedTransaction> transactions = new ArrayList<>();
        long bytes;
    }

    private final TransactionGossip.Relay relay;
    // Guarded by this.
    private final Map<Optional<String>, Group> groups = new HashMap<>();

    RelayOutbox(final TransactionGossip.Relay relay) {
        this.relay = Objects.requireNonNull(relay, "relay");
    }

    /** Queues a transaction for every peer but {@code exceptPeerAddress}; sends its group at once if that is full. */
    void add(final SignedTransaction transaction, final Optional<String> exceptPeerAddress) {
        final Group full;
        synchronized (this) {
            final Group group = groups.computeIfAbsent(exceptPeerAddress, key -> new Group());
            group.transactions.add(transaction);
            group.bytes += transaction.getSerializedSize();
            if (group.transactions.size() < Limits.MAX_GOSSIP_BATCH_TRANSACTIONS
                    && group.bytes < Limits.MAX_GOSSIP_BATCH_BYTES) {
                return;
            }
            full = groups.remove(exceptPeerAddress);
        }
        send(exceptPeerAddress, full);
    }

    /** Sends every group now. */
    void flush() {
        final Map<Optional<String>, Group> ready;
        synchronized (this) {
            if (groups.isEmpty()) {
                return;
            }
            ready = new HashMap<>(groups);
            groups.clear();
        }
        ready.forEach(this::send);
    }

    /** Transactions waiting now. */
    synchronized int size() {
        return groups.values().stream().mapToInt(group -> group.transactions.size()).sum();
    }

    private void send(final Optional<String> exceptPeerAddress, final Group group) {
        relay.relay(PeerMessage.newBuilder()
                .setTransactions(TransactionBatch.newBuilder().addAllTransactions(group.transactions)).build(),
                exceptPeerAddress);
    }
}
