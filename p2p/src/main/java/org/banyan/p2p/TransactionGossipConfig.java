package org.banyan.p2p;

/**
 * How transaction gossip spends CPU and memory.
 *
 * @param verifierThreads threads that run the {@link TransactionVerifier}; the number of cores suits a dedicated node
 * @param seenCapacity envelopes remembered to suppress duplicates; the oldest is forgotten first
 * @param maxPendingVerifications envelopes that may wait for a verifier thread
 */
public record TransactionGossipConfig(int verifierThreads, int seenCapacity, int maxPendingVerifications) {

    /** Checks that every value is positive. */
    public TransactionGossipConfig {
        requirePositive("verifierThreads", verifierThreads);
        requirePositive("seenCapacity", seenCapacity);
        requirePositive("maxPendingVerifications", maxPendingVerifications);
    }

    /** One verifier per core, and the default caps of {@link Limits}. */
    public static TransactionGossipConfig defaults() {
        return new TransactionGossipConfig(Runtime.getRuntime().availableProcessors(),
                Limits.DEFAULT_SEEN_TRANSACTIONS, Limits.DEFAULT_PENDING_VERIFICATIONS);
    }

    private static void requirePositive(final String name, final int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 but is " + value);
        }
    }
}
