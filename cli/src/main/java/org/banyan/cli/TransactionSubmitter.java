package org.banyan.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.BanyanException;
import org.banyan.sdk.KeyFile;
import org.banyan.sdk.SignedTransaction;
import org.banyan.sdk.SubmitResult;
import org.banyan.sdk.TransactionBuilder;
import org.banyan.sdk.TransactionRecord;
import picocli.CommandLine.ExitCode;

/**
 * Builds, signs and submits one transaction from a key file: the nonce is the source's committed nonce plus one,
 * read from the node. Prints the submission (or, with {@code --wait}, the committed record) as JSON.
 */
final class TransactionSubmitter {

    private TransactionSubmitter() {
    }

    /** Submits a transaction with the operations {@code operations} adds; returns the exit code. */
    static int submit(final TransactionOptions options, final PrintWriter out,
                      final Consumer<TransactionBuilder> operations) {
        java.time.Duration waitTimeout = options.waitTimeout();
        KeyFile key = KeyFile.load(options.keyFile);
        BanyanClient client = options.node.client();
        TransactionBuilder builder = new TransactionBuilder()
                .source(key.address())
                .nonce(client.getNonce(key.address()) + 1)
                .gasPrice(options.gasPrice)
                .feeLimit(options.feeLimit);
        operations.accept(builder);
        SignedTransaction transaction = builder.build().sign(key.signingKey());
        SubmitResult result = client.submit(transaction).get(0);
        if (!result.isAccepted()) {
            throw new BanyanException(result.errorCode(), result.errorDesc());
        }
        if (!options.waitForCommit) {
            JsonOutput.print(out, JsonOutput.submitted(result));
            return ExitCode.OK;
        }
        TransactionRecord record = client.waitForCommit(result.hash(), waitTimeout)
                .orElseThrow(() -> new CommandFailedException("transaction " + result.hash()
                        + " was not committed within " + options.waitSeconds + " s"));
        JsonOutput.print(out, JsonOutput.transaction(record));
        if (!record.isSuccess()) {
            throw new CommandFailedException("transaction " + record.hash() + " failed in ledger "
                    + record.ledgerSeq() + ": error " + record.errorCode() + ": " + record.errorDesc());
        }
        return ExitCode.OK;
    }
}
