package org.banyan.sdk;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.crypto.Address;
import org.banyan.protocol.AccountPrivilege;
import org.banyan.protocol.AccountThreshold;
import org.banyan.protocol.ControlledArea;
import org.banyan.protocol.KeyPair;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationCreateAccount;
import org.banyan.protocol.OperationLog;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.OperationSetControlledArea;
import org.banyan.protocol.OperationSetMetadata;
import org.banyan.protocol.OperationSetPrivilege;
import org.banyan.protocol.OperationSetSignerWeight;
import org.banyan.protocol.OperationSetThreshold;
import org.banyan.protocol.OperationTypeThreshold;
import org.banyan.protocol.Signer;
import org.banyan.protocol.Transaction;

/**
 * Builds a BIF 1.x transaction blob. Defaults match the official BIF SDK: gas price 100, fee limit 1,000,000,
 * chain id 0 ("unspecified", absent from the blob). Source and nonce are required; the nonce is the source account's
 * committed nonce plus one. Each operation runs as the transaction source unless {@link #operationSource} names
 * another account, which must then sign too.
 *
 * <p>Not thread-safe; build one transaction per builder.
 */
public final class TransactionBuilder {

    /** Gas price the BIF SDK uses unless told otherwise, in glowstone per byte. */
    public static final long DEFAULT_GAS_PRICE = 100;

    /** Fee limit the BIF SDK uses unless told otherwise, in glowstone. */
    public static final long DEFAULT_FEE_LIMIT = 1_000_000;

    /** Most operations in one transaction (BIF {@code Transaction.Limit.OPERATIONS}); nodes reject more with error 98. */
    public static final int MAX_OPERATIONS = Transaction.Limit.OPERATIONS_VALUE;

    private Optional<String> source = Optional.empty();
    private long nonce;
    private long gasPrice = DEFAULT_GAS_PRICE;
    private long feeLimit = DEFAULT_FEE_LIMIT;
    private long ceilLedgerSeq;
    private long chainId;
    private ByteString metadata = ByteString.EMPTY;
    private final List<Operation> operations = new ArrayList<>();

    /** The account that pays the fee and whose nonce the transaction uses. */
    public TransactionBuilder source(final String sourceAddress) {
        this.source = Optional.of(checkedAddress(sourceAddress, "source address"));
        return this;
    }

    /** The source account's next nonce: its committed nonce plus one. */
    public TransactionBuilder nonce(final long nonce) {
        if (nonce < 1) {
            throw new IllegalArgumentException("nonce must be at least 1, got " + nonce);
        }
        this.nonce = nonce;
        return this;
    }

    /** Price per byte of the transaction, in glowstone. */
    public TransactionBuilder gasPrice(final long gasPrice) {
        this.gasPrice = notNegative(gasPrice, "gas price");
        return this;
    }

    /** Most the source agrees to pay in fees, in glowstone. */
    public TransactionBuilder feeLimit(final long feeLimit) {
        this.feeLimit = notNegative(feeLimit, "fee limit");
        return this;
    }

    /** Last ledger sequence the transaction may be included in; 0 means no limit. */
    public TransactionBuilder ceilLedgerSeq(final long ceilLedgerSeq) {
        this.ceilLedgerSeq = notNegative(ceilLedgerSeq, "ceil ledger seq");
        return this;
    }

    /** The chain the transaction is meant for; 0 (the default) means unspecified, as the BIF SDK sends. */
    public TransactionBuilder chainId(final long chainId) {
        this.chainId = notNegative(chainId, "chain id");
        return this;
    }

    /** Free-form bytes stored with the transaction. */
    public TransactionBuilder metadata(final byte[] metadata) {
        this.metadata = ByteString.copyFrom(metadata);
        return this;
    }

    /**
     * Creates an account with an initial balance. Like the BIF SDK, the new account's master key has weight 1 and
     * its transaction threshold is 1, so the key of {@code destAddress} alone controls it.
     */
    public TransactionBuilder createAccount(final String destAddress, final long initBalance) {
        AccountPrivilege privilege = AccountPrivilege.newBuilder()
                .setMasterWeight(1)
                .setThresholds(AccountThreshold.newBuilder().setTxThreshold(1))
                .build();
        return add(Operation.newBuilder()
                .setType(Operation.Type.CREATE_ACCOUNT)
                .setCreateAccount(OperationCreateAccount.newBuilder()
                        .setDestAddress(checkedAddress(destAddress, "destination address"))
                        .setInitBalance(notNegative(initBalance, "initial balance"))
                        .setPriv(privilege)));
    }

    /** Pays {@code amount} glowstone to an existing account. */
    public TransactionBuilder payCoin(final String destAddress, final long amount) {
        return payCoin(destAddress, amount, "");
    }

    /** Pays {@code amount} glowstone to an existing account, with an input string for a contract destination. */
    public TransactionBuilder payCoin(final String destAddress, final long amount, final String input) {
        return add(Operation.newBuilder()
                .setType(Operation.Type.PAY_COIN)
                .setPayCoin(OperationPayCoin.newBuilder()
                        .setDestAddress(checkedAddress(destAddress, "destination address"))
                        .setAmount(notNegative(amount, "amount"))
                        .setInput(input)));
    }

    /** Sets a metadata entry of the operation source without a version check. */
    public TransactionBuilder setMetadata(final String key, final String value) {
        return setMetadata(key, value, 0, false);
    }

    /**
     * Sets or deletes a metadata entry of the operation source. A non-zero {@code version} must equal the entry's
     * current version (optimistic concurrency); 0 skips the check.
     */
    public TransactionBuilder setMetadata(final String key, final String value, final long version, final boolean delete) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("metadata key must not be empty");
        }
        return add(Operation.newBuilder()
                .setType(Operation.Type.SET_METADATA)
                .setSetMetadata(OperationSetMetadata.newBuilder()
                        .setKey(key)
                        .setValue(value)
                        .setVersion(notNegative(version, "metadata version"))
                        .setDeleteFlag(delete)));
    }

    /** Sets the master key weight and the signer weights of the operation source. */
    public TransactionBuilder setSignerWeight(final long masterWeight, final List<SignerWeight> signers) {
        return add(Operation.newBuilder()
                .setType(Operation.Type.SET_SIGNER_WEIGHT)
                .setSetSignerWeight(OperationSetSignerWeight.newBuilder()
                        .setMasterWeight(notNegative(masterWeight, "master weight"))
                        .addAllSigners(signers(signers))));
    }

    /** Sets the transaction threshold and per-operation-type thresholds of the operation source. */
    public TransactionBuilder setThreshold(final long txThreshold, final Map<Operation.Type, Long> typeThresholds) {
        return add(Operation.newBuilder()
                .setType(Operation.Type.SET_THRESHOLD)
                .setSetThreshold(OperationSetThreshold.newBuilder()
                        .setTxThreshold(notNegative(txThreshold, "transaction threshold"))
                        .addAllTypeThresholds(typeThresholds(typeThresholds))));
    }

    /**
     * Changes weights and thresholds of the operation source in one operation; an empty master weight or transaction
     * threshold leaves that value unchanged (BIF encodes them as strings, empty meaning unchanged).
     */
    public TransactionBuilder setPrivilege(final Optional<Long> masterWeight, final List<SignerWeight> signers,
                                           final Optional<Long> txThreshold,
                                           final Map<Operation.Type, Long> typeThresholds) {
        return add(Operation.newBuilder()
                .setType(Operation.Type.SET_PRIVILEGE)
                .setSetPrivilege(OperationSetPrivilege.newBuilder()
                        .setMasterWeight(masterWeight.map(weight -> notNegative(weight, "master weight"))
                                .map(String::valueOf).orElse(""))
                        .addAllSigners(signers(signers))
                        .setTxThreshold(txThreshold.map(threshold -> notNegative(threshold, "transaction threshold"))
                                .map(String::valueOf).orElse(""))
                        .addAllTypeThresholds(typeThresholds(typeThresholds))));
    }

    /** Records a log entry (a topic and data strings) in the ledger. */
    public TransactionBuilder log(final String topic, final List<String> datas) {
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("log topic must not be empty");
        }
        return add(Operation.newBuilder()
                .setType(Operation.Type.LOG)
                .setLog(OperationLog.newBuilder().setTopic(topic).addAllDatas(datas)));
    }

    /**
     * Sets the controlled area (trust flag, status and attributes) of an account; an empty trust flag or status
     * leaves it unchanged. Only the governance account may do this.
     */
    public TransactionBuilder setControlledArea(final String destAddress,
                                                final Optional<ControlledArea.TRUST_FLAG> trusted,
                                                final Optional<ControlledArea.STATUS_FALG> status,
                                                final List<KeyPair> attributes) {
        OperationSetControlledArea.Builder area = OperationSetControlledArea.newBuilder()
                .setDestAddress(checkedAddress(destAddress, "destination address"))
                .addAllAttributes(attributes);
        trusted.ifPresent(flag -> area.setSTrusted(true).setTrusted(flag));
        status.ifPresent(flag -> area.setSStatus(true).setStatus(flag));
        return add(Operation.newBuilder().setType(Operation.Type.SET_CONTROLLED_AREA).setSetControlledArea(area));
    }

    /**
     * Makes the most recently added operation act on behalf of another account (whose key must also sign), instead
     * of the transaction source.
     */
    public TransactionBuilder operationSource(final String sourceAddress) {
        if (operations.isEmpty()) {
            throw new IllegalStateException("add an operation before naming its source");
        }
        int last = operations.size() - 1;
        operations.set(last, operations.get(last).toBuilder()
                .setSourceAddress(checkedAddress(sourceAddress, "operation source address"))
                .build());
        return this;
    }

    /**
     * Serializes the transaction.
     *
     * @throws IllegalStateException when the source, the nonce or every operation is missing
     */
    public UnsignedTransaction build() {
        String sourceAddress = source.orElseThrow(() -> new IllegalStateException("transaction source is not set"));
        if (nonce == 0) {
            throw new IllegalStateException("transaction nonce is not set (use the account nonce plus one)");
        }
        if (operations.isEmpty()) {
            throw new IllegalStateException("a transaction needs at least one operation");
        }
        Transaction transaction = Transaction.newBuilder()
                .setSourceAddress(sourceAddress)
                .setNonce(nonce)
                .setGasPrice(gasPrice)
                .setFeeLimit(feeLimit)
                .setCeilLedgerSeq(ceilLedgerSeq)
                .setChainId(chainId)
                .setMetadata(metadata)
                .addAllOperations(operations)
                .build();
        return new UnsignedTransaction(transaction.toByteString());
    }

    private TransactionBuilder add(final Operation.Builder operation) {
        if (operations.size() == MAX_OPERATIONS) {
            throw new IllegalStateException("a transaction holds at most " + MAX_OPERATIONS + " operations");
        }
        operations.add(operation.build());
        return this;
    }

    private static List<Signer> signers(final List<SignerWeight> signers) {
        return signers.stream()
                .map(signer -> Signer.newBuilder().setAddress(signer.address()).setWeight(signer.weight()).build())
                .toList();
    }

    private static List<OperationTypeThreshold> typeThresholds(final Map<Operation.Type, Long> thresholds) {
        return thresholds.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> OperationTypeThreshold.newBuilder()
                        .setType(entry.getKey())
                        .setThreshold(notNegative(entry.getValue(), "threshold of " + entry.getKey()))
                        .build())
                .toList();
    }

    private static String checkedAddress(final String address, final String what) {
        if (Address.tryParse(address).isEmpty()) {
            throw new IllegalArgumentException(what + " is not a valid BID account address: " + address);
        }
        return address;
    }

    private static long notNegative(final long value, final String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
        return value;
    }
}
