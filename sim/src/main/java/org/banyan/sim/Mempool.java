package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.Account;
import org.banyan.protocol.consensus.SignedTransaction;

/**
 * A node's pending transactions, in arrival order, capped; proposals take each source's nonces in sequence. Only
 * accounts that exist may send: a transaction from an unknown source could never pay, and admitting such ones would
 * let anyone with a key fill every pool and push out the clients' transactions.
 */
final class Mempool {

    /** Pending transactions a node keeps; beyond it new ones are dropped, as a real mempool pushes back. */
    static final int MAX_TRANSACTIONS = 5_000;

    /** Transactions one simulated block carries; small blocks keep a run's ledger work light. */
    static final int MAX_TRANSACTIONS_PER_BLOCK = 20;

    /** A pending transaction with its decoded form. */
    record Entry(SignedTransaction envelope, VerifiedTransaction transaction) {
    }

    /** What offering a transaction did. */
    enum Admission {
        ADDED, ALREADY_PENDING, POOL_FULL, UNKNOWN_SOURCE;

        /** How a node's reaction counts name it. */
        String describe() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private final Map<ByteString, Entry> pending = new LinkedHashMap<>();
    private final boolean enforcesRules;

    Mempool() {
        this(true);
    }

    private Mempool(final boolean enforcesRules) {
        this.enforcesRules = enforcesRules;
    }

    /** A pool that lost its cap and its source rule: the planted bug {@link InjectedBug#UNBOUNDED_MEMPOOL}. */
    static Mempool withoutAdmissionRules() {
        return new Mempool(false);
    }

    /** Adds a transaction unless it is pending already, the pool is full, or its source has no account. */
    Admission add(final Entry entry, final Ledger ledger) {
        final ByteString hash = ByteString.copyFrom(entry.transaction().hash());
        if (pending.containsKey(hash)) {
            return Admission.ALREADY_PENDING;
        }
        if (enforcesRules && pending.size() >= MAX_TRANSACTIONS) {
            return Admission.POOL_FULL;
        }
        if (enforcesRules && ledger.account(entry.transaction().source()).isEmpty()) {
            return Admission.UNKNOWN_SOURCE;
        }
        pending.put(hash, entry);
        return Admission.ADDED;
    }

    /** The pending transactions, in arrival order. */
    List<VerifiedTransaction> transactions() {
        return pending.values().stream().map(Entry::transaction).toList();
    }

    void removeAll(final Collection<ByteString> hashes) {
        hashes.forEach(pending::remove);
    }

    int size() {
        return pending.size();
    }

    /**
     * Transactions for a block: per source (in address order), consecutive nonces after the committed one, so that
     * none is excluded for a nonce gap.
     */
    List<SignedTransaction> select(final Ledger ledger) {
        final Map<String, NavigableMap<Long, Entry>> bySource = new TreeMap<>();
        for (final Entry entry : pending.values()) {
            bySource.computeIfAbsent(entry.transaction().source(), source -> new TreeMap<>())
                    .put(entry.transaction().nonce(), entry);
        }
        final List<SignedTransaction> selected = new ArrayList<>();
        for (final Map.Entry<String, NavigableMap<Long, Entry>> source : bySource.entrySet()) {
            long nonce = ledger.account(source.getKey()).map(Account::getNonce).orElse(0L) + 1;
            while (selected.size() < MAX_TRANSACTIONS_PER_BLOCK && source.getValue().containsKey(nonce)) {
                selected.add(source.getValue().get(nonce).envelope());
                nonce++;
            }
        }
        return selected;
    }
}
