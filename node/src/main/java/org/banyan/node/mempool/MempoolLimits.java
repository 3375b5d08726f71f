package org.banyan.node.mempool;

/**
 * The caps of a {@link Mempool}.
 *
 * @param maxTransactions pending transactions across all accounts; past it a newcomer must outbid the cheapest one
 * @param maxTransactionsPerAccount pending transactions of one source account, so that one sender cannot fill the pool
 * @param expiryMillis how long a transaction may wait, counted from its arrival, before it is dropped
 */
public record MempoolLimits(int maxTransactions, int maxTransactionsPerAccount, long expiryMillis) {

    /** Enough for a minute and more of the node's target load (5,000 payments/s) at a few hundred bytes each: ~50 MB. */
    public static final int DEFAULT_MAX_TRANSACTIONS = 100_000;

    /**
     * One full submit request from one account fits (see {@code SubmissionPipeline.MAX_ITEMS_PER_REQUEST}). BIF's own
     * default (64) is lower; ours allows load generators that pipeline one account's nonces.
     */
    public static final int DEFAULT_MAX_TRANSACTIONS_PER_ACCOUNT = 10_000;

    /** BIF's pool timeout: a transaction waiting for a nonce gap is dropped after 10 minutes. */
    public static final long DEFAULT_EXPIRY_MILLIS = 10 * 60 * 1000L;

    /** The defaults above. */
    public static final MempoolLimits DEFAULTS =
        new MempoolLimits(DEFAULT_MAX_TRANSACTIONS, DEFAULT_MAX_TRANSACTIONS_PER_ACCOUNT, DEFAULT_EXPIRY_MILLIS);

    public MempoolLimits {
        if (maxTransactions < 1) {
            throw new IllegalArgumentException("maxTransactions must be at least 1 but is " + maxTransactions);
        }
        if (maxTransactionsPerAccount < 1 || maxTransactionsPerAccount > maxTransactions) {
            throw new IllegalArgumentException("maxTransactionsPerAccount must be between 1 and maxTransactions ("
                + maxTransactions + ") but is " + maxTransactionsPerAccount);
        }
        if (expiryMillis < 1) {
            throw new IllegalArgumentException("expiryMillis must be positive but is " + expiryMillis);
        }
    }
}
