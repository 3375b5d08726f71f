package org.banyan.identity.resolution;

import java.util.Optional;
import org.banyan.crypto.BidSyntax;
import org.banyan.identity.BidResult;
import org.banyan.identity.ResultCode;
import org.banyan.identity.ddo.BidRecord;
import org.banyan.identity.ddo.DdoContract;
import org.banyan.ledger.Ledger;
import org.banyan.protocol.KeyPair;

/**
 * Finds BID records on the last committed ledger: the records the DDO contract keeps in its account's metadata, read
 * directly, which is what its {@code resolve} query answers without the query's round trip through JSON. Thread-safe:
 * the node's resolver may call it from any number of threads while ledgers close, and each read sees the state before
 * or after a close, never half of it.
 */
public final class BidDirectory {

    private final Ledger ledger;

    /** A directory over {@code ledger}, which must have the {@link DdoContract} registered. */
    public BidDirectory(final Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * The record of {@code bid}, live or deactivated; a {@link ResultCode#NOT_FOUND} when it has none, a
     * {@link ResultCode#PROTOCOL_ERROR} when it is not a BID.
     */
    public BidResult<BidRecord> find(final String bid) {
        if (!BidSyntax.isValid(bid)) {
            return BidResult.failed(ResultCode.PROTOCOL_ERROR, "'" + bid + "' is not a BID");
        }
        final Optional<KeyPair> stored = ledger.metadata(DdoContract.ADDRESS, BidRecord.storageKey(bid));
        if (stored.isEmpty()) {
            return BidResult.failed(ResultCode.NOT_FOUND, "no document for " + bid);
        }
        final BidResult<BidRecord> record = BidRecord.parse(stored.get().getValue());
        if (!record.isOk()) {
            throw new IllegalStateException("the DDO record of " + bid + " is corrupt: " + record.error().message());
        }
        return record;
    }
}
