package org.banyan.ledger;

/** What {@code testTransaction} reports: the fee the transaction would pay, and the size it was priced at. */
public record FeeEstimate(long actualFee, long gasPrice, long feeLimit, int sizeBytes) {
}
