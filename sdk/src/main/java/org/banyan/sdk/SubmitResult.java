package org.banyan.sdk;

/** The node's answer for one submitted transaction: accepted into the pool (error code 0) or rejected. */
public record SubmitResult(String hash, int errorCode, String errorDesc) {

    /** Whether the node accepted the transaction for inclusion (it is not committed yet). */
    public boolean isAccepted() {
        return errorCode == 0;
    }
}
