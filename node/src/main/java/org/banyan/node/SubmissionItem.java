package org.banyan.node;

import java.util.List;
import java.util.Objects;
import org.banyan.ledger.LedgerError;
import org.banyan.protocol.Signature;

/** One item of a submit request, as the API decoded it: a signed envelope, or the reason it could not be read. */
public sealed interface SubmissionItem permits SubmissionItem.Envelope, SubmissionItem.Malformed {

    /** A transaction blob with its signatures, not yet verified. */
    record Envelope(byte[] blob, List<Signature> signatures) implements SubmissionItem {
        public Envelope {
            Objects.requireNonNull(blob, "blob");
            signatures = List.copyOf(signatures);
        }
    }

    /**
     * An item the API could not turn into an envelope (bad hex, missing field).
     *
     * @param hashHex the blob's hash when the blob itself was readable, else empty text (BIF reports "" then)
     */
    record Malformed(String hashHex, LedgerError error) implements SubmissionItem {
        public Malformed {
            Objects.requireNonNull(hashHex, "hashHex");
            Objects.requireNonNull(error, "error");
        }
    }
}
