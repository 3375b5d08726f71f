package org.banyan.identity;

import java.util.Optional;

/** The result codes of BID management and resolution (RFC-004 §6.1.5, RFC-005), with their English names. */
public enum ResultCode {
    /** The request succeeded. */
    SUCCESS(0, "success"),
    /** The caller may not do this: wrong key, wrong account, or a field it may not change. */
    NO_PERMISSION(1, "without permission"),
    /** The request is well formed but cannot be done in the current state. */
    ERROR(2, "error"),
    /** The server is too busy. */
    BUSY(3, "server too busy"),
    /** The request or document breaks the protocol: malformed, oversized, wrong type or value. */
    PROTOCOL_ERROR(4, "protocol error"),
    /** The operation is not supported here. */
    UNSUPPORTED(5, "operation not supported"),
    /** No document exists for the BID. */
    NOT_FOUND(6, "not found"),
    /** The server did not respond. */
    NO_RESPONSE(7, "server not response"),
    /** A required field is missing, or a requested field does not exist. */
    FIELD_NOT_FOUND(8, "field not found"),
    /** A signature does not verify. */
    VERIFY_FAILED(9, "verify failed"),
    /** An AC code has no AC-code document on the main chain. */
    UNKNOWN_AC_CODE(10, "nonexistent chain code info");

    private final int number;
    private final String title;

    ResultCode(final int number, final String title) {
        this.number = number;
        this.title = title;
    }

    /** The numeric code, as BIF clients read it in {@code errorCode}. */
    public int number() {
        return number;
    }

    /** The RFC's English name of the code. */
    public String title() {
        return title;
    }

    /** The code with this number, if there is one. */
    public static Optional<ResultCode> of(final int number) {
        for (final ResultCode code : values()) {
            if (code.number == number) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
