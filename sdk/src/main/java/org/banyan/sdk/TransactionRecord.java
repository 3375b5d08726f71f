package org.banyan.sdk;

import java.util.List;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;

/**
 * A committed transaction as {@code getTransactionHistory} serves it. A committed transaction may still have failed
 * (a non-zero {@code errorCode}, e.g. insufficient signer weight): it then only charged its fee and used its nonce.
 */
public record TransactionRecord(String hash, long ledgerSeq, long closeTimeMicros, int errorCode, String errorDesc,
                                long actualFee, long txSizeBytes, List<Signature> signatures, Transaction transaction) {

    /** Copies the signature list. */
    public TransactionRecord {
        signatures = List.copyOf(signatures);
    }

    /** Whether the transaction's operations took effect. */
    public boolean isSuccess() {
        return errorCode == 0;
    }
}
