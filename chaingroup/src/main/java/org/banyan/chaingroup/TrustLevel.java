package org.banyan.chaingroup;

/** An account's trust in its controlled area, as BIF names it. */
public enum TrustLevel {
    /** Not certified yet: the state of a requested certification. */
    UNCERT,
    /** Certified: may transact on a main chain that is not open. */
    TRUSTED,
    /** Reviewed and refused. */
    UNTRUSTED
}
