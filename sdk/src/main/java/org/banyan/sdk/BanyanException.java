package org.banyan.sdk;

import org.banyan.protocol.ERRORCODE;

/** An error the node reported in a BIF response envelope: a BIF error code and the node's English description. */
public final class BanyanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String errorDesc;

    /** Creates the exception for a BIF error code and description as the node sent them. */
    public BanyanException(final int errorCode, final String errorDesc) {
        super("node error " + errorCode + ": " + errorDesc);
        if (errorCode == ERRORCODE.ERRCODE_SUCCESS_VALUE) {
            throw new IllegalArgumentException("error code 0 means success, not an error");
        }
        this.errorCode = errorCode;
        this.errorDesc = errorDesc;
    }

    /** The BIF error code, e.g. 4 (not exist) or 99 (bad sequence). */
    public int errorCode() {
        return errorCode;
    }

    /** The node's description of the error. */
    public String errorDesc() {
        return errorDesc;
    }

    /** Whether the node said the requested thing (account, ledger, transaction) does not exist. */
    public boolean isNotFound() {
        return errorCode == ERRORCODE.ERRCODE_NOT_EXIST_VALUE || errorCode == ERRORCODE.ERRCODE_ACCOUNT_NOT_EXIST_VALUE;
    }
}
