package org.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.Collections;
import java.util.List;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.AccountPrivilege;
import org.banyan.protocol.AccountThreshold;
import org.banyan.protocol.Contract;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationCreateAccount;
import org.banyan.protocol.OperationLog;
import org.banyan.protocol.OperationSetMetadata;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.junit.jupiter.api.Test;

class TransactionDecoderTest {

    private final PrivateKey key = TestChain.key(1);
    private final String source = TestChain.address(key);
    private final String dest = TestChain.address(TestChain.key(2));

    private Transaction.Builder payment() {
        return Transaction.newBuilder().setSourceAddress(source).setNonce(1).setFeeLimit(1_000_000).setGasPrice(100)
            .addOperations(TestChain.pay(dest, 10));
    }

    private ERRORCODE decodeError(final Transaction transaction) {
        final byte[] blob = transaction.toByteArray();
        return TransactionDecoder.decode(blob, TestChain.sign(blob, key)).error().code();
    }

    @Test
    void aWellFormedSignedTransactionDecodes() {
        final byte[] blob = payment().build().toByteArray();
        final VerifiedTransaction verified = TransactionDecoder.decode(blob, TestChain.sign(blob, key)).value();
        assertThat(verified.hash()).isEqualTo(org.banyan.crypto.Hashes.sha256(blob));
        assertThat(verified.hashHex()).hasSize(64);
        assertThat(verified.signers()).containsExactly(source);
        assertThat(verified.sizeBytes()).isGreaterThan(blob.length);
    }

    @Test
    void aSignatureOverOtherBytesIsInvalid() {
        final byte[] blob = payment().build().toByteArray();
        final byte[] other = payment().setNonce(2).build().toByteArray();
        assertThat(TransactionDecoder.decode(blob, TestChain.sign(other, key)).error().code())
            .isEqualTo(ERRORCODE.ERRCODE_INVALID_SIGNATURE);
    }

    @Test
    void garbageSignaturesAndKeysAreInvalid() {
        final byte[] blob = payment().build().toByteArray();
        final Signature garbage = Signature.newBuilder().setPublicKey(key.publicKey().encoded())
            .setSignData(ByteString.copyFrom(new byte[3])).build();
        assertThat(TransactionDecoder.decode(blob, List.of(garbage)).error().code()).isEqualTo(ERRORCODE.ERRCODE_INVALID_SIGNATURE);
        final Signature badKey = Signature.newBuilder().setPublicKey("b06566zz").setSignData(ByteString.copyFrom(new byte[64])).build();
        assertThat(TransactionDecoder.decode(blob, List.of(badKey)).error().code()).isEqualTo(ERRORCODE.ERRCODE_INVALID_SIGNATURE);
        assertThat(TransactionDecoder.decode(blob, List.of()).error().code()).isEqualTo(ERRORCODE.ERRCODE_INVALID_SIGNATURE);
    }

    @Test
    void aMalformedBlobIsAnInvalidParameter() {
        final byte[] garbage = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThat(TransactionDecoder.decode(garbage, TestChain.sign(garbage, key)).error().code())
            .isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
        assertThat(TransactionDecoder.decode(new byte[0], TestChain.sign(new byte[0], key)).error().code())
            .isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
    }

    @Test
    void transactionsOverOneMegabyteAreTooBig() {
        final String value = "x".repeat(200 * 1024);
        final Transaction.Builder big = payment().clearOperations();
        for (int index = 0; index < 6; index++) {
            big.addOperations(Operation.newBuilder().setType(Operation.Type.SET_METADATA)
                .setSetMetadata(OperationSetMetadata.newBuilder().setKey("k" + index).setValue(value)));
        }
        assertThat(decodeError(big.build())).isEqualTo(ERRORCODE.ERRCODE_TX_SIZE_TOO_BIG);
    }

    @Test
    void operationCountIsCapped() {
        final Transaction.Builder many = payment().clearOperations();
        for (int index = 0; index < Limits.MAX_OPERATIONS; index++) {
            many.addOperations(TestChain.pay(dest, 1));
        }
        final byte[] atCap = many.build().toByteArray();
        assertThat(TransactionDecoder.decode(atCap, TestChain.sign(atCap, key)).isOk()).isTrue();
        assertThat(decodeError(many.addOperations(TestChain.pay(dest, 1)).build())).isEqualTo(ERRORCODE.ERRCODE_TOO_MANY_OPERATIONS);
        assertThat(decodeError(payment().clearOperations().build())).isEqualTo(ERRORCODE.ERRCODE_MISSING_OPERATIONS);
    }

    @Test
    void signatureCountIsCapped() {
        final byte[] blob = payment().build().toByteArray();
        final List<Signature> tooMany = Collections.nCopies(Limits.MAX_SIGNATURES + 1, TestChain.sign(blob, key).get(0));
        assertThat(TransactionDecoder.decode(blob, tooMany).error().code()).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
        final List<Signature> atCap = Collections.nCopies(Limits.MAX_SIGNATURES, TestChain.sign(blob, key).get(0));
        assertThat(TransactionDecoder.decode(blob, atCap).isOk()).isTrue();
    }

    @Test
    void metadataKeyAndValueLimits() {
        final Operation.Builder set = Operation.newBuilder().setType(Operation.Type.SET_METADATA);
        assertThat(decodeError(payment().clearOperations().addOperations(set.setSetMetadata(OperationSetMetadata.newBuilder()
            .setKey("k".repeat(Limits.MAX_METADATA_KEY_BYTES + 1)).setValue("v"))).build()))
            .isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
        assertThat(decodeError(payment().clearOperations().addOperations(set.setSetMetadata(OperationSetMetadata.newBuilder()
            .setKey("").setValue("v"))).build())).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
        assertThat(decodeError(payment().clearOperations().addOperations(set.setSetMetadata(OperationSetMetadata.newBuilder()
            .setKey("k").setValue("v".repeat(Limits.MAX_METADATA_VALUE_BYTES + 1)))).build()))
            .isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
        final byte[] atCap = payment().clearOperations().addOperations(set.setSetMetadata(OperationSetMetadata.newBuilder()
            .setKey("k".repeat(Limits.MAX_METADATA_KEY_BYTES)).setValue("v".repeat(Limits.MAX_METADATA_VALUE_BYTES)))).build().toByteArray();
        assertThat(TransactionDecoder.decode(atCap, TestChain.sign(atCap, key)).isOk()).isTrue();
    }

    @Test
    void addressesAndAmountsAreChecked() {
        assertThat(decodeError(payment().setSourceAddress("did:bid:nonsense").build())).isEqualTo(ERRORCODE.ERRCODE_INVALID_ADDRESS);
        assertThat(decodeError(payment().clearOperations().addOperations(TestChain.pay("alice", 1)).build()))
            .isEqualTo(ERRORCODE.ERRCODE_INVALID_ADDRESS);
        assertThat(decodeError(payment().clearOperations().addOperations(TestChain.pay(dest, -1)).build()))
            .isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
        assertThat(decodeError(payment().clearOperations().addOperations(TestChain.pay(source, 1)).build()))
            .isEqualTo(ERRORCODE.ERRCODE_ACCOUNT_SOURCEDEST_EQUAL);
        assertThat(decodeError(payment().setNonce(0).build())).isEqualTo(ERRORCODE.ERRCODE_BAD_SEQUENCE);
        assertThat(decodeError(payment().setDomainId(3).build())).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
    }

    @Test
    void logLimits() {
        final Operation.Builder log = Operation.newBuilder().setType(Operation.Type.LOG);
        assertThat(decodeError(payment().clearOperations().addOperations(log.setLog(OperationLog.newBuilder()
            .setTopic("t".repeat(Limits.MAX_LOG_TOPIC_BYTES + 1)))).build())).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
        assertThat(decodeError(payment().clearOperations().addOperations(log.setLog(OperationLog.newBuilder()
            .setTopic("t").addDatas("d".repeat(Limits.MAX_LOG_DATA_BYTES + 1)))).build())).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
    }

    @Test
    void contractsAreNotSupportedYet() {
        final Transaction deploy = payment().clearOperations().addOperations(Operation.newBuilder()
            .setType(Operation.Type.CREATE_ACCOUNT)
            .setCreateAccount(OperationCreateAccount.newBuilder()
                .setContract(Contract.newBuilder().setPayload("\"use strict\"; function main(input) {}"))
                .setPriv(AccountPrivilege.newBuilder().setThresholds(AccountThreshold.newBuilder().setTxThreshold(1)))))
            .build();
        final byte[] blob = deploy.toByteArray();
        final LedgerError error = TransactionDecoder.decode(blob, TestChain.sign(blob, key)).error();
        assertThat(error.code()).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
        assertThat(error.message()).contains("not supported yet");
    }
}
