package org.banyan.ledger;

import java.util.Objects;
import org.banyan.protocol.ERRORCODE;

/** How a system contract call ended: success, or the error that fails its transaction. */
public sealed interface CallResult permits CallResult.Success, CallResult.Failure {

    /** The call succeeded; its writes stand if the rest of the transaction succeeds. */
    record Success() implements CallResult {
    }

    /** The call failed: its transaction fails with this error code and message, and changes nothing. */
    record Failure(LedgerError error) implements CallResult {
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }

    /** A successful call. */
    static CallResult success() {
        return new Success();
    }

    /** A failed call with a BIF error code and an English message saying what was wrong. */
    static CallResult failure(final ERRORCODE code, final String message) {
        return new Failure(new LedgerError(code, message));
    }
}
