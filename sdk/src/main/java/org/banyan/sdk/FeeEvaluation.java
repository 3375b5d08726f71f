package org.banyan.sdk;

/** The node's fee estimate for a transaction ({@code testTransaction}): what it would cost and the limits to use. */
public record FeeEvaluation(long actualFee, long gasPrice, long feeLimit) {
}
