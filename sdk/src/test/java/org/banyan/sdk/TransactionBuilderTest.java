package org.banyan.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.crypto.PrivateKey;
import org.banyan.crypto.PublicKey;
import org.banyan.protocol.AccountPrivilege;
import org.banyan.protocol.AccountThreshold;
import org.banyan.protocol.ControlledArea;
import org.banyan.protocol.KeyPair;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationCreateAccount;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.junit.jupiter.api.Test;

class TransactionBuilderTest {

    private static final PrivateKey SOURCE_KEY = TestKeys.ed25519(1);
    private static final String SOURCE = SOURCE_KEY.publicKey().address().toString();
    private static final String DEST = TestKeys.ed25519(2).publicKey().address().toString();

    @Test
    void blobParsesBackToTheExpectedTransactionWithBifDefaults() {
        UnsignedTransaction unsigned = new TransactionBuilder().source(SOURCE).nonce(7).payCoin(DEST, 123).build();

        Transaction expected = Transaction.newBuilder()
                .setSourceAddress(SOURCE)
                .setNonce(7)
                .setGasPrice(100)
                .setFeeLimit(1_000_000)
                .addOperations(Operation.newBuilder()
                        .setType(Operation.Type.PAY_COIN)
                        .setPayCoin(OperationPayCoin.newBuilder().setDestAddress(DEST).setAmount(123)))
                .build();
        assertThat(unsigned.transaction()).isEqualTo(expected);
        assertThat(unsigned.blob()).isEqualTo(expected.toByteString());
        assertThat(unsigned.transaction().getChainId()).as("chain id 0 stays absent, as the BIF SDK sends").isZero();
    }

    @Test
    void hashIsSha256OfTheBlobAndSignaturesVerifyOverTheBlob() {
        SignedTransaction signed = new TransactionBuilder().source(SOURCE).nonce(1).payCoin(DEST, 5).build()
                .sign(SOURCE_KEY);

        byte[] blob = signed.blob().toByteArray();
        assertThat(signed.hash()).isEqualTo(Hashes.sha256(blob));
        assertThat(signed.hashHex()).isEqualTo(Hex.encode(Hashes.sha256(blob)));
        Signature signature = signed.signatures().get(0);
        assertThat(signature.getPublicKey()).isEqualTo(SOURCE_KEY.publicKey().encoded());
        assertThat(PublicKey.parse(signature.getPublicKey()).verify(blob, signature.getSignData().toByteArray()))
                .isTrue();
    }

    @Test
    void everyFieldRoundTripsThroughTheBlob() {
        qt().forAll(longs().between(1, Long.MAX_VALUE), longs().between(0, Long.MAX_VALUE),
                        longs().between(0, Long.MAX_VALUE), integers().between(0, 10_000))
                .checkAssert((nonce, amount, gasPrice, ceil) -> {
                    Transaction transaction = new TransactionBuilder()
                            .source(SOURCE).nonce(nonce).gasPrice(gasPrice).feeLimit(amount).ceilLedgerSeq(ceil)
                            .chainId(ceil).metadata(new byte[] {1, 2, 3})
                            .payCoin(DEST, amount, "input")
                            .build().transaction();
                    assertThat(transaction.getNonce()).isEqualTo(nonce);
                    assertThat(transaction.getGasPrice()).isEqualTo(gasPrice);
                    assertThat(transaction.getFeeLimit()).isEqualTo(amount);
                    assertThat(transaction.getCeilLedgerSeq()).isEqualTo((long) ceil);
                    assertThat(transaction.getChainId()).isEqualTo((long) ceil);
                    assertThat(transaction.getMetadata()).isEqualTo(ByteString.copyFrom(new byte[] {1, 2, 3}));
                    assertThat(transaction.getOperations(0).getPayCoin().getAmount()).isEqualTo(amount);
                    assertThat(transaction.getOperations(0).getPayCoin().getInput()).isEqualTo("input");
                });
    }

    @Test
    void createAccountGivesTheNewAccountMasterWeightOneAndThresholdOneLikeTheBifSdk() {
        Operation operation = new TransactionBuilder().source(SOURCE).nonce(1).createAccount(DEST, 1_000).build()
                .transaction().getOperations(0);

        assertThat(operation.getType()).isEqualTo(Operation.Type.CREATE_ACCOUNT);
        assertThat(operation.getCreateAccount()).isEqualTo(OperationCreateAccount.newBuilder()
                .setDestAddress(DEST)
                .setInitBalance(1_000)
                .setPriv(AccountPrivilege.newBuilder().setMasterWeight(1)
                        .setThresholds(AccountThreshold.newBuilder().setTxThreshold(1)))
                .build());
    }

    @Test
    void everyOperationTypeIsEncodedWithItsFields() {
        String third = TestKeys.ed25519(3).publicKey().address().toString();
        List<Operation> operations = new TransactionBuilder().source(SOURCE).nonce(1)
                .setMetadata("k", "v", 3, true)
                .setSignerWeight(2, List.of(new SignerWeight(DEST, 1)))
                .setThreshold(3, Map.of(Operation.Type.PAY_COIN, 2L))
                .setPrivilege(Optional.empty(), List.of(new SignerWeight(third, 4)), Optional.of(5L), Map.of())
                .log("topic", List.of("a", "b"))
                .setControlledArea(DEST, Optional.of(ControlledArea.TRUST_FLAG.TRUSTED), Optional.empty(),
                        List.of(KeyPair.newBuilder().setKey("x").setValue("y").build()))
                .build().transaction().getOperationsList();

        assertThat(operations).extracting(Operation::getType).containsExactly(Operation.Type.SET_METADATA,
                Operation.Type.SET_SIGNER_WEIGHT, Operation.Type.SET_THRESHOLD, Operation.Type.SET_PRIVILEGE,
                Operation.Type.LOG, Operation.Type.SET_CONTROLLED_AREA);
        assertThat(operations.get(0).getSetMetadata().getVersion()).isEqualTo(3);
        assertThat(operations.get(0).getSetMetadata().getDeleteFlag()).isTrue();
        assertThat(operations.get(1).getSetSignerWeight().getMasterWeight()).isEqualTo(2);
        assertThat(operations.get(1).getSetSignerWeight().getSigners(0).getAddress()).isEqualTo(DEST);
        assertThat(operations.get(2).getSetThreshold().getTypeThresholds(0).getType())
                .isEqualTo(Operation.Type.PAY_COIN);
        assertThat(operations.get(3).getSetPrivilege().getMasterWeight()).as("empty = unchanged").isEmpty();
        assertThat(operations.get(3).getSetPrivilege().getTxThreshold()).isEqualTo("5");
        assertThat(operations.get(4).getLog().getDatasList()).containsExactly("a", "b");
        assertThat(operations.get(5).getSetControlledArea().getSTrusted()).isTrue();
        assertThat(operations.get(5).getSetControlledArea().getTrusted()).isEqualTo(ControlledArea.TRUST_FLAG.TRUSTED);
        assertThat(operations.get(5).getSetControlledArea().getSStatus()).as("status left unchanged").isFalse();
    }

    @Test
    void operationSourceAppliesToTheLastOperationOnly() {
        Transaction transaction = new TransactionBuilder().source(SOURCE).nonce(1)
                .payCoin(DEST, 1)
                .setMetadata("k", "v").operationSource(DEST)
                .build().transaction();

        assertThat(transaction.getOperations(0).getSourceAddress()).isEmpty();
        assertThat(transaction.getOperations(1).getSourceAddress()).isEqualTo(DEST);
    }

    @Test
    void multiSignatureTransactionCarriesEverySignerAndAcceptsExternalSignatures() {
        PrivateKey second = TestKeys.ed25519(2);
        PrivateKey third = TestKeys.sm2(3);
        UnsignedTransaction unsigned = new TransactionBuilder().source(SOURCE).nonce(1).payCoin(DEST, 9).build();

        SignedTransaction signed = unsigned.sign(SOURCE_KEY, second);
        Signature external = UnsignedTransaction.fromBlob(unsigned.blob().toByteArray()).signatureBy(third);
        SignedTransaction all = signed.withSignature(external);

        assertThat(all.signatures()).extracting(Signature::getPublicKey).containsExactly(
                SOURCE_KEY.publicKey().encoded(), second.publicKey().encoded(), third.publicKey().encoded());
        assertThat(all.hashHex()).isEqualTo(unsigned.hashHex());
        assertThat(unsigned.sign(SOURCE_KEY).signedBy(second)).isEqualTo(signed);
    }

    @Test
    void aSignatureOverAnotherBlobIsRejectedWithAClearMessage() {
        UnsignedTransaction first = new TransactionBuilder().source(SOURCE).nonce(1).payCoin(DEST, 1).build();
        UnsignedTransaction second = new TransactionBuilder().source(SOURCE).nonce(2).payCoin(DEST, 1).build();

        assertThatThrownBy(() -> first.withSignatures(List.of(second.signatureBy(SOURCE_KEY))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void holdsExactlyMaxOperations() {
        TransactionBuilder builder = new TransactionBuilder().source(SOURCE).nonce(1);
        for (int i = 0; i < TransactionBuilder.MAX_OPERATIONS; i++) {
            builder.log("t", List.of());
        }
        assertThat(builder.build().transaction().getOperationsCount()).isEqualTo(TransactionBuilder.MAX_OPERATIONS);
        assertThatThrownBy(() -> builder.log("t", List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at most 1000 operations");
    }

    @Test
    void carriesExactlyMaxSignatures() {
        UnsignedTransaction unsigned = new TransactionBuilder().source(SOURCE).nonce(1).payCoin(DEST, 1).build();
        PrivateKey[] keys = new PrivateKey[SignedTransaction.MAX_SIGNATURES];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = TestKeys.ed25519(i + 1);
        }
        SignedTransaction full = unsigned.sign(keys);

        assertThat(full.signatures()).hasSize(SignedTransaction.MAX_SIGNATURES);
        assertThatThrownBy(() -> full.signedBy(TestKeys.ed25519(200)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100 signatures");
    }

    @Test
    void missingPartsFailWithClearMessages() {
        assertThatThrownBy(() -> new TransactionBuilder().nonce(1).payCoin(DEST, 1).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("source is not set");
        assertThatThrownBy(() -> new TransactionBuilder().source(SOURCE).payCoin(DEST, 1).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nonce is not set");
        assertThatThrownBy(() -> new TransactionBuilder().source(SOURCE).nonce(1).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one operation");
        assertThatThrownBy(() -> new TransactionBuilder().operationSource(DEST))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("add an operation");
    }

    @Test
    void invalidValuesAreRejectedWhenSet() {
        assertThatThrownBy(() -> new TransactionBuilder().source("did:bid:nonsense"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid BID account address");
        assertThatThrownBy(() -> new TransactionBuilder().payCoin("efXYZ", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("destination address");
        assertThatThrownBy(() -> new TransactionBuilder().nonce(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new TransactionBuilder().payCoin(DEST, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount must not be negative");
        assertThatThrownBy(() -> new TransactionBuilder().setMetadata("", "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key must not be empty");
    }

    @Test
    void aBlobThatIsNotATransactionIsRejected() {
        assertThatThrownBy(() -> UnsignedTransaction.fromBlob("not protobuf \u00ff".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a protobuf Transaction");
    }
}
