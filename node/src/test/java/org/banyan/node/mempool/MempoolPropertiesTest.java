package org.banyan.node.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.node.TestTransactions;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random add sequences against a small pool: the caps hold, refusals change nothing, replacements and evictions follow
 * their price rules, and {@code takeReady} hands out exactly the executable runs in priority order. QuickTheories
 * prints the seed of a failing run.
 */
class MempoolPropertiesTest {

    private static final int ACCOUNTS = 4;
    private static final int MAX_NONCE = 6;
    private static final long[] GAS_PRICES = {100, 105, 110, 121, 150, 300};
    private static final MempoolLimits LIMITS = new MempoolLimits(8, 4, 1_000_000);
    private static final String DESTINATION = TestTransactions.address(TestTransactions.key(99));

    /** Signing is the slow part, and the space of distinct transactions is small: sign each once. */
    private static final Map<List<Long>, VerifiedTransaction> SIGNED = new HashMap<>();

    private record Add(int account, long nonce, long gasPrice) {
    }

    private static Gen<Add> adds() {
        return integers().between(0, ACCOUNTS - 1).zip(integers().between(1, MAX_NONCE),
            integers().between(0, GAS_PRICES.length - 1),
            (account, nonce, price) -> new Add(account, nonce, GAS_PRICES[price]));
    }

    private static synchronized VerifiedTransaction transaction(final Add add) {
        return SIGNED.computeIfAbsent(List.of((long) add.account(), add.nonce(), add.gasPrice()), ignored -> {
            final PrivateKey key = TestTransactions.key(add.account());
            return TestTransactions.verified(key,
                TestTransactions.payment(key, add.nonce(), DESTINATION, 1).setGasPrice(add.gasPrice()).build());
        });
    }

    @Test
    void insertionsKeepEveryRule() {
        qt().withExamples(300).forAll(lists().of(adds()).ofSizeBetween(1, 40)).checkAssert(adds -> {
            final Mempool mempool = new Mempool(LIMITS);
            long now = 0;
            for (final Add add : adds) {
                final VerifiedTransaction transaction = transaction(add);
                final Map<String, PendingTransaction> before = contents(mempool);
                final Insertion insertion = mempool.add(transaction, now++);
                final Map<String, PendingTransaction> after = contents(mempool);
                checkInsertion(transaction, insertion, before, after);
                checkCaps(mempool);
            }
        });
    }

    private static void checkInsertion(final VerifiedTransaction transaction, final Insertion insertion,
                                       final Map<String, PendingTransaction> before,
                                       final Map<String, PendingTransaction> after) {
        if (insertion instanceof Insertion.Rejected) {
            assertThat(after.keySet()).isEqualTo(before.keySet());
            return;
        }
        assertThat(after).containsKey(transaction.hashHex());
        if (insertion instanceof Insertion.Replaced replaced) {
            final PendingTransaction old = before.get(replaced.replacedHashHex());
            assertThat(old.transaction().source()).isEqualTo(transaction.source());
            assertThat(old.transaction().nonce()).isEqualTo(transaction.nonce());
            assertThat(transaction.gasPrice() * 10).isGreaterThanOrEqualTo(old.gasPrice() * 11);
            assertThat(after).hasSameSizeAs(before).doesNotContainKey(old.hashHex());
        } else if (insertion instanceof Insertion.Added added && added.evictedHashHex().isPresent()) {
            final PendingTransaction evicted = before.get(added.evictedHashHex().get());
            final long cheapest = before.values().stream().mapToLong(PendingTransaction::gasPrice).min().orElseThrow();
            assertThat(evicted.gasPrice()).isEqualTo(cheapest).isLessThan(transaction.gasPrice());
            assertThat(before).hasSize(LIMITS.maxTransactions());
            assertThat(after).hasSameSizeAs(before).doesNotContainKey(evicted.hashHex());
        } else {
            assertThat(after).hasSize(before.size() + 1);
        }
    }

    private static void checkCaps(final Mempool mempool) {
        assertThat(mempool.size()).isLessThanOrEqualTo(LIMITS.maxTransactions());
        for (int account = 0; account < ACCOUNTS; account++) {
            assertThat(mempool.size(TestTransactions.address(TestTransactions.key(account))))
                .isLessThanOrEqualTo(LIMITS.maxTransactionsPerAccount());
        }
    }

    @Test
    void takeReadyHandsOutExactlyTheExecutableRunsInPriorityOrder() {
        qt().withExamples(300)
            .forAll(lists().of(adds()).ofSizeBetween(0, 40), lists().of(integers().between(0, 3)).ofSize(ACCOUNTS))
            .checkAssert((adds, committed) -> {
                final Mempool mempool = new Mempool(LIMITS);
                adds.forEach(add -> mempool.add(transaction(add), 0));
                final Map<String, Long> committedNonces = new HashMap<>();
                for (int account = 0; account < ACCOUNTS; account++) {
                    committedNonces.put(TestTransactions.address(TestTransactions.key(account)), (long) committed.get(account));
                }
                final List<VerifiedTransaction> ready = mempool.takeReady(100, committedNonces::get);

                final Map<String, List<Long>> runs = ready.stream().collect(Collectors.groupingBy(
                    VerifiedTransaction::source, Collectors.mapping(VerifiedTransaction::nonce, Collectors.toList())));
                final List<PendingTransaction> all = mempool.pending(Integer.MAX_VALUE);
                for (final Map.Entry<String, Long> account : committedNonces.entrySet()) {
                    final Set<Long> pendingNonces = all.stream()
                        .filter(pending -> pending.transaction().source().equals(account.getKey()))
                        .map(pending -> pending.transaction().nonce()).collect(Collectors.toSet());
                    final List<Long> expected = new ArrayList<>();
                    for (long nonce = account.getValue() + 1; pendingNonces.contains(nonce); nonce++) {
                        expected.add(nonce);
                    }
                    assertThat(runs.getOrDefault(account.getKey(), List.of())).isEqualTo(expected);
                }
                checkPriorityOrder(ready, all);
            });
    }

    /** Each pick is the best of the heads then available: the first unpicked transaction of every account's run. */
    private static void checkPriorityOrder(final List<VerifiedTransaction> ready, final List<PendingTransaction> all) {
        final Map<String, PendingTransaction> byHash = all.stream()
            .collect(Collectors.toMap(pending -> pending.transaction().hashHex(), pending -> pending));
        final Comparator<PendingTransaction> priority = Comparator.comparingLong(PendingTransaction::gasPrice).reversed()
            .thenComparingLong(PendingTransaction::arrivalSequence);
        for (int index = 0; index < ready.size(); index++) {
            final PendingTransaction picked = byHash.get(ready.get(index).hashHex());
            final List<VerifiedTransaction> rest = ready.subList(index, ready.size());
            final Map<String, VerifiedTransaction> heads = new HashMap<>();
            for (final VerifiedTransaction candidate : rest) {
                heads.putIfAbsent(candidate.source(), candidate);
            }
            for (final VerifiedTransaction head : heads.values()) {
                assertThat(priority.compare(picked, byHash.get(head.hashHex()))).isLessThanOrEqualTo(0);
            }
        }
    }

    private static Map<String, PendingTransaction> contents(final Mempool mempool) {
        return mempool.pending(Integer.MAX_VALUE).stream()
            .collect(Collectors.toMap(pending -> pending.transaction().hashHex(), pending -> pending));
    }
}
