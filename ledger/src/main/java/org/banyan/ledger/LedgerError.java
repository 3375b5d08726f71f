package org.banyan.ledger;

import java.util.Objects;
import org.banyan.protocol.ERRORCODE;

/** A BIF error code with an English message explaining what was wrong with the input. */
public record LedgerError(ERRORCODE code, String message) {

    public LedgerError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** The numeric BIF error code, as it appears in API responses. */
    public int number() {
        return code.getNumber();
    }
}
