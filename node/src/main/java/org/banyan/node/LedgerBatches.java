package org.banyan.node;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Rejected;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.Transaction;
import org.banyan.node.mempool.Mempool;
import org.banyan.protocol.Account;
import org.banyan.protocol.ERRORCODE;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What goes into a ledger and what leaves the mempool after it, shared by the solo {@link LedgerCloser} and the
 * consensus proposer so that both fill and prune alike.
 */
public final class LedgerBatches {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerBatches.class);

    private LedgerBatches() {
    }

    /** Up to {@link LedgerCloser#MAX_TRANSACTIONS_PER_LEDGER} ready transactions that fit in one ledger. */
    public static List<VerifiedTransaction> takeReady(final Ledger ledger, final Mempool mempool) {
        return takeReady(ledger, mempool, LedgerCloser.MAX_TRANSACTIONS_PER_LEDGER);
    }

    /** Up to {@code maxTransactions} ready transactions that fit in one ledger. */
    public static List<VerifiedTransaction> takeReady(final Ledger ledger, final Mempool mempool,
                                                      final int maxTransactions) {
        return withinLedgerSize(mempool.takeReady(Math.min(maxTransactions, LedgerCloser.MAX_TRANSACTIONS_PER_LEDGER),
            source -> committedNonce(ledger, source)));
    }

    /**
     * Whether the transaction can no longer commit because its account has committed its nonce already; cheap
     * (a parse and a state read), so a node can skip the signature check of stale gossip.
     */
    public static boolean isStale(final Ledger ledger, final Transaction transaction) {
        return transaction.getNonce() <= committedNonce(ledger, transaction.getSourceAddress());
    }

    /**
     * The longest prefix that fits {@link LedgerCloser#MAX_LEDGER_BYTES}; a prefix keeps every account's nonces
     * contiguous.
     */
    static List<VerifiedTransaction> withinLedgerSize(final List<VerifiedTransaction> ready) {
        long bytes = 0;
        for (int index = 0; index < ready.size(); index++) {
            bytes += ready.get(index).sizeBytes();
            if (bytes > LedgerCloser.MAX_LEDGER_BYTES) {
                return ready.subList(0, index);
            }
        }
        return ready;
    }

    /**
     * Drops from the mempool every transaction the new state has made stale (nonce at or below its account's nonce)
     * and every transaction the close left out for a reason other than waiting its turn.
     */
    public static void pruneMempool(final Ledger ledger, final Mempool mempool,
                                    final List<VerifiedTransaction> offered, final List<Rejected> rejected) {
        final Map<String, Long> committedNonces = new HashMap<>();
        for (final VerifiedTransaction transaction : offered) {
            committedNonces.computeIfAbsent(transaction.source(), source -> committedNonce(ledger, source));
        }
        mempool.removeCommitted(committedNonces);
        final List<String> hopeless = new ArrayList<>();
        for (final Rejected left : rejected) {
            final VerifiedTransaction transaction = left.transaction();
            final boolean waitsItsTurn = left.error().code() == ERRORCODE.ERRCODE_BAD_SEQUENCE
                && transaction.nonce() > committedNonces.get(transaction.source()) + 1;
            if (!waitsItsTurn) {
                hopeless.add(transaction.hashHex());
                LOG.debug("Dropped {}: {}", transaction, left.error().message());
            }
        }
        hopeless.forEach(mempool::remove);
    }

    /** The close time of the next ledger: now on the clock in microseconds, forced after the last ledger's. */
    public static long nextCloseTimeMicros(final Ledger ledger, final Clock clock) {
        return Math.max(ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant()),
            ledger.lastHeader().getCloseTime() + 1);
    }

    /** The account's nonce in the last committed ledger, 0 for an account that does not exist. */
    public static long committedNonce(final Ledger ledger, final String source) {
        return ledger.account(source).map(Account::getNonce).orElse(0L);
    }
}
