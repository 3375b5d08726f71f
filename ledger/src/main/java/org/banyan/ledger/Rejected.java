package org.banyan.ledger;

/** A transaction a ledger close could not include (it changed nothing and paid nothing), and why. */
public record Rejected(VerifiedTransaction transaction, LedgerError error) {
}
