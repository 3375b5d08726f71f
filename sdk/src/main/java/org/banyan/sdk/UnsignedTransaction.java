package org.banyan.sdk;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;

/** A serialized, not yet signed transaction: the blob that signatures cover and whose SHA-256 is the hash. */
public record UnsignedTransaction(ByteString blob) {

    /** Checks that the blob is a protobuf {@code Transaction}. */
    public UnsignedTransaction {
        parse(blob);
    }

    /** Wraps blob bytes received from elsewhere (e.g. to co-sign a multi-signature transaction). */
    public static UnsignedTransaction fromBlob(final byte[] blob) {
        return new UnsignedTransaction(ByteString.copyFrom(blob));
    }

    /** The transaction hash: SHA-256 of the blob. */
    public byte[] hash() {
        return Hashes.sha256(blob.toByteArray());
    }

    /** The transaction hash as lower-case hex, as nodes report it. */
    public String hashHex() {
        return Hex.encode(hash());
    }

    /** The transaction the blob encodes. */
    public Transaction transaction() {
        return parse(blob);
    }

    /** Signs the blob with every key (one key per signer of a multi-signature account). */
    public SignedTransaction sign(final PrivateKey... keys) {
        List<Signature> signatures = new ArrayList<>(keys.length);
        for (PrivateKey key : keys) {
            signatures.add(signatureBy(key));
        }
        return new SignedTransaction(blob, signatures);
    }

    /** One signature over the blob by the key. */
    public Signature signatureBy(final PrivateKey key) {
        return Signature.newBuilder()
                .setPublicKey(key.publicKey().encoded())
                .setSignData(ByteString.copyFrom(key.sign(blob.toByteArray())))
                .build();
    }

    /** Attaches signatures made elsewhere (hardware wallets, co-signers); each one is verified. */
    public SignedTransaction withSignatures(final List<Signature> signatures) {
        return new SignedTransaction(blob, signatures);
    }

    static Transaction parse(final ByteString blob) {
        try {
            return Transaction.parseFrom(blob);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("transaction blob is not a protobuf Transaction: " + e.getMessage(), e);
        }
    }
}
