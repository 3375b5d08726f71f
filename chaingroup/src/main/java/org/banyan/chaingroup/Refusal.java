package org.banyan.chaingroup;

import org.banyan.protocol.ERRORCODE;

/**
 * Why a call or query was refused, thrown inside a contract's handlers and turned into a failed call or query at the
 * contract's boundary, so each handler reads as its checks in order. Never escapes this package.
 */
final class Refusal extends RuntimeException {

    private final ERRORCODE code;

    Refusal(final ERRORCODE code, final String message) {
        super(message, null, false, false);
        this.code = code;
    }

    ERRORCODE code() {
        return code;
    }

    static Refusal invalid(final String message) {
        return new Refusal(ERRORCODE.ERRCODE_INVALID_PARAMETER, message);
    }

    static Refusal denied(final String message) {
        return new Refusal(ERRORCODE.ERRCODE_ACCESS_DENIED, message);
    }

    static Refusal missing(final String message) {
        return new Refusal(ERRORCODE.ERRCODE_NOT_EXIST, message);
    }

    static Refusal failed(final String message) {
        return new Refusal(ERRORCODE.ERRCODE_CONTRACT_EXECUTE_FAIL, message);
    }
}
