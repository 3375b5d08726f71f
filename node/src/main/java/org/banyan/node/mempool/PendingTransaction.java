package org.banyan.node.mempool;

import java.util.Objects;
import org.banyan.ledger.VerifiedTransaction;

/**
 * A transaction waiting in the {@link Mempool}.
 *
 * @param arrivalMillis when it entered the pool, on the caller's clock; expiry counts from here
 * @param arrivalSequence the pool's arrival counter; orders equal-priced transactions first come, first served
 */
public record PendingTransaction(VerifiedTransaction transaction, long arrivalMillis, long arrivalSequence) {

    public PendingTransaction {
        Objects.requireNonNull(transaction, "transaction");
    }

    String hashHex() {
        return transaction.hashHex();
    }

    String source() {
        return transaction.source();
    }

    long nonce() {
        return transaction.nonce();
    }

    long gasPrice() {
        return transaction.gasPrice();
    }
}
