package org.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.Account;
import org.banyan.protocol.AccountPrivilege;
import org.banyan.protocol.AccountThreshold;
import org.banyan.protocol.ControlledArea;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.KeyPair;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationCreateAccount;
import org.banyan.protocol.OperationLog;
import org.banyan.protocol.OperationSetControlledArea;
import org.banyan.protocol.OperationSetMetadata;
import org.banyan.protocol.OperationSetPrivilege;
import org.banyan.protocol.Signer;
import org.banyan.protocol.TransactionEnvStore;
import org.banyan.store.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private final TestChain chain = new TestChain();
    private final PrivateKey alice = TestChain.key(1);
    private final PrivateKey bob = TestChain.key(2);
    private final PrivateKey carol = TestChain.key(3);

    @AfterEach
    void stateStaysConsistent() {
        StateInvariants.check(chain);
    }

    @Test
    void genesisLedgerHoldsTheConfiguredAccounts() {
        final LedgerHeader header = chain.ledger.lastHeader();
        assertThat(header.getSeq()).isEqualTo(1);
        assertThat(header.getChainId()).isEqualTo(TestChain.CHAIN_ID);
        assertThat(header.getVersion()).isEqualTo(Ledger.LEDGER_VERSION);
        assertThat(chain.balanceOf(chain.genesisAddress())).isEqualTo(TestChain.GENESIS_BALANCE);
        assertThat(chain.nonceOf(chain.genesisAddress())).isZero();
    }

    @Test
    void reopeningResumesFromTheLastLedger() {
        chain.submit(chain.transaction(chain.genesisKey, tx -> tx.addOperations(TestChain.pay(TestChain.address(alice), 5_000))));
        final LedgerHeader last = chain.ledger.lastHeader();
        final Ledger reopened = Ledger.open(chain.store, chain.genesis);
        assertThat(reopened.lastHeader()).isEqualTo(last);
        assertThat(reopened.account(TestChain.address(alice)).orElseThrow().getBalance()).isEqualTo(5_000);
    }

    @Test
    void aStoreOfAnotherChainIsRefused() {
        final Genesis other = new Genesis(99, true, chain.genesis.closeTimeMicros(), chain.genesisAddress(),
            chain.genesis.accounts(), chain.genesis.validators(), chain.genesis.fees());
        assertThatThrownBy(() -> Ledger.open(chain.store, other))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("different chain");
        final Genesis otherGovernance = new Genesis(chain.genesis.chainId(), true, chain.genesis.closeTimeMicros(),
            TestChain.address(alice), chain.genesis.accounts(), chain.genesis.validators(), chain.genesis.fees());
        assertThatThrownBy(() -> Ledger.open(chain.store, otherGovernance))
            .as("every genesis rule is part of the genesis hash").hasMessageContaining("different chain");
        final Genesis strict = new Genesis(chain.genesis.chainId(), false, chain.genesis.closeTimeMicros(),
            chain.genesisAddress(), chain.genesis.accounts(), chain.genesis.validators(), chain.genesis.fees());
        assertThatThrownBy(() -> Ledger.open(chain.store, strict)).hasMessageContaining("different chain");
    }

    @Test
    void paymentActivatesTheDestinationAndChargesTheFee() {
        final String genesis = chain.genesisAddress();
        final VerifiedTransaction payment = TestChain.verified(
            chain.transaction(chain.genesisKey, tx -> tx.addOperations(TestChain.pay(TestChain.address(alice), 5_000))).build(),
            chain.genesisKey);
        final ClosedLedger closed = chain.close(payment);

        assertThat(closed.header().getSeq()).isEqualTo(2);
        assertThat(closed.header().getTxCount()).isEqualTo(1);
        assertThat(closed.header().getPreviousHash()).isEqualTo(chain.ledger.header(1).orElseThrow().getHash());
        assertThat(closed.results()).singleElement().satisfies(result -> {
            assertThat(result.getErrorCode()).isZero();
            assertThat(result.getActualFee()).isEqualTo((long) payment.sizeBytes() * TestChain.GAS_PRICE);
            assertThat(result.getHash().toByteArray()).isEqualTo(payment.hash());
            assertThat(result.getTransactionEnv().getTransaction()).isEqualTo(payment.transaction());
        });
        final Account activated = chain.ledger.account(TestChain.address(alice)).orElseThrow();
        assertThat(activated.getBalance()).isEqualTo(5_000);
        assertThat(activated.getPriv().getMasterWeight()).isEqualTo(1);
        assertThat(activated.getPriv().getThresholds().getTxThreshold()).isEqualTo(1);
        // The genesis account is also the only validator, so it gets its fee back.
        assertThat(chain.balanceOf(genesis)).isEqualTo(TestChain.GENESIS_BALANCE - 5_000);
        assertThat(chain.nonceOf(genesis)).isEqualTo(1);
        assertThat(chain.ledger.transaction(payment.hash())).contains(closed.results().get(0));
        assertThat(chain.ledger.transactions(2)).containsExactlyElementsOf(closed.results());
    }

    @Test
    void storedRecordKeepsTheExactSignedBytes() {
        final VerifiedTransaction payment = TestChain.verified(
            chain.transaction(chain.genesisKey, tx -> tx.addOperations(TestChain.pay(TestChain.address(alice), 1))).build(),
            chain.genesisKey);
        chain.close(payment);
        final TransactionEnvStore record = chain.ledger.transaction(payment.hash()).orElseThrow();
        assertThat(record.getTransactionEnv().getTransaction().toByteArray()).isEqualTo(payment.blob());
        assertThat(record.getTransactionEnv().getSignaturesList()).isEqualTo(payment.signatures());
    }

    @Test
    void operationsOfAFailedTransactionAreUndoneButItsFeeAndNonceAreKept() {
        fund(alice, 1_000_000_000);
        final long before = chain.balanceOf(TestChain.address(alice));
        // The first payment would succeed alone; the second overdraws, so neither may happen.
        final ClosedLedger closed = chain.submit(chain.transaction(alice, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(bob), 1_000))
            .addOperations(TestChain.pay(TestChain.address(carol), 10_000_000_000L))), alice);
        final TransactionEnvStore result = closed.results().get(0);
        assertThat(result.getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_ACCOUNT_LOW_RESERVE_VALUE);
        assertThat(result.getErrorDesc()).contains("operation 1");
        assertThat(chain.ledger.account(TestChain.address(bob))).isEmpty();
        assertThat(chain.balanceOf(TestChain.address(alice))).isEqualTo(before - result.getActualFee());
        assertThat(chain.nonceOf(TestChain.address(alice))).isEqualTo(1);
    }

    @Test
    void aNonceThatIsNotNextIsLeftOutOfTheLedger() {
        final VerifiedTransaction gap = TestChain.verified(chain.transaction(chain.genesisKey, tx -> tx
            .setNonce(5).addOperations(TestChain.pay(TestChain.address(alice), 1))).build(), chain.genesisKey);
        assertThat(chain.ledger.admissionCheck(gap).isOk()).as("a future nonce may wait in the pool").isTrue();
        final ClosedLedger closed = chain.close(gap);
        assertThat(closed.results()).isEmpty();
        assertThat(closed.rejected()).singleElement()
            .satisfies(rejected -> assertThat(rejected.error().code()).isEqualTo(ERRORCODE.ERRCODE_BAD_SEQUENCE));
        assertThat(chain.nonceOf(chain.genesisAddress())).isZero();
    }

    @Test
    void aUsedNonceIsRefusedAtAdmission() {
        chain.submit(chain.transaction(chain.genesisKey, tx -> tx.addOperations(TestChain.pay(TestChain.address(alice), 1))));
        final VerifiedTransaction replay = TestChain.verified(chain.transaction(chain.genesisKey, tx -> tx
            .setNonce(1).addOperations(TestChain.pay(TestChain.address(bob), 1))).build(), chain.genesisKey);
        assertThat(chain.ledger.admissionCheck(replay).error().code()).isEqualTo(ERRORCODE.ERRCODE_BAD_SEQUENCE);
    }

    @Test
    void feeLimitBelowTheFeeIsRefused() {
        final VerifiedTransaction cheap = TestChain.verified(chain.transaction(chain.genesisKey, tx -> tx
            .setFeeLimit(10).addOperations(TestChain.pay(TestChain.address(alice), 1))).build(), chain.genesisKey);
        assertThat(chain.ledger.admissionCheck(cheap).error().code()).isEqualTo(ERRORCODE.ERRCODE_FEE_NOT_ENOUGH);
        assertThat(chain.close(cheap).rejected()).singleElement()
            .satisfies(rejected -> assertThat(rejected.error().code()).isEqualTo(ERRORCODE.ERRCODE_FEE_NOT_ENOUGH));
    }

    @Test
    void balanceBelowTheFeeLimitIsRefused() {
        fund(alice, 500_000);
        final VerifiedTransaction poor = TestChain.verified(chain.transaction(alice, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(bob), 1))).build(), alice);
        assertThat(chain.ledger.admissionCheck(poor).error().code()).isEqualTo(ERRORCODE.ERRCODE_FEE_NOT_ENOUGH);
    }

    @Test
    void gasPriceBelowTheMinimumIsRefused() {
        final VerifiedTransaction free = TestChain.verified(chain.transaction(chain.genesisKey, tx -> tx
            .setGasPrice(0).addOperations(TestChain.pay(TestChain.address(alice), 1))).build(), chain.genesisKey);
        assertThat(chain.ledger.admissionCheck(free).error().code()).isEqualTo(ERRORCODE.ERRCODE_FEE_INVALID);
    }

    @Test
    void aWrongChainIdIsRefusedAndAnUnspecifiedOneAccepted() {
        final VerifiedTransaction wrong = TestChain.verified(chain.transaction(chain.genesisKey, tx -> tx
            .setChainId(8).addOperations(TestChain.pay(TestChain.address(alice), 1))).build(), chain.genesisKey);
        assertThat(chain.ledger.admissionCheck(wrong).error().code()).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
        assertThat(chain.ledger.admissionCheck(wrong).error().message()).contains("chain_id 8");
        final VerifiedTransaction unspecified = TestChain.verified(chain.transaction(chain.genesisKey, tx -> tx
            .clearChainId().addOperations(TestChain.pay(TestChain.address(alice), 1))).build(), chain.genesisKey);
        assertThat(chain.ledger.admissionCheck(unspecified).isOk()).isTrue();
    }

    @Test
    void anExpiredCeilLedgerSeqIsRefused() {
        final VerifiedTransaction expired = TestChain.verified(chain.transaction(chain.genesisKey, tx -> tx
            .setCeilLedgerSeq(1).addOperations(TestChain.pay(TestChain.address(alice), 1))).build(), chain.genesisKey);
        assertThat(chain.ledger.admissionCheck(expired).error().code()).isEqualTo(ERRORCODE.ERRCODE_TX_TIMEOUT);
    }

    @Test
    void aSignatureByAnotherKeyIsRefusedAtAdmission() {
        final VerifiedTransaction foreign = TestChain.verified(chain.transaction(chain.genesisKey, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(alice), 1))).build(), alice);
        assertThat(chain.ledger.admissionCheck(foreign).error().code()).isEqualTo(ERRORCODE.ERRCODE_INVALID_SIGNATURE);
    }

    @Test
    void multiSignatureNeedsTheThresholdWeight() {
        fund(alice, 1_000_000_000);
        // alice: master weight 1, bob weight 1, carol weight 1; transactions need 2; PAY_COIN needs 3.
        chain.submit(chain.transaction(alice, tx -> tx.addOperations(Operation.newBuilder()
            .setType(Operation.Type.SET_PRIVILEGE)
            .setSetPrivilege(OperationSetPrivilege.newBuilder()
                .addSigners(Signer.newBuilder().setAddress(TestChain.address(bob)).setWeight(1))
                .addSigners(Signer.newBuilder().setAddress(TestChain.address(carol)).setWeight(1))
                .setTxThreshold("2")
                .addTypeThresholds(org.banyan.protocol.OperationTypeThreshold.newBuilder()
                    .setType(Operation.Type.PAY_COIN).setThreshold(3))))), alice);
        final AccountPrivilege privilege = chain.ledger.account(TestChain.address(alice)).orElseThrow().getPriv();
        assertThat(privilege.getSignersCount()).isEqualTo(2);
        assertThat(privilege.getThresholds().getTxThreshold()).isEqualTo(2);

        final VerifiedTransaction single = TestChain.verified(chain.transaction(alice, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(bob), 1))).build(), alice);
        assertThat(chain.ledger.admissionCheck(single).error().code()).isEqualTo(ERRORCODE.ERRCODE_INVALID_SIGNATURE);

        // Two of three carry the transaction but not PAY_COIN: the tx lands, fails with 93, pays its fee.
        final long before = chain.balanceOf(TestChain.address(alice));
        final ClosedLedger twoOfThree = chain.submit(chain.transaction(alice, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(bob), 1))), alice, bob);
        assertThat(twoOfThree.results().get(0).getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_INVALID_SIGNATURE_VALUE);
        assertThat(chain.ledger.account(TestChain.address(bob))).isEmpty();
        assertThat(chain.balanceOf(TestChain.address(alice))).isEqualTo(before - twoOfThree.results().get(0).getActualFee());

        final ClosedLedger allThree = chain.submit(chain.transaction(alice, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(bob), 1))), alice, bob, carol);
        assertThat(allThree.results().get(0).getErrorCode()).isZero();
        assertThat(chain.balanceOf(TestChain.address(bob))).isEqualTo(1);
    }

    @Test
    void anOperationMayNameItsOwnSourceAccount() {
        fund(alice, 1_000_000_000);
        final ClosedLedger closed = chain.submit(chain.transaction(chain.genesisKey, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(alice), 1_000).toBuilder().build())
            .addOperations(TestChain.pay(TestChain.address(bob), 700).toBuilder()
                .setSourceAddress(TestChain.address(alice)).build())), chain.genesisKey, alice);
        assertThat(closed.results().get(0).getErrorCode()).isZero();
        assertThat(chain.balanceOf(TestChain.address(bob))).isEqualTo(700);
        assertThat(chain.nonceOf(TestChain.address(alice))).as("only the transaction source uses a nonce").isZero();

        final ClosedLedger unsigned = chain.submit(chain.transaction(chain.genesisKey, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(bob), 1).toBuilder()
                .setSourceAddress(TestChain.address(alice)).build())), chain.genesisKey);
        assertThat(unsigned.results().get(0).getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_INVALID_SIGNATURE_VALUE);
    }

    @Test
    void createAccountAndVersionedMetadata() {
        final ClosedLedger created = chain.submit(chain.transaction(chain.genesisKey, tx -> tx.addOperations(Operation.newBuilder()
            .setType(Operation.Type.CREATE_ACCOUNT)
            .setCreateAccount(OperationCreateAccount.newBuilder()
                .setDestAddress(TestChain.address(alice))
                .setInitBalance(1_000_000_000)
                .setPriv(AccountPrivilege.newBuilder().setMasterWeight(1)
                    .setThresholds(AccountThreshold.newBuilder().setTxThreshold(1)))
                .addMetadatas(KeyPair.newBuilder().setKey("kind").setValue("person"))))));
        assertThat(created.results().get(0).getErrorCode()).isZero();
        assertThat(chain.ledger.metadata(TestChain.address(alice), "kind").orElseThrow().getVersion()).isEqualTo(1);

        final ClosedLedger again = chain.submit(chain.transaction(chain.genesisKey, tx -> tx.addOperations(Operation.newBuilder()
            .setType(Operation.Type.CREATE_ACCOUNT)
            .setCreateAccount(OperationCreateAccount.newBuilder().setDestAddress(TestChain.address(alice))
                .setPriv(AccountPrivilege.newBuilder().setMasterWeight(1)
                    .setThresholds(AccountThreshold.newBuilder().setTxThreshold(1)))))));
        assertThat(again.results().get(0).getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_ACCOUNT_DEST_EXIST_VALUE);

        assertThat(setMetadata(alice, "kind", "company", 2).getErrorCode()).isZero();
        assertThat(chain.ledger.metadata(TestChain.address(alice), "kind").orElseThrow().getValue()).isEqualTo("company");
        assertThat(setMetadata(alice, "kind", "stale", 2).getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_INVALID_DATAVERSION_VALUE);
        assertThat(setMetadata(alice, "kind", "any", 0).getErrorCode()).isZero();
        assertThat(chain.ledger.metadata(TestChain.address(alice), "kind").orElseThrow().getVersion()).isEqualTo(3);
        assertThat(chain.ledger.metadata(TestChain.address(alice))).hasSize(1);

        final TransactionEnvStore deleted = submitOne(alice, Operation.newBuilder().setType(Operation.Type.SET_METADATA)
            .setSetMetadata(OperationSetMetadata.newBuilder().setKey("kind").setDeleteFlag(true)).build());
        assertThat(deleted.getErrorCode()).isZero();
        assertThat(chain.ledger.metadata(TestChain.address(alice), "kind")).isEmpty();
        assertThat(chain.ledger.account(TestChain.address(alice)).orElseThrow().getMetadatasHash()).isEmpty();
    }

    @Test
    void logOperationsAreRecordedWithoutChangingState() {
        final TransactionEnvStore logged = submitOne(chain.genesisKey, Operation.newBuilder().setType(Operation.Type.LOG)
            .setLog(OperationLog.newBuilder().setTopic("audit").addDatas("entry-1")).build());
        assertThat(logged.getErrorCode()).isZero();
        assertThat(logged.getTransactionEnv().getTransaction().getOperations(0).getLog().getDatas(0)).isEqualTo("entry-1");
    }

    @Test
    void onlyTheGovernanceAccountSetsControlledAreas() {
        fund(alice, 1_000_000_000);
        final Operation trustAlice = Operation.newBuilder().setType(Operation.Type.SET_CONTROLLED_AREA)
            .setSetControlledArea(OperationSetControlledArea.newBuilder().setDestAddress(TestChain.address(alice))
                .setSTrusted(true).setTrusted(ControlledArea.TRUST_FLAG.TRUSTED)
                .setSStatus(true).setStatus(ControlledArea.STATUS_FALG.DISABLED)).build();
        assertThat(submitOne(alice, trustAlice).getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED_VALUE);
        assertThat(chain.ledger.account(TestChain.address(alice)).orElseThrow().hasControlledArea()).isFalse();

        assertThat(submitOne(chain.genesisKey, trustAlice).getErrorCode()).isZero();
        final ControlledArea area = chain.ledger.account(TestChain.address(alice)).orElseThrow().getControlledArea();
        assertThat(area.getTrusted()).isEqualTo(ControlledArea.TRUST_FLAG.TRUSTED);
        assertThat(area.getStatus()).isEqualTo(ControlledArea.STATUS_FALG.DISABLED);
    }

    @Test
    void reserveIsKeptAndNewAccountsMustReachIt() {
        final TestChain reserved = new TestChain(new MemoryStore(), 10_000_000);
        final ClosedLedger tooSmall = reserved.submit(reserved.transaction(reserved.genesisKey, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(alice), 9_999_999))));
        assertThat(tooSmall.results().get(0).getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_ACCOUNT_INIT_LOW_RESERVE_VALUE);
        StateInvariants.check(reserved);
    }

    @Test
    void feeEvaluationPricesWithoutWriting() {
        final LedgerHeader before = chain.ledger.lastHeader();
        final FeeEstimate estimate = chain.ledger.evaluateFee(chain.transaction(chain.genesisKey, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(alice), 5))).build(), 1).value();
        final VerifiedTransaction real = TestChain.verified(chain.transaction(chain.genesisKey, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(alice), 5))).build(), chain.genesisKey);
        assertThat(estimate.sizeBytes()).as("an upper bound, close to the real size").isBetween(real.sizeBytes(), real.sizeBytes() + 80);
        assertThat(estimate.actualFee()).isEqualTo(estimate.sizeBytes() * TestChain.GAS_PRICE);
        assertThat(chain.ledger.lastHeader()).isEqualTo(before);
        final VerifiedTransaction quoted = TestChain.verified(chain.transaction(chain.genesisKey, tx -> tx
            .setFeeLimit(estimate.actualFee()).addOperations(TestChain.pay(TestChain.address(alice), 5))).build(), chain.genesisKey);
        assertThat(chain.ledger.admissionCheck(quoted).isOk()).as("the quote is enough as fee_limit").isTrue();

        final Outcome<FeeEstimate> tooCheap = chain.ledger.evaluateFee(chain.transaction(chain.genesisKey, tx -> tx
            .setGasPrice(0).addOperations(TestChain.pay(TestChain.address(alice), 5))).build(), 1);
        assertThat(tooCheap.isOk()).as("gas price 0 means: price at the chain minimum").isTrue();

        final Outcome<FeeEstimate> overdraft = chain.ledger.evaluateFee(chain.transaction(chain.genesisKey, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(alice), Long.MAX_VALUE))).build(), 1);
        assertThat(overdraft.error().code()).isEqualTo(ERRORCODE.ERRCODE_ACCOUNT_LOW_RESERVE);
    }

    @Test
    void accountProofsVerifyAgainstTheirHeaders() {
        fund(alice, 42);
        final AccountProof present = chain.ledger.accountProof(TestChain.address(alice), 2).orElseThrow();
        assertThat(present.account().orElseThrow().getBalance()).isEqualTo(42);
        assertThat(present.proof().verifiesInclusion(present.header().getAccountTreeHash().toByteArray(),
            LedgerHashes.accountKey(TestChain.address(alice)), org.banyan.crypto.Hashes.sha256(present.accountBlob().orElseThrow())))
            .isTrue();

        fund(alice, 8);
        final AccountProof historic = chain.ledger.accountProof(TestChain.address(alice), 2).orElseThrow();
        assertThat(historic.account().orElseThrow().getBalance()).as("the proof shows the account as of ledger 2").isEqualTo(42);

        final AccountProof absent = chain.ledger.accountProof(TestChain.address(bob), 3).orElseThrow();
        assertThat(absent.account()).isEmpty();
        assertThat(absent.proof().verifiesExclusion(absent.header().getAccountTreeHash().toByteArray(),
            LedgerHashes.accountKey(TestChain.address(bob)))).isTrue();
        assertThat(chain.ledger.accountProof(TestChain.address(bob), 99)).isEmpty();
    }

    @Test
    void closeTimeMustIncrease() {
        final long last = chain.ledger.lastHeader().getCloseTime();
        assertThatThrownBy(() -> chain.ledger.close(List.of(), last)).isInstanceOf(AssertionError.class);
    }

    private void fund(final PrivateKey key, final long amount) {
        final ClosedLedger closed = chain.submit(chain.transaction(chain.genesisKey, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(key), amount))));
        assertThat(closed.results().get(0).getErrorCode()).isZero();
    }

    private TransactionEnvStore setMetadata(final PrivateKey key, final String name, final String value, final long version) {
        return submitOne(key, Operation.newBuilder().setType(Operation.Type.SET_METADATA)
            .setSetMetadata(OperationSetMetadata.newBuilder().setKey(name).setValue(value).setVersion(version)).build());
    }

    private TransactionEnvStore submitOne(final PrivateKey key, final Operation operation) {
        final ClosedLedger closed = chain.submit(chain.transaction(key, tx -> tx.addOperations(operation)), key);
        assertThat(closed.results()).hasSize(1);
        return closed.results().get(0);
    }
}
