package org.banyan.identity;

import java.util.Objects;

/** Why a BID request was refused: a result code and an English message naming the offending input. */
public record BidError(ResultCode code, String message) {

    public BidError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code == ResultCode.SUCCESS) {
            throw new IllegalArgumentException("an error cannot have result code 0 (success)");
        }
    }

    /** The same error with {@code context} in front of the message, e.g. which document of a batch failed. */
    public BidError within(final String context) {
        return new BidError(code, context + ": " + message);
    }
}
