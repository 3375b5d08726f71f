package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.TransactionDecoder;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.consensus.SignedTransaction;

/**
 * The junk transactions a client floods in the {@link FaultProfile#SPAM} profile: correctly signed payments from an
 * account that does not exist, numbered from nonce 2 so that none could ever run. More of them than a mempool holds.
 *
 * <p>The same for every run, so they are signed and verified once per JVM (some seconds of Ed25519) and every run's
 * {@link TransactionCache} is primed with the verdicts: the flood costs a run its admissions, not its signatures.
 */
final class JunkTransactions {

    /** Junk transactions in the flood: one more than a mempool's cap. */
    static final int COUNT = Mempool.MAX_TRANSACTIONS + 1;

    /** Virtual time between two junk transactions: the flood lasts about 2.5 s, within the CI fault phase. */
    static final long INTERVAL_MICROS = 500;

    /** Fee limit of a junk transaction: a well-formed one, so that only the missing account gives it away. */
    private static final long FEE_LIMIT = 1_000_000;

    /** A junk transaction with the decoder's verdict on it. */
    record Junk(SignedTransaction envelope, Outcome<VerifiedTransaction> decoded) {
    }

    private JunkTransactions() {
    }

    /** The flood, in sending order. */
    static List<Junk> all() {
        return Pool.JUNK;
    }

    /** Built on first use, since only spam runs need it; immutable after. */
    private static final class Pool {
        static final List<Junk> JUNK = build();

        private static List<Junk> build() {
            final PrivateKey spammer = PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256(new byte[] {'j', 'u', 'n'}));
            final PrivateKey payee = PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256(new byte[] {'p', 'a', 'y'}));
            final List<Junk> junk = new ArrayList<>(COUNT);
            for (int index = 0; index < COUNT; index++) {
                final byte[] blob = Transaction.newBuilder()
                        .setSourceAddress(Workload.address(spammer))
                        .setNonce(2 + index)
                        .setFeeLimit(FEE_LIMIT)
                        .setChainId(World.CHAIN_ID)
                        .addOperations(Operation.newBuilder().setType(Operation.Type.PAY_COIN).setPayCoin(
                                OperationPayCoin.newBuilder().setDestAddress(Workload.address(payee)).setAmount(1)))
                        .build().toByteArray();
                final SignedTransaction envelope = SignedTransaction.newBuilder().setBlob(ByteString.copyFrom(blob))
                        .addSignatures(Signature.newBuilder().setPublicKey(spammer.publicKey().encoded())
                                .setSignData(ByteString.copyFrom(spammer.sign(blob)))).build();
                junk.add(new Junk(envelope, TransactionDecoder.decode(blob, envelope.getSignaturesList())));
            }
            return List.copyOf(junk);
        }
    }
}
