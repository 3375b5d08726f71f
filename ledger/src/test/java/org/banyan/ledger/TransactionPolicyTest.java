package org.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransactionPolicyTest {

    /** A contract whose "ban <address>" call records a ban in its metadata; the policy below reads it. */
    private static final TestContract BAN_LIST = TestContract.callable("test/ban-list", context -> {
        context.putMetadata("banned/" + context.input().substring("ban ".length()), "yes");
        return CallResult.success();
    });

    /** Refuses sources the ban list names, reading another account's metadata. */
    private static Optional<LedgerError> banned(final Transaction transaction, final PolicyContext state) {
        return state.metadata(BAN_LIST.address(), "banned/" + transaction.getSourceAddress())
            .map(flag -> new LedgerError(ERRORCODE.ERRCODE_ACCESS_DENIED,
                transaction.getSourceAddress() + " is banned at ledger " + state.ledgerSeq()));
    }

    private final TestChain chain = new TestChain(SystemContracts.builtIn().with(BAN_LIST)
        .withPolicy(TransactionPolicyTest::banned));
    private final PrivateKey alice = TestChain.key(1);

    @AfterEach
    void stateStaysConsistent() {
        StateInvariants.check(chain);
    }

    private void fundAlice() {
        chain.submit(chain.transaction(chain.genesisKey, tx -> tx.addOperations(TestChain.pay(TestChain.address(alice), 10_000_000))));
    }

    private void ban(final PrivateKey key) {
        chain.submit(chain.transaction(chain.genesisKey, tx -> tx.addOperations(
            TestChain.call(BAN_LIST.address(), 0, "ban " + TestChain.address(key)))));
    }

    @Test
    void aRefusedTransactionIsLeftOutOfTheLedgerUnpaid() {
        fundAlice();
        ban(alice);
        final long balance = chain.balanceOf(TestChain.address(alice));

        final ClosedLedger closed = chain.submit(chain.transaction(alice, tx -> tx.addOperations(
            TestChain.pay(chain.genesisAddress(), 1))), alice);

        assertThat(closed.results()).isEmpty();
        assertThat(closed.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.error().code()).isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED);
            assertThat(rejected.error().message()).isEqualTo(TestChain.address(alice) + " is banned at ledger "
                + closed.header().getSeq());
        });
        assertThat(chain.balanceOf(TestChain.address(alice))).isEqualTo(balance);
        assertThat(chain.nonceOf(TestChain.address(alice))).isZero();
    }

    @Test
    void admissionAndPricingConsultThePolicyToo() {
        fundAlice();
        final Transaction transaction = chain.transaction(alice, tx -> tx.addOperations(
            TestChain.pay(chain.genesisAddress(), 1))).build();
        assertThat(chain.ledger.admissionCheck(TestChain.verified(transaction, alice)).isOk()).isTrue();
        assertThat(chain.ledger.evaluateFee(transaction, 1).isOk()).isTrue();

        ban(alice);

        assertThat(chain.ledger.admissionCheck(TestChain.verified(transaction, alice)).error().message())
            .contains("is banned");
        assertThat(chain.ledger.evaluateFee(transaction, 1).error().code()).isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED);
    }

    @Test
    void transactionsThePolicyAllowsRunAsUsual() {
        fundAlice();
        ban(TestChain.key(9));

        final ClosedLedger closed = chain.submit(chain.transaction(alice, tx -> tx.addOperations(
            TestChain.pay(chain.genesisAddress(), 1))), alice);

        assertThat(closed.results()).singleElement().satisfies(result -> assertThat(result.getErrorCode()).isZero());
    }

    @Test
    void aBanWrittenEarlierInTheSameLedgerAppliesToLaterTransactions() {
        fundAlice();
        final long aliceNonce = chain.nonceOf(TestChain.address(alice)) + 1;
        final Transaction banning = chain.transaction(chain.genesisKey, tx -> tx.addOperations(
            TestChain.call(BAN_LIST.address(), 0, "ban " + TestChain.address(alice)))).build();
        final Transaction paying = chain.transaction(alice, tx -> tx.setNonce(aliceNonce).addOperations(
            TestChain.pay(chain.genesisAddress(), 1))).build();

        final ClosedLedger closed = chain.close(TestChain.verified(banning, chain.genesisKey),
            TestChain.verified(paying, alice));

        assertThat(closed.results()).hasSize(1);
        assertThat(closed.rejected()).singleElement()
            .satisfies(rejected -> assertThat(rejected.error().message()).contains("is banned"));
    }
}
