package org.banyan.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.banyan.sdk.TransactionBuilder;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by every command that submits a transaction. */
final class TransactionOptions {

    /** How long {@code --wait} waits for a commit unless told otherwise: ledgers close about every second. */
    static final long DEFAULT_WAIT_SECONDS = 60;

    @Mixin
    NodeOption node;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "Key file {\"address\",\"public_key\",\"private_key\"} of the source account.")
    Path keyFile;

    @Option(names = "--gas-price", defaultValue = "" + TransactionBuilder.DEFAULT_GAS_PRICE, paramLabel = "N",
            description = "Gas price in glowstone per byte (default: ${DEFAULT-VALUE}).")
    long gasPrice;

    @Option(names = "--fee-limit", defaultValue = "" + TransactionBuilder.DEFAULT_FEE_LIMIT, paramLabel = "N",
            description = "Most to pay in fees, in glowstone (default: ${DEFAULT-VALUE}).")
    long feeLimit;

    @Option(names = "--wait", description = "Wait until the transaction is committed and report its result.")
    boolean waitForCommit;

    @Option(names = "--wait-seconds", defaultValue = "" + DEFAULT_WAIT_SECONDS, paramLabel = "S",
            description = "How long --wait waits (default: ${DEFAULT-VALUE}, at most 600).")
    long waitSeconds;

    /** Checked before anything is submitted, so a bad option never leaves a transaction behind. */
    Duration waitTimeout() {
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw new IllegalArgumentException("--wait-seconds must be between 0 and " + MAX_WAIT_SECONDS + ", got " + waitSeconds);
        }
        return Duration.ofSeconds(waitSeconds);
    }

    /** The SDK's longest commit wait. */
    static final long MAX_WAIT_SECONDS = 600;
}
