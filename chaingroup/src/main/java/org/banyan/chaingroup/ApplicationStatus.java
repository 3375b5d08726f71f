package org.banyan.chaingroup;

/** Where a backbone node application stands. */
public enum ApplicationStatus {
    /** Waiting for the super nodes' review. */
    PENDING,
    /** Approved by a quorum: the node may register sub-chains. */
    APPROVED,
    /** Rejected by a quorum; the node may apply again. */
    REJECTED
}
