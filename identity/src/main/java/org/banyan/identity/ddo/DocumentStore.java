package org.banyan.identity.ddo;

import java.util.Optional;
import org.banyan.crypto.BidSyntax;
import org.banyan.identity.BidResult;
import org.banyan.ledger.QueryContext;

/** The DDO contract's records, read from its account's metadata through a call's or a query's context. */
final class DocumentStore {

    private final QueryContext context;

    DocumentStore(final QueryContext context) {
        this.context = context;
    }

    /** The record of {@code bid}, live or deactivated. */
    Optional<BidRecord> find(final String bid) {
        return context.metadata(BidRecord.storageKey(bid)).map(stored -> {
            final BidResult<BidRecord> record = BidRecord.parse(stored);
            if (!record.isOk()) {
                throw new IllegalStateException("the DDO record of " + bid + " is corrupt: " + record.error().message());
            }
            return record.value();
        });
    }

    /** Whether the AC code has a live AC-code document. */
    boolean acCodeKnown(final String acCode) {
        return find(BidSyntax.METHOD_PREFIX + acCode).filter(record -> !record.deactivated()).isPresent();
    }
}
