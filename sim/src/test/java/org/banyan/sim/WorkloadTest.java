package org.banyan.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.crypto.PublicKey;
import org.banyan.ledger.FeeSchedule;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.TransactionDecoder;
import org.banyan.ledger.Validator;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.consensus.SignedTransaction;
import org.banyan.store.MemoryStore;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Clients' transactions, their resubmission and its cap, the mempool, and the governance policy. */
class WorkloadTest {

    @Test
    void paymentsAreSignedNumberedAndRemembered() {
        final Workload workload = new Workload(World.CHAIN_ID, 1, new SplittableRandom(1));

        final SignedTransaction first = workload.nextPayment(0);

        final Outcome<VerifiedTransaction> decoded = decode(first);
        assertThat(decoded.isOk()).isTrue();
        assertThat(workload.wasSubmitted(ByteString.copyFrom(decoded.value().hash()))).isTrue();
        assertThat(workload.wasSubmitted(ByteString.copyFrom(new byte[32]))).isFalse();
        assertThat(decoded.value().nonce()).isEqualTo(1);
    }

    @Test
    void anUncommittedTransactionIsSentAgainAfterItsDelayUntilCommitted() {
        final Workload workload = new Workload(World.CHAIN_ID, 1, new SplittableRandom(1));
        final SignedTransaction sent = workload.nextPayment(0);

        assertThat(workload.dueForResubmission(Workload.RESUBMIT_AFTER_MICROS - 1, hash -> false)).isEmpty();
        assertThat(workload.dueForResubmission(Workload.RESUBMIT_AFTER_MICROS, hash -> false)).contains(sent);
        assertThat(workload.dueForResubmission(Workload.RESUBMIT_AFTER_MICROS, hash -> false)).isEmpty();
        assertThat(workload.dueForResubmission(10 * Workload.RESUBMIT_AFTER_MICROS, hash -> true)).isEmpty();
        assertThat(workload.dueForResubmission(20 * Workload.RESUBMIT_AFTER_MICROS, hash -> false)).isEmpty();
    }

    @Test
    void pendingTransactionsAreCappedOldestFirst() {
        final Workload workload = new Workload(World.CHAIN_ID, 1, new SplittableRandom(1));
        final SignedTransaction oldest = workload.nextPayment(0);
        for (int count = 1; count < Workload.MAX_PENDING; count++) {
            workload.nextPayment(count);
        }
        assertThat(workload.dueForResubmission(Workload.RESUBMIT_AFTER_MICROS, hash -> false)).contains(oldest);

        workload.nextPayment(Workload.MAX_PENDING);

        final SignedTransaction due = workload.dueForResubmission(10 * Workload.RESUBMIT_AFTER_MICROS, hash -> false)
                .orElseThrow();
        assertThat(due).as("the cap dropped the oldest when the next arrived").isNotEqualTo(oldest);
    }

    @Test
    void theMempoolProposesEachSourcesNextNoncesInOrderAndSkipsGaps() {
        final Workload workload = new Workload(World.CHAIN_ID, 3, new SplittableRandom(3));
        final Ledger ledger = ledgerOf(workload);
        final List<SignedTransaction> payments = IntStream.range(0, 40).mapToObj(workload::nextPayment).toList();
        final Mempool mempool = new Mempool();
        for (int index = payments.size() - 1; index >= 0; index--) {
            if (index != 5) {
                mempool.add(new Mempool.Entry(payments.get(index), decode(payments.get(index)).value()), ledger);
            }
        }
        final String gapSource = decode(payments.get(5)).value().source();

        final List<VerifiedTransaction> selected = mempool.select(ledger).stream().map(t -> decode(t).value()).toList();

        assertThat(selected).as("enough are pending to fill a block to its cap")
                .hasSize(Mempool.MAX_TRANSACTIONS_PER_BLOCK);
        for (final String source : selected.stream().map(VerifiedTransaction::source).distinct().toList()) {
            final List<Long> nonces = selected.stream().filter(t -> t.source().equals(source))
                    .map(VerifiedTransaction::nonce).toList();
            assertThat(nonces).as(source).isEqualTo(LongStream.rangeClosed(1, nonces.size()).boxed().toList());
        }
        final long gapNonce = decode(payments.get(5)).value().nonce();
        assertThat(selected).filteredOn(t -> t.source().equals(gapSource))
                .allSatisfy(t -> assertThat(t.nonce()).isLessThan(gapNonce));
    }

    @Test
    void theMempoolHoldsItsCap() {
        final Workload workload = new Workload(World.CHAIN_ID, 2, new SplittableRandom(2));
        final Ledger ledger = ledgerOf(workload);
        final Mempool mempool = new Mempool();
        for (int count = 0; count < Mempool.MAX_TRANSACTIONS; count++) {
            final SignedTransaction transaction = workload.nextPayment(count);
            assertThat(mempool.add(new Mempool.Entry(transaction, decode(transaction).value()), ledger))
                    .isEqualTo(Mempool.Admission.ADDED);
        }
        final SignedTransaction extra = workload.nextPayment(0);

        assertThat(mempool.add(new Mempool.Entry(extra, decode(extra).value()), ledger))
                .isEqualTo(Mempool.Admission.POOL_FULL);
        assertThat(mempool.size()).isEqualTo(Mempool.MAX_TRANSACTIONS);
    }

    @Test
    void theMempoolRefusesSourcesWithoutAnAccountAndRepeats() {
        final Workload workload = new Workload(World.CHAIN_ID, 2, new SplittableRandom(2));
        final Ledger ledger = ledgerOf(workload);
        final Mempool mempool = new Mempool();
        final SignedTransaction payment = workload.nextPayment(0);
        final JunkTransactions.Junk junk = JunkTransactions.all().get(0);

        assertThat(junk.decoded().isOk()).as("junk is well formed and correctly signed").isTrue();
        assertThat(mempool.add(new Mempool.Entry(junk.envelope(), junk.decoded().value()), ledger))
                .isEqualTo(Mempool.Admission.UNKNOWN_SOURCE);
        assertThat(mempool.add(new Mempool.Entry(payment, decode(payment).value()), ledger))
                .isEqualTo(Mempool.Admission.ADDED);
        assertThat(mempool.add(new Mempool.Entry(payment, decode(payment).value()), ledger))
                .isEqualTo(Mempool.Admission.ALREADY_PENDING);
        assertThat(mempool.transactions()).singleElement()
                .satisfies(pending -> assertThat(pending.hash()).isEqualTo(decode(payment).value().hash()));
    }

    @Test
    void theBuggyMempoolTakesTheWholeJunkFloodPastItsCap() {
        final Workload workload = new Workload(World.CHAIN_ID, 2, new SplittableRandom(2));
        final Ledger ledger = ledgerOf(workload);
        final Mempool mempool = Mempool.withoutAdmissionRules();

        for (final JunkTransactions.Junk junk : JunkTransactions.all()) {
            assertThat(mempool.add(new Mempool.Entry(junk.envelope(), junk.decoded().value()), ledger))
                    .isEqualTo(Mempool.Admission.ADDED);
        }

        assertThat(mempool.size()).isEqualTo(JunkTransactions.COUNT).isGreaterThan(Mempool.MAX_TRANSACTIONS);
        assertThat(mempool.select(ledger)).as("junk starts at nonce 2, so none can ever run").isEmpty();
    }

    @Test
    void governanceKeepsByzantinePowerBelowAThirdInEveryCall() {
        final List<PublicKey> keys = IntStream.range(0, 10)
                .mapToObj(index -> PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256(new byte[] {(byte) index}))
                        .publicKey()).toList();
        qt().withExamples(200).forAll(SourceDSL.integers().between(1, 7), SourceDSL.longs().between(1, 1_000))
                .checkAssert((size, call) -> {
                    final int faulty = SimulationOptions.maxFaulty(size);
                    final Set<Integer> byzantine = IntStream.range(0, faulty).boxed().collect(Collectors.toSet());
                    final GovernancePolicy policy = new GovernancePolicy(keys.subList(0, size), byzantine, keys.get(9));
                    final List<Validator> set = policy.set(call);
                    final long total = set.stream().mapToLong(Validator::power).sum();
                    final long byzantinePower = byzantine.stream().mapToLong(index -> set.get(index).power()).sum();
                    assertThat(set).hasSize(size);
                    assertThat(byzantinePower * 3).isLessThan(total);
                });
    }

    private static Ledger ledgerOf(final Workload workload) {
        return Ledger.open(new MemoryStore(), new Genesis(World.CHAIN_ID, false, World.GENESIS_MICROS,
                workload.governanceAddress(), workload.accounts().stream().map(account ->
                        new GenesisAccount(Workload.address(account), Workload.CLIENT_BALANCE)).toList(),
                List.of(new Validator(workload.accounts().get(0).publicKey().encoded(), 1)),
                new FeeSchedule(Workload.MIN_GAS_PRICE, 0)));
    }

    private static Outcome<VerifiedTransaction> decode(final SignedTransaction transaction) {
        return TransactionDecoder.decode(transaction.getBlob().toByteArray(), transaction.getSignaturesList());
    }
}
