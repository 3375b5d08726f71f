package org.banyan.node;

import java.util.Objects;
import java.util.Optional;
import org.banyan.ledger.LedgerError;

/**
 * What happened to one submitted item.
 *
 * @param hashHex the transaction hash in lower-case hex, or empty text when the blob could not be read
 * @param error empty when the transaction entered the mempool
 */
public record SubmissionResult(String hashHex, Optional<LedgerError> error) {

    public SubmissionResult {
        Objects.requireNonNull(hashHex, "hashHex");
        Objects.requireNonNull(error, "error");
    }

    /** An accepted transaction. */
    public static SubmissionResult accepted(final String hashHex) {
        return new SubmissionResult(hashHex, Optional.empty());
    }

    /** A refused item. */
    public static SubmissionResult refused(final String hashHex, final LedgerError error) {
        return new SubmissionResult(hashHex, Optional.of(error));
    }
}
