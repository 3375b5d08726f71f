package org.banyan.p2p;

import com.google.protobuf.ByteString;
import java.util.concurrent.atomic.AtomicInteger;
import org.banyan.crypto.PrivateKey;
import org.banyan.crypto.PublicKey;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.TransactionEnv;

/** Signed transaction envelopes, and a verifier that really checks their signatures and counts its calls. */
final class TestTransactions {

    private static final PrivateKey SIGNER = TestKeys.ed25519(50);

    private TestTransactions() {
    }

    static TransactionEnv signed(final long nonce) {
        final Transaction transaction = Transaction.newBuilder()
                .setSourceAddress(SIGNER.publicKey().address().toString()).setNonce(nonce).setFeeLimit(1_000).build();
        return TransactionEnv.newBuilder().setTransaction(transaction).addSignatures(Signature.newBuilder()
                .setPublicKey(SIGNER.publicKey().encoded())
                .setSignData(ByteString.copyFrom(SIGNER.sign(transaction.toByteArray())))).build();
    }

    /** The same transaction with its signature broken, as a forger would send it. */
    static TransactionEnv forged(final long nonce) {
        final TransactionEnv genuine = signed(nonce);
        final byte[] signature = genuine.getSignatures(0).getSignData().toByteArray();
        signature[0] ^= 1;
        return genuine.toBuilder().setSignatures(0, genuine.getSignatures(0).toBuilder()
                .setSignData(ByteString.copyFrom(signature))).build();
    }

    /** Checks every signature over the transaction bytes, counting calls. */
    static final class CountingVerifier implements TransactionVerifier {

        final AtomicInteger calls = new AtomicInteger();

        @Override
        public boolean verify(final TransactionEnv envelope) {
            calls.incrementAndGet();
            final byte[] blob = envelope.getTransaction().toByteArray();
            return envelope.getSignaturesCount() > 0 && envelope.getSignaturesList().stream().allMatch(signature ->
                    PublicKey.parse(signature.getPublicKey()).verify(blob, signature.getSignData().toByteArray()));
        }
    }
}
