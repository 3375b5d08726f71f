package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.banyan.node.TestTransactions.address;
import static org.banyan.node.TestTransactions.key;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.node.mempool.Mempool;
import org.banyan.node.mempool.MempoolLimits;
import org.banyan.protocol.LedgerHeader;
import org.banyan.store.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ledger timing, close times and the per-ledger caps, on a ledger and mempool driven by a real closer thread. */
class LedgerCloserTest {

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void release() throws Exception {
        for (final AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private record Chain(Ledger ledger, Mempool mempool, LedgerCloser closer, Clock clock) {

        /** Adds at the closer's own time: expiry counts from the arrival time. */
        void add(final VerifiedTransaction transaction) {
            assertThat(mempool.add(transaction, clock.millis()).accepted()).isTrue();
        }
    }

    private Chain chain(final Clock clock, final LedgerTiming timing, final MempoolLimits limits) {
        final MemoryStore store = new MemoryStore();
        final Ledger ledger = Ledger.open(store, TestNode.genesis());
        final Mempool mempool = new Mempool(limits);
        final LedgerCloser closer = new LedgerCloser(ledger, mempool, clock, timing,
            new NodeMetrics(() -> ledger.lastHeader().getSeq(), mempool::size));
        resources.add(store);
        resources.add(0, closer);
        return new Chain(ledger, mempool, closer, clock);
    }

    private Chain started(final Clock clock, final LedgerTiming timing, final MempoolLimits limits) {
        final Chain chain = chain(clock, timing, limits);
        chain.closer().start();
        return chain;
    }

    private static List<LedgerHeader> headers(final Ledger ledger) {
        final List<LedgerHeader> headers = new ArrayList<>();
        for (long seq = 1; seq <= ledger.lastHeader().getSeq(); seq++) {
            headers.add(ledger.header(seq).orElseThrow());
        }
        return headers;
    }

    @Test
    void anIdleChainClosesEmptyLedgersWithStrictlyIncreasingTimesEvenWhenTheClockStandsStill() throws Exception {
        // Stopped before the genesis time: every close time must still move forward.
        final Clock stopped = Clock.fixed(Instant.parse("2019-01-01T00:00:00Z"), ZoneOffset.UTC);
        final Chain chain = started(stopped, new LedgerTiming(10, 40), MempoolLimits.DEFAULTS);

        assertThat(chain.closer().awaitLedger(4, Duration.ofSeconds(10))).isTrue();
        final List<LedgerHeader> headers = headers(chain.ledger());
        for (int index = 1; index < headers.size(); index++) {
            assertThat(chain.ledger().transactions(headers.get(index).getSeq())).isEmpty();
            assertThat(headers.get(index).getCloseTime()).isEqualTo(headers.get(index - 1).getCloseTime() + 1);
        }
    }

    @Test
    void closeTimesComeFromTheClockInMicroseconds() throws Exception {
        final Instant now = Instant.parse("2030-06-01T12:00:00.123456Z");
        final Chain chain = started(Clock.fixed(now, ZoneOffset.UTC), new LedgerTiming(10, 40), MempoolLimits.DEFAULTS);

        assertThat(chain.closer().awaitLedger(3, Duration.ofSeconds(10))).isTrue();
        final long micros = now.getEpochSecond() * 1_000_000 + 123_456;
        assertThat(chain.ledger().header(2).orElseThrow().getCloseTime()).isEqualTo(micros);
        assertThat(chain.ledger().header(3).orElseThrow().getCloseTime()).isEqualTo(micros + 1);
    }

    @Test
    void pendingTransactionsCloseWithoutWaitingForTheIdleInterval() throws Exception {
        final Chain chain = started(Clock.systemUTC(), new LedgerTiming(20, 600_000), MempoolLimits.DEFAULTS);
        final PrivateKey from = key(1);
        chain.add(TestTransactions.verified(from, TestTransactions.payment(from, 1, address(key(2)), 7).build()));
        chain.closer().transactionsArrived();

        assertThat(chain.closer().awaitLedger(2, Duration.ofSeconds(10))).isTrue();
        assertThat(chain.ledger().transactions(2)).hasSize(1);
        assertThat(chain.ledger().account(address(from)).orElseThrow().getNonce()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> chain.mempool().size() == 0);
        assertThat(chain.closer().awaitLedger(3, Duration.ofMillis(200))).as("no empty ledger while idle").isFalse();
    }

    @Test
    void aTransactionBehindANonceGapDoesNotMakeTheChainSpin() throws Exception {
        final Chain chain = started(Clock.systemUTC(), new LedgerTiming(10, 600_000), MempoolLimits.DEFAULTS);
        final PrivateKey from = key(1);
        chain.add(TestTransactions.verified(from, TestTransactions.payment(from, 2, address(key(2)), 7).build()));
        chain.closer().transactionsArrived();

        assertThat(chain.closer().awaitLedger(2, Duration.ofMillis(300))).isFalse();
        assertThat(chain.mempool().size()).isEqualTo(1);
    }

    @Test
    void aLedgerHoldsAtMostTheTransactionCap() throws Exception {
        final int cap = LedgerCloser.MAX_TRANSACTIONS_PER_LEDGER;
        // Filled before the closer starts, so that the first ledger sees every transaction.
        final Chain chain = chain(Clock.systemUTC(), new LedgerTiming(10, 600_000),
            new MempoolLimits(cap + 1, cap + 1, MempoolLimits.DEFAULT_EXPIRY_MILLIS));
        final PrivateKey from = key(1);
        for (long nonce = 1; nonce <= cap + 1; nonce++) {
            final VerifiedTransaction payment = TestTransactions.verified(from,
                TestTransactions.payment(from, nonce, address(key(2)), 1).build());
            chain.add(payment);
        }
        chain.closer().start();

        assertThat(chain.closer().awaitLedger(3, Duration.ofSeconds(60))).isTrue();
        assertThat(chain.ledger().transactions(2)).hasSize(cap);
        assertThat(chain.ledger().transactions(3)).hasSize(1);
        assertThat(chain.ledger().account(address(from)).orElseThrow().getNonce()).isEqualTo(cap + 1);
    }

    @Test
    void aLedgerHoldsAtMostSixteenMegabytes() throws Exception {
        final Chain chain = chain(Clock.systemUTC(), new LedgerTiming(10, 600_000), MempoolLimits.DEFAULTS);
        final byte[] remarks = new byte[250_000];
        final List<VerifiedTransaction> large = new ArrayList<>();
        for (int index = 0; index < 70; index++) {
            final PrivateKey from = key(1 + index % TestNode.FUNDED_ACCOUNTS);
            large.add(TestTransactions.verified(from, TestTransactions.payment(from, 1 + index / TestNode.FUNDED_ACCOUNTS,
                address(key(9)), 1).setMetadata(ByteString.copyFrom(remarks)).setFeeLimit(30_000_000).build()));
        }
        large.forEach(chain::add);
        final long perTransaction = large.get(0).sizeBytes();
        final long fitting = LedgerCloser.MAX_LEDGER_BYTES / perTransaction;
        chain.closer().start();

        assertThat(chain.closer().awaitLedger(3, Duration.ofSeconds(30))).isTrue();
        assertThat(chain.ledger().transactions(2)).hasSize((int) fitting);
        assertThat(chain.ledger().transactions(3)).hasSize((int) (large.size() - fitting));
    }

    @Test
    void awaitLedgerGivesUpAfterItsTimeout() throws Exception {
        final Chain chain = started(Clock.systemUTC(), new LedgerTiming(10, 600_000), MempoolLimits.DEFAULTS);
        assertThat(chain.closer().awaitLedger(1, Duration.ZERO)).isTrue();
        assertThat(chain.closer().awaitLedger(2, Duration.ofMillis(50))).isFalse();
    }
}
