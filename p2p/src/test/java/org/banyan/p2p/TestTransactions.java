package org.banyan.p2p;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.concurrent.atomic.AtomicInteger;
import org.banyan.crypto.PrivateKey;
import org.banyan.crypto.PublicKey;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.consensus.SignedTransaction;

/** Signed transaction envelopes, and a verifier that really checks their signatures and counts its calls. */
final class TestTransactions {

    private static final PrivateKey SIGNER = TestKeys.ed25519(50);

    private TestTransactions() {
    }

    static SignedTransaction signed(final long nonce) {
        final Transaction transaction = Transaction.newBuilder()
                .setSourceAddress(SIGNER.publicKey().address().toString()).setNonce(nonce).setFeeLimit(1_000).build();
        return SignedTransaction.newBuilder().setBlob(transaction.toByteString()).addSignatures(Signature.newBuilder()
                .setPublicKey(SIGNER.publicKey().encoded())
                .setSignData(ByteString.copyFrom(SIGNER.sign(transaction.toByteArray())))).build();
    }

    /** The same transaction with its signature broken, as a forger would send it. */
    static SignedTransaction forged(final long nonce) {
        final SignedTransaction genuine = signed(nonce);
        final byte[] signature = genuine.getSignatures(0).getSignData().toByteArray();
        signature[0] ^= 1;
        return genuine.toBuilder().setSignatures(0, genuine.getSignatures(0).toBuilder()
                .setSignData(ByteString.copyFrom(signature))).build();
    }

    /** The nonce inside a signed transaction's blob. */
    static long nonceOf(final SignedTransaction transaction) {
        try {
            return Transaction.parseFrom(transaction.getBlob()).getNonce();
        } catch (final InvalidProtocolBufferException e) {
            throw new AssertionError("a test transaction does not parse", e);
        }
    }

    /** Checks every signature over the transaction bytes, counting calls. */
    static final class CountingVerifier implements TransactionVerifier {

        final AtomicInteger calls = new AtomicInteger();

        @Override
        public boolean verify(final SignedTransaction envelope) {
            calls.incrementAndGet();
            final byte[] blob = envelope.getBlob().toByteArray();
            return envelope.getSignaturesCount() > 0 && envelope.getSignaturesList().stream().allMatch(signature ->
                    PublicKey.parse(signature.getPublicKey()).verify(blob, signature.getSignData().toByteArray()));
        }
    }
}
