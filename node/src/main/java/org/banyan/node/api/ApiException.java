package org.banyan.node.api;

import org.banyan.protocol.ERRORCODE;

/**
 * A request the API refuses as a whole (malformed JSON, a missing or ill-typed parameter, an oversized body). It is
 * answered with HTTP 200 and a BIF error envelope, because BIF SDKs treat any other status as a network failure.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ERRORCODE code;

    /** A refusal with a BIF error code and an English message for the caller. */
    public ApiException(final ERRORCODE code, final String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A refusal of a malformed request: {@code ERRCODE_INVALID_PARAMETER}. */
    public static ApiException invalidParameter(final String message) {
        return new ApiException(ERRORCODE.ERRCODE_INVALID_PARAMETER, message);
    }

    /** The BIF error code. */
    public ERRORCODE code() {
        return code;
    }
}
