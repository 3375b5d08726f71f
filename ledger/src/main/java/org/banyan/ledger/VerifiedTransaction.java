package org.banyan.ledger;

import java.util.List;
import java.util.Set;
import org.banyan.crypto.Hex;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;

/**
 * A transaction whose envelope passed the stateless checks: within size limits, parsed, and every
 * signature valid over the exact blob bytes. Only {@link TransactionDecoder} creates one, so holding
 * one means the signatures were checked exactly once. Whether the signers carry enough weight depends
 * on account state and is decided at admission and execution.
 */
public final class VerifiedTransaction {

    private final byte[] hash;
    private final String hashHex;
    private final byte[] blob;
    private final Transaction transaction;
    private final List<Signature> signatures;
    private final Set<String> signers;
    private final int sizeBytes;

    VerifiedTransaction(final byte[] hash, final byte[] blob, final Transaction transaction,
                        final List<Signature> signatures, final Set<String> signers, final int sizeBytes) {
        this.hash = hash;
        this.hashHex = Hex.encode(hash);
        this.blob = blob;
        this.transaction = transaction;
        this.signatures = List.copyOf(signatures);
        this.signers = Set.copyOf(signers);
        this.sizeBytes = sizeBytes;
    }

    /** SHA-256 of the blob. */
    public byte[] hash() {
        return hash.clone();
    }

    /** The hash in lower-case hex, as BIF shows it. */
    public String hashHex() {
        return hashHex;
    }

    /** The exact signed bytes. */
    public byte[] blob() {
        return blob.clone();
    }

    byte[] blobUnsafe() {
        return blob;
    }

    byte[] hashUnsafe() {
        return hash;
    }

    public Transaction transaction() {
        return transaction;
    }

    public List<Signature> signatures() {
        return signatures;
    }

    /** Addresses of the keys that signed. */
    public Set<String> signers() {
        return signers;
    }

    public String source() {
        return transaction.getSourceAddress();
    }

    public long nonce() {
        return transaction.getNonce();
    }

    public long gasPrice() {
        return transaction.getGasPrice();
    }

    public long feeLimit() {
        return transaction.getFeeLimit();
    }

    /** Size of the serialized {@code TransactionEnv} (blob plus signatures): the byte count fees are charged on. */
    public int sizeBytes() {
        return sizeBytes;
    }

    @Override
    public String toString() {
        return "tx " + hashHex + " from " + source() + " nonce " + nonce();
    }
}
