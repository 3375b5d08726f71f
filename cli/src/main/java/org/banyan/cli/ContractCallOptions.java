package org.banyan.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.banyan.identity.BidError;
import org.banyan.identity.ContractFailure;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.KeyFile;
import org.banyan.sdk.SignedTransaction;
import org.banyan.sdk.SubmitResult;
import org.banyan.sdk.TransactionBuilder;
import org.banyan.sdk.TransactionRecord;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options and the submit-and-wait step of commands that call an identity system contract (the DDO contract, the
 * trusted registry): one PAY_COIN of 0 to the contract with the call as input, from the payer's account, waited for
 * until committed. A refusal by the contract fails the command with its BID result code.
 */
final class ContractCallOptions {

    /**
     * Fee limit of a contract call: a 32 KB document (the largest) costs about 3.3 million glowstone at the default gas
     * price, so this covers it three times over.
     */
    static final long FEE_LIMIT = 10_000_000;

    @Mixin
    NodeOption node;

    @Option(names = "--payer", paramLabel = "FILE",
            description = "Key file of the account that sends and pays for the transaction (default: the --key file).")
    Optional<Path> payerFile = Optional.empty();

    @Option(names = "--wait-seconds", defaultValue = "" + TransactionOptions.DEFAULT_WAIT_SECONDS, paramLabel = "S",
            description = "How long to wait for the commit (default: ${DEFAULT-VALUE}, at most 600).")
    long waitSeconds;

    /** Commits the call from the payer (or {@code signer} when no payer was given) and returns its record. */
    TransactionRecord commit(final KeyFile signer, final String contractAddress, final String input) {
        if (waitSeconds < 0 || waitSeconds > TransactionOptions.MAX_WAIT_SECONDS) {
            throw new IllegalArgumentException("--wait-seconds must be between 0 and " + TransactionOptions.MAX_WAIT_SECONDS
                    + ", got " + waitSeconds);
        }
        KeyFile payer = payerFile.map(KeyFile::load).orElse(signer);
        BanyanClient client = node.client();
        SignedTransaction transaction = new TransactionBuilder().source(payer.address())
                .nonce(client.getNonce(payer.address()) + 1).feeLimit(FEE_LIMIT)
                .payCoin(contractAddress, 0, input).build().sign(payer.signingKey());
        SubmitResult submitted = client.submit(transaction).get(0);
        if (!submitted.isAccepted()) {
            throw new CommandFailedException("the node refused the transaction: error " + submitted.errorCode() + ": "
                    + submitted.errorDesc());
        }
        TransactionRecord record = client.waitForCommit(submitted.hash(), Duration.ofSeconds(waitSeconds))
                .orElseThrow(() -> new CommandFailedException("transaction " + submitted.hash()
                        + " was not committed within " + waitSeconds + " s"));
        if (!record.isSuccess()) {
            throw new CommandFailedException(ContractFailure.fromDescription(record.errorDesc())
                    .map(ContractCallOptions::describe)
                    .orElse("transaction " + record.hash() + " failed: error " + record.errorCode() + ": "
                            + record.errorDesc()));
        }
        return record;
    }

    /** A contract's refusal as one readable line: the message, then the BID result code and its name. */
    static String describe(final BidError error) {
        return error.message() + " (BID result code " + error.code().number() + ", " + error.code().title() + ")";
    }
}
