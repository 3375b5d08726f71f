package org.banyan.ledger;

/** What execution may know beyond state: the ledger being closed, the chain's rules and its system contracts. */
record ExecutionContext(long ledgerSeq, long closeTimeMicros, Genesis genesis, SystemContracts contracts) {
}
