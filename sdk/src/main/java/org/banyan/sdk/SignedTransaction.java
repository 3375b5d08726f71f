package org.banyan.sdk;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.banyan.crypto.PrivateKey;
import org.banyan.crypto.PublicKey;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;

/**
 * A transaction blob with its signatures, ready to submit. Every signature is verified against the blob when the
 * value is created, so a wrong external signature fails here with a clear message instead of at the node.
 */
public record SignedTransaction(ByteString blob, List<Signature> signatures) {

    /** Most signatures one transaction may carry (BIF {@code Limit.SIGNATURE}). */
    public static final int MAX_SIGNATURES = 100;

    /** Copies the signatures and verifies each one over the blob. */
    public SignedTransaction {
        UnsignedTransaction.parse(blob);
        signatures = List.copyOf(signatures);
        if (signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a transaction carries at most " + MAX_SIGNATURES
                    + " signatures, got " + signatures.size());
        }
        byte[] message = blob.toByteArray();
        for (Signature signature : signatures) {
            PublicKey key = PublicKey.parse(signature.getPublicKey());
            if (!key.verify(message, signature.getSignData().toByteArray())) {
                throw new IllegalArgumentException("signature by " + key.address() + " does not verify over the blob");
            }
        }
    }

    /** The blob without signatures. */
    public UnsignedTransaction unsigned() {
        return new UnsignedTransaction(blob);
    }

    /** The transaction hash as lower-case hex. */
    public String hashHex() {
        return unsigned().hashHex();
    }

    /** The transaction hash: SHA-256 of the blob. */
    public byte[] hash() {
        return unsigned().hash();
    }

    /** The transaction the blob encodes. */
    public Transaction transaction() {
        return unsigned().transaction();
    }

    /** This transaction with one more signature, by the key. */
    public SignedTransaction signedBy(final PrivateKey key) {
        return withSignature(unsigned().signatureBy(key));
    }

    /** This transaction with one more signature made elsewhere; it is verified. */
    public SignedTransaction withSignature(final Signature signature) {
        List<Signature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new SignedTransaction(blob, all);
    }
}
