package org.banyan.node;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.TransactionDecoder;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.AccountPrivilege;
import org.banyan.protocol.AccountThreshold;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationCreateAccount;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;

/** Deterministic keys and signed transactions for node tests, built straight from the protobuf classes. */
public final class TestTransactions {

    /** A fee limit that covers any payment at the default gas price. */
    public static final long FEE_LIMIT = 1_000_000;

    /** The dev chain's minimum, which test genesis files use too. */
    public static final long GAS_PRICE = DevNode.MIN_GAS_PRICE;

    private TestTransactions() {
    }

    /** The test key with this index; the same index always gives the same key. */
    public static PrivateKey key(final int index) {
        return PrivateKey.fromRaw(KeyType.ED25519,
            Hashes.sha256(("banyan node test key " + index).getBytes(StandardCharsets.UTF_8)));
    }

    /** The test key of {@code type} with this index. */
    public static PrivateKey key(final KeyType type, final int index) {
        return PrivateKey.fromRaw(type,
            Hashes.sha256(("banyan node test key " + type + " " + index).getBytes(StandardCharsets.UTF_8)));
    }

    /** The main-chain address of a key. */
    public static String address(final PrivateKey key) {
        return key.publicKey().address().toString();
    }

    /** A payment transaction (unsigned). */
    public static Transaction.Builder payment(final PrivateKey from, final long nonce, final String to, final long amount) {
        return Transaction.newBuilder()
            .setSourceAddress(address(from))
            .setNonce(nonce)
            .setFeeLimit(FEE_LIMIT)
            .setGasPrice(GAS_PRICE)
            .addOperations(Operation.newBuilder()
                .setType(Operation.Type.PAY_COIN)
                .setPayCoin(OperationPayCoin.newBuilder().setDestAddress(to).setAmount(amount)));
    }

    /** A transaction of one system contract call per input, paying {@code feeLimit} at most (unsigned). */
    public static Transaction.Builder contractCalls(final PrivateKey from, final long nonce, final long feeLimit,
                                                    final String contractAddress, final String... inputs) {
        final Transaction.Builder transaction = Transaction.newBuilder()
            .setSourceAddress(address(from))
            .setNonce(nonce)
            .setFeeLimit(feeLimit)
            .setGasPrice(GAS_PRICE);
        for (final String input : inputs) {
            transaction.addOperations(Operation.newBuilder()
                .setType(Operation.Type.PAY_COIN)
                .setPayCoin(OperationPayCoin.newBuilder().setDestAddress(contractAddress).setAmount(0).setInput(input)));
        }
        return transaction;
    }

    /** A transaction creating a plain account (master weight 1, threshold 1), unsigned. */
    public static Transaction.Builder createAccount(final PrivateKey from, final long nonce, final String address,
                                                    final long initialBalance) {
        return Transaction.newBuilder()
            .setSourceAddress(address(from))
            .setNonce(nonce)
            .setFeeLimit(FEE_LIMIT)
            .setGasPrice(GAS_PRICE)
            .addOperations(Operation.newBuilder()
                .setType(Operation.Type.CREATE_ACCOUNT)
                .setCreateAccount(OperationCreateAccount.newBuilder()
                    .setDestAddress(address)
                    .setInitBalance(initialBalance)
                    .setPriv(AccountPrivilege.newBuilder().setMasterWeight(1)
                        .setThresholds(AccountThreshold.newBuilder().setTxThreshold(1)))));
    }

    /** A signature by {@code key} over the exact blob. */
    public static Signature sign(final PrivateKey key, final byte[] blob) {
        return Signature.newBuilder()
            .setPublicKey(key.publicKey().encoded())
            .setSignData(ByteString.copyFrom(key.sign(blob)))
            .build();
    }

    /** The transaction signed by its source's key and passed through the decoder, as the node would admit it. */
    public static VerifiedTransaction verified(final PrivateKey key, final Transaction transaction) {
        final byte[] blob = transaction.toByteArray();
        final Outcome<VerifiedTransaction> decoded = TransactionDecoder.decode(blob, List.of(sign(key, blob)));
        return decoded.value();
    }
}
