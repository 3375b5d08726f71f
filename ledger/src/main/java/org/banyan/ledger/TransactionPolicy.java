package org.banyan.ledger;

import java.util.Optional;
import org.banyan.protocol.Transaction;

/**
 * A chain rule on who may send which transactions, registered with {@link SystemContracts#withPolicy} by a module above
 * the ledger (the main chain's certification gate, a sub-chain's frozen accounts). The ledger consults it with the
 * other preconditions when a transaction enters the mempool, when it is priced and when a ledger is closed; a refusal
 * leaves the transaction out of the ledger, unpaid, like a bad nonce does.
 *
 * <p>Like a system contract it must be deterministic: it reads only the transaction and the state it is given.
 */
@FunctionalInterface
public interface TransactionPolicy {

    /** The reason {@code transaction} may not run on {@code state}, or empty when it may. */
    Optional<LedgerError> refusal(Transaction transaction, PolicyContext state);
}
