package org.banyan.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings of one load-generator run.
 *
 * @param accounts    sender accounts to create and fund; payments go round-robin between them
 * @param transactions payments to submit in the measured phase
 * @param warmup      payments submitted and committed before the measured phase, so the node's JIT has
 *                    compiled its hot paths (a just-started JVM spends a third of its CPU compiling)
 * @param batch       transactions per {@code submitTransaction} request
 * @param connections concurrent HTTP submitters
 * @param submitUrls  nodes the batches go to, in turn; the run's setup and the commit follower use {@code nodeUrl}
 * @param ratePerSecond payments per second to offer (open loop: batches leave on schedule whether or not earlier
 *                    ones have committed), or 0 to submit as fast as the node takes them
 * @param progress    where human-readable progress goes (the final JSON line goes to standard output)
 */
public record PayLoadOptions(String nodeUrl, Path keyFile, int accounts, int transactions, int warmup, int batch,
                             int connections, List<String> submitUrls, double ratePerSecond,
                             PrintStream progress) {

    /** Highest offered rate: far above what any single machine commits, low enough to catch a typo. */
    public static final double MAX_RATE_PER_SECOND = 1_000_000;

    /** Largest run: keeps pre-signed payments (about 400 bytes each as JSON) well under a gigabyte. */
    public static final int MAX_TRANSACTIONS = 2_000_000;

    public PayLoadOptions {
        if (accounts < 2) {
            throw new IllegalArgumentException("--accounts must be at least 2");
        }
        if (transactions < 1 || transactions > MAX_TRANSACTIONS) {
            throw new IllegalArgumentException("--txs must be between 1 and " + MAX_TRANSACTIONS);
        }
        if (warmup < 0 || warmup > MAX_TRANSACTIONS) {
            throw new IllegalArgumentException("--warmup must be between 0 and " + MAX_TRANSACTIONS);
        }
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("--batch must be between 1 and 10000");
        }
        if (connections < 1 || connections > 64) {
            throw new IllegalArgumentException("--connections must be between 1 and 64");
        }
        if (!(ratePerSecond >= 0 && ratePerSecond <= MAX_RATE_PER_SECOND)) {
            throw new IllegalArgumentException("--rate must be between 0 (as fast as possible) and " + MAX_RATE_PER_SECOND);
        }
        submitUrls = submitUrls.isEmpty() ? List.of(nodeUrl) : List.copyOf(submitUrls);
    }
}
