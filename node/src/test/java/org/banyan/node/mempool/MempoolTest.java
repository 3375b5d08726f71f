package org.banyan.node.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banyan.node.TestTransactions.address;
import static org.banyan.node.TestTransactions.key;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.node.TestTransactions;
import org.banyan.protocol.ERRORCODE;
import org.junit.jupiter.api.Test;

class MempoolTest {

    private static final PrivateKey ALICE = key(1);
    private static final PrivateKey BOB = key(2);
    private static final PrivateKey CAROL = key(3);
    private static final String DESTINATION = address(key(99));

    private final Mempool mempool = new Mempool(new MempoolLimits(10, 5, 1_000));

    private static VerifiedTransaction payment(final PrivateKey from, final long nonce, final long gasPrice) {
        return TestTransactions.verified(from,
            TestTransactions.payment(from, nonce, DESTINATION, 1).setGasPrice(gasPrice).build());
    }

    @Test
    void aNonceGapWaitsUntilItIsFilled() {
        final VerifiedTransaction second = payment(ALICE, 2, 100);
        assertThat(mempool.add(second, 0).accepted()).isTrue();

        assertThat(mempool.takeReady(100, source -> 0L)).isEmpty();
        assertThat(mempool.get(second.hashHex())).isPresent();

        final VerifiedTransaction first = payment(ALICE, 1, 100);
        mempool.add(first, 1);
        assertThat(mempool.takeReady(100, source -> 0L)).containsExactly(first, second);
    }

    @Test
    void runsStartAfterTheCommittedNonce() {
        final VerifiedTransaction fifth = payment(ALICE, 5, 100);
        final VerifiedTransaction sixth = payment(ALICE, 6, 100);
        mempool.add(sixth, 0);
        mempool.add(fifth, 0);

        assertThat(mempool.takeReady(100, source -> 4L)).containsExactly(fifth, sixth);
        assertThat(mempool.takeReady(100, source -> 3L)).isEmpty();
        assertThat(mempool.size()).isEqualTo(2);
    }

    @Test
    void aSameNonceReplacementNeedsTenPercentMoreGas() {
        final VerifiedTransaction original = payment(ALICE, 1, 100);
        mempool.add(original, 0);

        final Insertion cheap = mempool.add(payment(ALICE, 1, 109), 0);
        assertThat(cheap).isInstanceOfSatisfying(Insertion.Rejected.class, rejected -> {
            assertThat(rejected.error().code()).isEqualTo(ERRORCODE.ERRCODE_TX_INSERT_QUEUE_FAIL);
            assertThat(rejected.error().message()).startsWith("Drop the transaction to insert queue because of low fee");
        });
        assertThat(mempool.get(original.hashHex())).isPresent();
        assertThat(mempool.size()).isEqualTo(1);

        final VerifiedTransaction replacement = payment(ALICE, 1, 110);
        assertThat(mempool.add(replacement, 0)).isEqualTo(new Insertion.Replaced(original.hashHex()));
        assertThat(mempool.get(original.hashHex())).isEmpty();
        assertThat(mempool.takeReady(10, source -> 0L)).containsExactly(replacement);
    }

    @Test
    void replacementThresholdIsExactAndCannotOverflow() {
        assertThat(Mempool.outbids(110, 100)).isTrue();
        assertThat(Mempool.outbids(109, 100)).isFalse();
        assertThat(Mempool.outbids(111, 101)).isFalse();
        assertThat(Mempool.outbids(112, 101)).isTrue();
        assertThat(Mempool.outbids(1, 1)).isFalse();
        assertThat(Mempool.outbids(0, 0)).isTrue();
        assertThat(Mempool.outbids(Long.MAX_VALUE, Long.MAX_VALUE - 1)).isFalse();
        assertThat(Mempool.outbids(Long.MAX_VALUE, Long.MAX_VALUE / 11 * 10)).isTrue();
    }

    @Test
    void aDuplicateHashIsRejected() {
        final VerifiedTransaction transaction = payment(ALICE, 1, 100);
        mempool.add(transaction, 0);

        assertThat(mempool.add(transaction, 5)).isInstanceOfSatisfying(Insertion.Rejected.class,
            rejected -> assertThat(rejected.error().code()).isEqualTo(ERRORCODE.ERRCODE_ALREADY_EXIST));
        assertThat(mempool.size()).isEqualTo(1);
        assertThat(mempool.get(transaction.hashHex()).orElseThrow().arrivalMillis()).isZero();
    }

    @Test
    void transactionsExpireAfterTheirWait() {
        final VerifiedTransaction early = payment(ALICE, 1, 100);
        final VerifiedTransaction late = payment(BOB, 1, 100);
        mempool.add(early, 0);
        mempool.add(late, 500);

        assertThat(mempool.expire(999)).isEmpty();
        assertThat(mempool.expire(1_000)).containsExactly(early);
        assertThat(mempool.size()).isEqualTo(1);
        assertThat(mempool.expire(1_500)).containsExactly(late);
        assertThat(mempool.size()).isZero();
    }

    @Test
    void aFullPoolRefusesTransactionsThatDoNotOutbidTheCheapest() {
        final Mempool small = new Mempool(new MempoolLimits(3, 3, 1_000));
        final VerifiedTransaction cheapEarly = payment(ALICE, 1, 100);
        final VerifiedTransaction cheapLate = payment(BOB, 1, 100);
        final VerifiedTransaction rich = payment(CAROL, 1, 500);
        small.add(cheapEarly, 0);
        small.add(cheapLate, 1);
        small.add(rich, 2);

        final Insertion equal = small.add(payment(CAROL, 2, 100), 3);
        assertThat(equal).isInstanceOfSatisfying(Insertion.Rejected.class,
            rejected -> assertThat(rejected.error().code()).isEqualTo(ERRORCODE.ERRCODE_OUT_OF_TXCACHE));
        assertThat(small.size()).isEqualTo(3);

        final Insertion outbid = small.add(payment(CAROL, 2, 101), 4);
        assertThat(outbid).isEqualTo(new Insertion.Added(Optional.of(cheapLate.hashHex())));
        assertThat(small.size()).isEqualTo(3);
        assertThat(small.get(cheapLate.hashHex())).isEmpty();
        assertThat(small.get(cheapEarly.hashHex())).isPresent();
    }

    @Test
    void anAccountCannotExceedItsShare() {
        for (long nonce = 1; nonce <= 5; nonce++) {
            assertThat(mempool.add(payment(ALICE, nonce, 100), 0).accepted()).isTrue();
        }
        final Insertion sixth = mempool.add(payment(ALICE, 6, 100), 0);
        assertThat(sixth).isInstanceOfSatisfying(Insertion.Rejected.class, rejected -> {
            assertThat(rejected.error().code()).isEqualTo(ERRORCODE.ERRCODE_TX_INSERT_QUEUE_FAIL);
            assertThat(rejected.error().message()).contains("cache limit for each account");
        });
        assertThat(mempool.size(address(ALICE))).isEqualTo(5);
        assertThat(mempool.add(payment(BOB, 1, 100), 0).accepted()).isTrue();
        // A replacement does not grow the account's share, so it is still allowed.
        assertThat(mempool.add(payment(ALICE, 5, 200), 0)).isInstanceOf(Insertion.Replaced.class);
    }

    @Test
    void readyTransactionsComeByGasPriceThenArrivalWithNoncesInOrder() {
        final VerifiedTransaction alice1 = payment(ALICE, 1, 100);
        final VerifiedTransaction alice2 = payment(ALICE, 2, 900);
        final VerifiedTransaction bob1 = payment(BOB, 1, 300);
        final VerifiedTransaction carol1 = payment(CAROL, 1, 100);
        mempool.add(carol1, 0);
        mempool.add(alice2, 1);
        mempool.add(alice1, 2);
        mempool.add(bob1, 3);

        // Alice's nonce 2 pays most but must wait for her nonce 1, which ties with Carol's and came later.
        assertThat(mempool.takeReady(10, source -> 0L)).containsExactly(bob1, carol1, alice1, alice2);
        assertThat(mempool.takeReady(2, source -> 0L)).containsExactly(bob1, carol1);
    }

    @Test
    void committedTransactionsArePruned() {
        final VerifiedTransaction first = payment(ALICE, 1, 100);
        final VerifiedTransaction second = payment(ALICE, 2, 100);
        final VerifiedTransaction third = payment(ALICE, 3, 100);
        final VerifiedTransaction bob = payment(BOB, 1, 100);
        List.of(first, second, third, bob).forEach(transaction -> mempool.add(transaction, 0));

        assertThat(mempool.removeCommitted(Map.of(address(ALICE), 2L, address(CAROL), 9L))).isEqualTo(2);
        assertThat(mempool.takeReady(10, source -> source.equals(address(ALICE)) ? 2L : 0L)).containsExactly(third, bob);
        assertThat(mempool.removeCommitted(Map.of())).isZero();
        assertThat(mempool.remove(bob.hashHex())).isTrue();
        assertThat(mempool.remove(bob.hashHex())).isFalse();
        assertThat(mempool.size()).isEqualTo(1);
    }

    @Test
    void pendingListsHighestGasPriceFirst() {
        final VerifiedTransaction low = payment(ALICE, 1, 100);
        final VerifiedTransaction high = payment(BOB, 1, 200);
        mempool.add(low, 0);
        mempool.add(high, 0);

        assertThat(mempool.pending(10)).extracting(PendingTransaction::transaction).containsExactly(high, low);
        assertThat(mempool.pending(1)).extracting(PendingTransaction::transaction).containsExactly(high);
    }
}
