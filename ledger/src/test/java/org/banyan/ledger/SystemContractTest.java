package org.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.Account;
import org.banyan.protocol.Contract;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationCreateAccount;
import org.banyan.protocol.AccountPrivilege;
import org.banyan.protocol.AccountThreshold;
import org.banyan.protocol.TransactionEnvStore;
import org.banyan.store.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemContractTest {

    /** A key-value store contract: "put k v", "fail", "count n", "whoami"; queries read a key. */
    private static final TestContract NOTES = TestContract.of("test/notes", SystemContractTest::notesCall,
        context -> context.metadata(context.input()).<Outcome<String>>map(Outcome::ok)
            .orElse(Outcome.failed(ERRORCODE.ERRCODE_NOT_EXIST, "no note '" + context.input() + "'")));

    private static CallResult notesCall(final CallContext context) {
        final String[] words = context.input().split(" ");
        return switch (words[0]) {
            case "put" -> {
                context.putMetadata(words[1], words[2]);
                yield CallResult.success();
            }
            case "whoami" -> {
                context.putMetadata("caller", context.sourceAddress() + "@" + context.ledgerSeq() + "@"
                    + context.closeTimeMicros());
                yield CallResult.success();
            }
            case "count" -> {
                final int total = context.countInTransaction(Integer.parseInt(words[1]));
                yield total > 3 ? CallResult.failure(ERRORCODE.ERRCODE_CONTRACT_EXECUTE_FAIL, "over 3 items: " + total)
                    : CallResult.success();
            }
            default -> CallResult.failure(ERRORCODE.ERRCODE_CONTRACT_EXECUTE_FAIL, "unknown call '" + words[0] + "'");
        };
    }

    private final TestChain chain = new TestChain(SystemContracts.builtIn().with(NOTES));
    private final PrivateKey alice = TestChain.key(1);

    @AfterEach
    void stateStaysConsistent() {
        StateInvariants.check(chain);
    }

    private TransactionEnvStore submit(final Operation... operations) {
        return chain.submit(chain.transaction(chain.genesisKey, tx -> Arrays.stream(operations).forEach(tx::addOperations)))
            .results().get(0);
    }

    private static Operation notes(final String input) {
        return TestChain.call(NOTES.address(), 0, input);
    }

    @Test
    void aCallWritesTheContractsOwnMetadataWhichTheStateTreeCommits() {
        final TransactionEnvStore result = submit(notes("put greeting hello"));

        assertThat(result.getErrorCode()).isZero();
        assertThat(chain.ledger.metadata(NOTES.address(), "greeting").orElseThrow().getValue()).isEqualTo("hello");
        assertThat(chain.ledger.metadata(NOTES.address(), "greeting").orElseThrow().getVersion()).isEqualTo(1);
        final AccountProof proof = chain.ledger.accountProof(NOTES.address(), result.getLedgerSeq()).orElseThrow();
        assertThat(proof.account().orElseThrow().getMetadatasHash().isEmpty()).as("metadata root committed").isFalse();

        submit(notes("put greeting again"));
        assertThat(chain.ledger.metadata(NOTES.address(), "greeting").orElseThrow().getVersion()).isEqualTo(2);
    }

    @Test
    void theContractAccountIsKeylessAndMarkedSystem() {
        submit(notes("put a b"));
        final Account account = chain.ledger.account(NOTES.address()).orElseThrow();
        assertThat(account.getContract().getType()).isEqualTo(Contract.ContractType.SYSTEM);
        assertThat(account.getPriv().getMasterWeight()).isZero();
        assertThat(account.getPriv().getThresholds().getTxThreshold()).isEqualTo(1);
        assertThat(account.getBalance()).isZero();
    }

    @Test
    void anAccountActivatedAtTheAddressBeforeRegistrationBecomesTheKeylessContractAccount() {
        final MemoryStore store = new MemoryStore();
        final TestChain before = new TestChain(store, 0);
        before.submit(before.transaction(before.genesisKey, tx -> tx.addOperations(TestChain.pay(NOTES.address(), 5))));
        assertThat(before.ledger.account(NOTES.address()).orElseThrow().getPriv().getMasterWeight()).isEqualTo(1);

        final Ledger registered = Ledger.open(store, before.genesis, SystemContracts.builtIn().with(NOTES));
        final long nonce = before.nonceOf(before.genesisAddress()) + 1;
        registered.close(java.util.List.of(TestChain.verified(before.transaction(before.genesisKey, tx -> tx
            .setNonce(nonce).addOperations(notes("put a b"))).build(), before.genesisKey)),
            registered.lastHeader().getCloseTime() + 1);

        final Account account = registered.account(NOTES.address()).orElseThrow();
        assertThat(account.getPriv().getMasterWeight()).isZero();
        assertThat(account.getContract().getType()).isEqualTo(Contract.ContractType.SYSTEM);
        assertThat(account.getBalance()).as("the coin paid before stays").isEqualTo(5);
    }

    @Test
    void theCallSeesItsCallerAndTheLedgerBeingClosed() {
        final TransactionEnvStore result = submit(notes("whoami"));
        assertThat(chain.ledger.metadata(NOTES.address(), "caller").orElseThrow().getValue())
            .isEqualTo(chain.genesisAddress() + "@" + result.getLedgerSeq() + "@" + result.getCloseTime());
    }

    @Test
    void aFailingCallFailsTheTransactionWithItsCodeAndKeepsNothingOfIt() {
        final TransactionEnvStore result = submit(notes("put kept no"), notes("explode"));

        assertThat(result.getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_CONTRACT_EXECUTE_FAIL_VALUE);
        assertThat(result.getErrorDesc()).contains("operation 1 (PAY_COIN)").contains("unknown call 'explode'");
        assertThat(chain.ledger.metadata(NOTES.address(), "kept")).as("the earlier call's write").isEmpty();
        assertThat(chain.ledger.account(NOTES.address())).isEmpty();
        assertThat(result.getActualFee()).as("BIF: a failed transaction still pays").isPositive();
    }

    @Test
    void aCallCarriesNoCoin() {
        final TransactionEnvStore result = submit(TestChain.call(NOTES.address(), 1, "put a b"));
        assertThat(result.getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER_VALUE);
        assertThat(result.getErrorDesc()).contains("carries amount 0");
        assertThat(chain.ledger.account(NOTES.address())).isEmpty();
    }

    @Test
    void countsAddUpAcrossTheCallsOfOneTransactionOnly() {
        assertThat(submit(notes("count 2"), notes("count 1")).getErrorCode()).isZero();
        assertThat(submit(notes("count 2")).getErrorCode()).as("a new transaction starts at zero").isZero();
        final TransactionEnvStore over = submit(notes("count 2"), notes("count 2"));
        assertThat(over.getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_CONTRACT_EXECUTE_FAIL_VALUE);
        assertThat(over.getErrorDesc()).contains("over 3 items: 4");
    }

    @Test
    void noAccountCanBeCreatedAtASystemContractAddress() {
        final TransactionEnvStore result = submit(Operation.newBuilder().setType(Operation.Type.CREATE_ACCOUNT)
            .setCreateAccount(OperationCreateAccount.newBuilder().setDestAddress(NOTES.address()).setInitBalance(10)
                .setPriv(AccountPrivilege.newBuilder().setMasterWeight(1).setThresholds(AccountThreshold.newBuilder()
                    .setTxThreshold(1)))).build());
        assertThat(result.getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_ACCOUNT_DEST_EXIST_VALUE);
        assertThat(chain.ledger.account(NOTES.address())).isEmpty();
    }

    @Test
    void queriesReadTheLastCommittedLedger() {
        submit(notes("put colour blue"));
        assertThat(chain.ledger.query(NOTES.address(), "colour").value()).isEqualTo("blue");
        assertThat(chain.ledger.query(NOTES.address(), "size").error().code()).isEqualTo(ERRORCODE.ERRCODE_NOT_EXIST);
        assertThat(chain.ledger.query(TestChain.address(alice), "colour").error().message())
            .contains("there is no system contract at " + TestChain.address(alice));
    }

    @Test
    void aQueryInputIsCappedInBytes() {
        final String atCap = "x".repeat(Limits.MAX_QUERY_INPUT_BYTES);
        assertThat(chain.ledger.query(NOTES.address(), atCap).error().code())
            .as("reaches the contract").isEqualTo(ERRORCODE.ERRCODE_NOT_EXIST);
        final LedgerError over = chain.ledger.query(NOTES.address(), atCap + "x").error();
        assertThat(over.code()).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
        assertThat(over.message()).contains("at most " + Limits.MAX_QUERY_INPUT_BYTES + " bytes");
    }

    @Test
    void feeEvaluationRunsTheCallWithoutWritingIt() {
        final Outcome<FeeEstimate> estimate = chain.ledger.evaluateFee(chain.transaction(chain.genesisKey,
            tx -> tx.addOperations(notes("put a b"))).build(), 1);
        assertThat(estimate.isOk()).isTrue();
        assertThat(chain.ledger.metadata(NOTES.address(), "a")).isEmpty();

        final Outcome<FeeEstimate> failing = chain.ledger.evaluateFee(chain.transaction(chain.genesisKey,
            tx -> tx.addOperations(notes("explode"))).build(), 1);
        assertThat(failing.error().code()).isEqualTo(ERRORCODE.ERRCODE_CONTRACT_EXECUTE_FAIL);
    }

    @Test
    void theRegistryRefusesClashesAndBadAddresses() {
        final SystemContracts registry = SystemContracts.builtIn().with(NOTES);
        assertThat(registry.addresses()).containsExactly(ValidatorSetContract.ADDRESS, NOTES.address());
        assertThatThrownBy(() -> registry.with(NOTES))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered at " + NOTES.address());
        assertThatThrownBy(() -> SystemContracts.builtIn().with(NOTES.at("did:bid:nope")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid BID address");
    }

    @Test
    void theDefaultOpenKeepsTheBuiltInContracts() {
        final Ledger plain = Ledger.open(new MemoryStore(), chain.genesis);
        assertThat(plain.systemContracts().addresses()).containsExactly(ValidatorSetContract.ADDRESS);
        assertThat(plain.query(ValidatorSetContract.ADDRESS, "{}").error().code())
            .isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
    }
}
