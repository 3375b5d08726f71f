package org.banyan.ledger;

import java.util.List;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.TransactionEnvStore;

/** A committed ledger: its header, one stored result per included transaction, and the transactions left out. */
public record ClosedLedger(LedgerHeader header, List<TransactionEnvStore> results, List<Rejected> rejected) {

    public ClosedLedger {
        results = List.copyOf(results);
        rejected = List.copyOf(rejected);
    }
}
