package org.banyan.identity.resolution;

import org.banyan.identity.BidError;
import org.banyan.identity.BidResult;
import org.banyan.identity.ResultCode;
import org.banyan.identity.ddo.BidRecord;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.ddo.DdoContract;
import org.banyan.identity.ddo.DdoFailure;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Outcome;

/**
 * Finds BID records on the last committed ledger through the DDO contract's {@code resolve} query. Thread-safe: the
 * node's resolver may call it from any number of threads while ledgers close.
 */
public final class BidDirectory {

    private final Ledger ledger;

    /** A directory over {@code ledger}, which must have the {@link DdoContract} registered. */
    public BidDirectory(final Ledger ledger) {
        this.ledger = ledger;
    }

    /** The record of {@code bid}, live or deactivated; a {@link ResultCode#NOT_FOUND} when it has none. */
    public BidResult<BidRecord> find(final String bid) {
        final Outcome<String> answer = ledger.query(DdoContract.ADDRESS, DdoCalls.resolve(bid));
        if (answer.isOk()) {
            return BidRecord.parse(answer.value());
        }
        final BidError error = DdoFailure.fromDescription(answer.error().message())
            .orElseThrow(() -> new IllegalStateException("the DDO contract failed outside its protocol: " + answer.error()));
        return BidResult.failed(error);
    }
}
