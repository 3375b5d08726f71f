package org.banyan.node.mempool;

import java.util.Objects;
import java.util.Optional;
import org.banyan.ledger.LedgerError;

/** What {@link Mempool#add} did with a transaction. */
public sealed interface Insertion permits Insertion.Added, Insertion.Replaced, Insertion.Rejected {

    /** The transaction is now pending; {@code evictedHashHex} names a cheaper one it pushed out of a full pool. */
    record Added(Optional<String> evictedHashHex) implements Insertion {
        public Added {
            Objects.requireNonNull(evictedHashHex, "evictedHashHex");
        }
    }

    /** The transaction took the place of the pending one with the same source and nonce. */
    record Replaced(String replacedHashHex) implements Insertion {
        public Replaced {
            Objects.requireNonNull(replacedHashHex, "replacedHashHex");
        }
    }

    /** The transaction was not added; the pool is unchanged. */
    record Rejected(LedgerError error) implements Insertion {
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }

    /** True when the transaction is now in the pool. */
    default boolean accepted() {
        return !(this instanceof Rejected);
    }
}
