package org.banyan.ledger;

/** What execution may know beyond state: the ledger being closed and the chain's rules. */
record ExecutionContext(long ledgerSeq, long closeTimeMicros, Genesis genesis) {
}
