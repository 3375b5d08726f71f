package org.banyan.node.mempool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.banyan.ledger.LedgerError;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.ERRORCODE;

/**
 * The pool of verified transactions waiting for a ledger, with BIF's rules.
 *
 * <p><b>Keys.</b> A pending transaction is identified both by its hash and by (source account, nonce). A second
 * transaction with a pending hash is a duplicate and is refused ({@code ERRCODE_ALREADY_EXIST}). A second transaction
 * with a pending (source, nonce) replaces the first only when its gas price is at least 1.1 times the old one, as in
 * BIF's transaction queue; otherwise it is dropped with BIF's error ({@code ERRCODE_TX_INSERT_QUEUE_FAIL}, "Drop the
 * transaction to insert queue because of low fee").
 *
 * <p><b>Nonce gaps.</b> The pool does not require consecutive nonces. A transaction whose predecessor is missing
 * waits; {@link #takeReady} only hands out runs of consecutive nonces that start right after the account's committed
 * nonce, so a gap stalls that one account until the gap is filled or the waiting transactions expire.
 *
 * <p><b>Caps.</b> Each account may have {@link MempoolLimits#maxTransactionsPerAccount()} pending transactions (more
 * are refused with BIF's per-account error, code 160). The whole pool holds {@link MempoolLimits#maxTransactions()}.
 * When it is full, a newcomer that pays a strictly higher gas price than the cheapest pending transaction evicts it
 * (among equally cheap ones, the most recent arrival goes first); otherwise the newcomer is refused with
 * {@code ERRCODE_OUT_OF_TXCACHE}. This keeps a flood of cheap transactions from locking out paying ones, which is also
 * what BIF does when it trims the tail of its priority queue.
 *
 * <p><b>Expiry.</b> Time is an input: every transaction records the caller's arrival time in milliseconds, and
 * {@link #expire} drops those older than {@link MempoolLimits#expiryMillis()}.
 *
 * <p><b>Concurrency.</b> Every method takes one lock, so the pool is linearizable. The committed-nonce lookups that
 * {@link #takeReady} needs run outside the lock so that slow state reads do not block submissions.
 */
public final class Mempool {

    /** BIF's replacement rule: a same-nonce replacement must raise the gas price by at least one tenth. */
    private static final long REPLACEMENT_DIVISOR = 10;

    /** Highest gas price first, then first come, first served: the order ledgers are filled in. */
    private static final Comparator<PendingTransaction> PRIORITY =
        Comparator.comparingLong(PendingTransaction::gasPrice).reversed()
            .thenComparingLong(PendingTransaction::arrivalSequence);

    /** Cheapest first, and among equals the latest arrival: the order a full pool evicts in. */
    private static final Comparator<PendingTransaction> EVICTION =
        Comparator.comparingLong(PendingTransaction::gasPrice)
            .thenComparing(Comparator.comparingLong(PendingTransaction::arrivalSequence).reversed());

    private static final Comparator<PendingTransaction> ARRIVAL =
        Comparator.comparingLong(PendingTransaction::arrivalMillis)
            .thenComparingLong(PendingTransaction::arrivalSequence);

    private final MempoolLimits limits;
    private final ReentrantLock lock = new ReentrantLock();

    // All guarded by lock; the four indexes always hold the same transactions.
    private final Map<String, PendingTransaction> byHash = new HashMap<>();
    private final Map<String, TreeMap<Long, PendingTransaction>> byAccount = new HashMap<>();
    private final TreeSet<PendingTransaction> byEviction = new TreeSet<>(EVICTION);
    private final TreeSet<PendingTransaction> byArrival = new TreeSet<>(ARRIVAL);
    private long nextArrivalSequence;

    /** An empty pool with the given caps. */
    public Mempool(final MempoolLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The caps this pool enforces. */
    public MempoolLimits limits() {
        return limits;
    }

    /**
     * Adds a transaction that passed admission. {@code nowMillis} is its arrival time, from which expiry counts.
     * A rejection leaves the pool unchanged.
     */
    public Insertion add(final VerifiedTransaction transaction, final long nowMillis) {
        Objects.requireNonNull(transaction, "transaction");
        lock.lock();
        try {
            if (byHash.containsKey(transaction.hashHex())) {
                return rejected(ERRORCODE.ERRCODE_ALREADY_EXIST,
                    "Receive duplicate transaction: " + transaction.hashHex() + " is already pending");
            }
            final PendingTransaction pending = new PendingTransaction(transaction, nowMillis, nextArrivalSequence);
            final TreeMap<Long, PendingTransaction> account = byAccount.get(transaction.source());
            final PendingTransaction sameNonce = account == null ? null : account.get(transaction.nonce());
            if (sameNonce != null) {
                return replace(sameNonce, pending);
            }
            if (account != null && account.size() >= limits.maxTransactionsPerAccount()) {
                return rejected(ERRORCODE.ERRCODE_TX_INSERT_QUEUE_FAIL,
                    "The transaction exceeds the cache limit for each account in the queue ("
                        + limits.maxTransactionsPerAccount() + "): " + describe(transaction));
            }
            Optional<String> evicted = Optional.empty();
            if (byHash.size() >= limits.maxTransactions()) {
                final PendingTransaction cheapest = byEviction.first();
                if (transaction.gasPrice() <= cheapest.gasPrice()) {
                    return rejected(ERRORCODE.ERRCODE_OUT_OF_TXCACHE,
                        "The transaction pool is full (" + limits.maxTransactions() + " transactions) and gas price "
                            + transaction.gasPrice() + " does not outbid the cheapest pending transaction ("
                            + cheapest.gasPrice() + ")");
                }
                unindex(cheapest);
                evicted = Optional.of(cheapest.hashHex());
            }
            index(pending);
            return new Insertion.Added(evicted);
        } finally {
            lock.unlock();
        }
    }

    private Insertion replace(final PendingTransaction old, final PendingTransaction replacement) {
        if (!outbids(replacement.gasPrice(), old.gasPrice())) {
            return rejected(ERRORCODE.ERRCODE_TX_INSERT_QUEUE_FAIL,
                "Drop the transaction to insert queue because of low fee: gas price " + replacement.gasPrice()
                    + " is lower than 1.1 times that of the queued transaction " + old.hashHex()
                    + " with the same nonce (" + old.gasPrice() + "): " + describe(replacement.transaction()));
        }
        unindex(old);
        index(replacement);
        return new Insertion.Replaced(old.hashHex());
    }

    /** True when {@code newPrice >= 1.1 × oldPrice}, computed exactly and without overflow. */
    static boolean outbids(final long newPrice, final long oldPrice) {
        if (newPrice < oldPrice) {
            return false;
        }
        // newPrice >= oldPrice * 11 / 10, rearranged as (newPrice - oldPrice) >= ceil(oldPrice / 10), which cannot overflow.
        final long required = -Math.floorDiv(-oldPrice, REPLACEMENT_DIVISOR);
        return newPrice - oldPrice >= required;
    }

    /**
     * The transactions to put in the next ledger, at most {@code max}: for every account the run of consecutive
     * nonces starting at its committed nonce + 1, merged across accounts by gas price (highest first) and then
     * arrival. Within one account the nonces stay in order, so every prefix of the result is executable. The
     * transactions stay pending until {@link #removeCommitted} or {@link #remove} drops them.
     *
     * @param committedNonce the account's nonce in the last committed ledger (0 for an account that does not exist)
     */
    public List<VerifiedTransaction> takeReady(final int max, final Function<String, Long> committedNonce) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative but is " + max);
        }
        final List<String> sources;
        lock.lock();
        try {
            sources = new ArrayList<>(byAccount.keySet());
        } finally {
            lock.unlock();
        }
        final Map<String, Long> nonces = new HashMap<>();
        for (final String source : sources) {
            nonces.put(source, committedNonce.apply(source));
        }
        lock.lock();
        try {
            return mergeRuns(max, nonces);
        } finally {
            lock.unlock();
        }
    }

    private List<VerifiedTransaction> mergeRuns(final int max, final Map<String, Long> committedNonces) {
        final PriorityQueue<RunCursor> heads = new PriorityQueue<>(Comparator.comparing(RunCursor::head, PRIORITY));
        for (final Map.Entry<String, Long> entry : committedNonces.entrySet()) {
            final TreeMap<Long, PendingTransaction> account = byAccount.get(entry.getKey());
            if (account != null) {
                RunCursor.start(account, entry.getValue()).ifPresent(heads::add);
            }
        }
        final List<VerifiedTransaction> ready = new ArrayList<>();
        while (ready.size() < max && !heads.isEmpty()) {
            final RunCursor cursor = heads.poll();
            ready.add(cursor.head().transaction());
            cursor.advance().ifPresent(heads::add);
        }
        return ready;
    }

    /** Walks one account's run of consecutive nonces. */
    private record RunCursor(TreeMap<Long, PendingTransaction> account, PendingTransaction head) {

        static Optional<RunCursor> start(final TreeMap<Long, PendingTransaction> account, final long committedNonce) {
            return Optional.ofNullable(account.get(committedNonce + 1)).map(head -> new RunCursor(account, head));
        }

        Optional<RunCursor> advance() {
            return Optional.ofNullable(account.get(head.nonce() + 1)).map(next -> new RunCursor(account, next));
        }
    }

    /**
     * Drops, for each account given, every pending transaction whose nonce is at or below the account's new
     * committed nonce: they were included in a ledger or can never be. Returns how many were dropped.
     */
    public int removeCommitted(final Map<String, Long> committedNonceBySource) {
        lock.lock();
        try {
            int removed = 0;
            for (final Map.Entry<String, Long> entry : committedNonceBySource.entrySet()) {
                final TreeMap<Long, PendingTransaction> account = byAccount.get(entry.getKey());
                if (account == null) {
                    continue;
                }
                final NavigableMap<Long, PendingTransaction> done = account.headMap(entry.getValue(), true);
                for (final PendingTransaction pending : List.copyOf(done.values())) {
                    unindex(pending);
                    removed++;
                }
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /** Drops one transaction by hash; false when it was not pending. */
    public boolean remove(final String hashHex) {
        lock.lock();
        try {
            final PendingTransaction pending = byHash.get(hashHex);
            if (pending == null) {
                return false;
            }
            unindex(pending);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Drops and returns the transactions that arrived {@code expiryMillis} or longer before {@code nowMillis}. */
    public List<VerifiedTransaction> expire(final long nowMillis) {
        lock.lock();
        try {
            final List<VerifiedTransaction> expired = new ArrayList<>();
            final Iterator<PendingTransaction> oldestFirst = byArrival.iterator();
            while (oldestFirst.hasNext()) {
                final PendingTransaction pending = oldestFirst.next();
                if (nowMillis - pending.arrivalMillis() < limits.expiryMillis()) {
                    break;
                }
                expired.add(pending.transaction());
            }
            expired.forEach(transaction -> unindex(byHash.get(transaction.hashHex())));
            return expired;
        } finally {
            lock.unlock();
        }
    }

    /** The pending transaction with this hash (lower-case hex). */
    public Optional<PendingTransaction> get(final String hashHex) {
        lock.lock();
        try {
            return Optional.ofNullable(byHash.get(hashHex));
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code limit} pending transactions, highest gas price first. */
    public List<PendingTransaction> pending(final int limit) {
        lock.lock();
        try {
            final List<PendingTransaction> result = new ArrayList<>(Math.min(limit, byHash.size()));
            final Iterator<PendingTransaction> cheapestLast = byEviction.descendingIterator();
            while (result.size() < limit && cheapestLast.hasNext()) {
                result.add(cheapestLast.next());
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Number of pending transactions. */
    public int size() {
        lock.lock();
        try {
            return byHash.size();
        } finally {
            lock.unlock();
        }
    }

    /** Number of pending transactions of one account. */
    public int size(final String source) {
        lock.lock();
        try {
            final TreeMap<Long, PendingTransaction> account = byAccount.get(source);
            return account == null ? 0 : account.size();
        } finally {
            lock.unlock();
        }
    }

    private void index(final PendingTransaction pending) {
        nextArrivalSequence++;
        byHash.put(pending.hashHex(), pending);
        byAccount.computeIfAbsent(pending.source(), source -> new TreeMap<>()).put(pending.nonce(), pending);
        byEviction.add(pending);
        byArrival.add(pending);
        assert consistent();
    }

    private void unindex(final PendingTransaction pending) {
        byHash.remove(pending.hashHex());
        final TreeMap<Long, PendingTransaction> account = byAccount.get(pending.source());
        account.remove(pending.nonce());
        if (account.isEmpty()) {
            byAccount.remove(pending.source());
        }
        byEviction.remove(pending);
        byArrival.remove(pending);
        assert consistent();
    }

    private boolean consistent() {
        return byHash.size() == byEviction.size() && byHash.size() == byArrival.size()
            && byHash.size() <= limits.maxTransactions();
    }

    private static Insertion rejected(final ERRORCODE code, final String message) {
        return new Insertion.Rejected(new LedgerError(code, message));
    }

    private static String describe(final VerifiedTransaction transaction) {
        return "transaction hash(" + transaction.hashHex() + "), account address(" + transaction.source()
            + "), gas_price(" + transaction.gasPrice() + "), nonce(" + transaction.nonce() + ")";
    }
}
