package org.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.banyan.crypto.PrivateKey;
import org.junit.jupiter.api.Test;

/**
 * Random payment workloads: whatever mix of good and bad payments arrives, the supply is conserved, the
 * incrementally updated root equals a full recomputation, and replaying the same ledgers on a fresh store
 * gives the same header hashes (execution is deterministic).
 */
class LedgerPropertiesTest {

    private static final int ACCOUNTS = 6;

    @Test
    void randomPaymentsKeepEveryInvariant() {
        qt().withExamples(25).forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 40)).checkAssert(seeds -> {
            final TestChain first = new TestChain();
            final TestChain second = new TestChain();
            final List<PrivateKey> keys = new ArrayList<>();
            keys.add(first.genesisKey);
            for (int index = 1; index < ACCOUNTS; index++) {
                keys.add(TestChain.key(index));
            }
            int position = 0;
            while (position < seeds.size()) {
                final int batch = Math.min(seeds.size() - position, 1 + seeds.get(position) % 5);
                final List<VerifiedTransaction> transactions = new ArrayList<>();
                final java.util.Map<String, Long> nextNonce = new java.util.HashMap<>();
                for (final int seed : seeds.subList(position, position + batch)) {
                    final PrivateKey from = keys.get(seed % ACCOUNTS);
                    final PrivateKey to = keys.get((seed / ACCOUNTS + 1 + seed % ACCOUNTS) % ACCOUNTS);
                    if (from == to) {
                        continue;
                    }
                    final String source = TestChain.address(from);
                    final long nonce = nextNonce.getOrDefault(source, first.nonceOf(source) + 1);
                    nextNonce.put(source, nonce + 1);
                    // Amounts sometimes exceed what the sender has, so some payments fail and only pay fees.
                    final long amount = (long) seed * 100_000_000L;
                    transactions.add(TestChain.verified(first.transaction(from, tx -> tx.setNonce(nonce)
                        .addOperations(TestChain.pay(TestChain.address(to), amount))).build(), from));
                }
                position += batch;
                final ClosedLedger a = first.close(transactions.toArray(VerifiedTransaction[]::new));
                final ClosedLedger b = second.close(transactions.toArray(VerifiedTransaction[]::new));
                assertThat(a.header()).isEqualTo(b.header());
            }
            StateInvariants.check(first);
        });
    }
}
