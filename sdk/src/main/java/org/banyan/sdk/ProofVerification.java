package org.banyan.sdk;

import org.banyan.protocol.Account;
import org.banyan.protocol.LedgerHeader;

/** What {@link AccountProofVerifier} concluded from an account proof. */
public sealed interface ProofVerification {

    /** Whether the proof checked out (present or absent). */
    default boolean isValid() {
        return !(this instanceof Invalid);
    }

    /** The account is in the ledger's state with exactly this content. */
    record AccountPresent(LedgerHeader header, Account account) implements ProofVerification {
    }

    /** The ledger's state has no account at this address. */
    record AccountAbsent(LedgerHeader header, String address) implements ProofVerification {
    }

    /** The proof does not hold; the reason says which check failed. */
    record Invalid(String reason) implements ProofVerification {
    }
}
