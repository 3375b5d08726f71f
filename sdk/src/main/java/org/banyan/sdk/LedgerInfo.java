package org.banyan.sdk;

import java.util.List;
import java.util.Optional;
import org.banyan.protocol.LedgerHeader;

/** A ledger as {@code getLedger} serves it: the header, the ledger length, the validators and the leader if known. */
public record LedgerInfo(LedgerHeader header, long ledgerLength, List<String> validators, Optional<String> leader) {

    /** Copies the validator list. */
    public LedgerInfo {
        validators = List.copyOf(validators);
    }
}
