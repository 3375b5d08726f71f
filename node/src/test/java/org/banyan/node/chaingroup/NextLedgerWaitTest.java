package org.banyan.node.chaingroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NextLedgerWaitTest {

    @Test
    void atMostTheCapWaitAndTheNextIsToldToRetryAtOnce() {
        final AtomicLong last = new AtomicLong(10);
        final AtomicLong polls = new AtomicLong();
        final NextLedgerWait wait = new NextLedgerWait(() -> {
            polls.incrementAndGet();
            return last.get();
        }, Duration.ofMinutes(1).toMillis());
        final List<CompletableFuture<NextLedgerWait.Result>> waiting = new ArrayList<>();
        for (int index = 0; index < NextLedgerWait.MAX_WAITERS; index++) {
            waiting.add(CompletableFuture.supplyAsync(() -> wait.awaitAfter(10)));
        }
        // Every waiter has looked at the ledger more than once: all hold a permit.
        await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() > 2L * NextLedgerWait.MAX_WAITERS);

        assertThat(wait.awaitAfter(10)).isEqualTo(NextLedgerWait.Result.BUSY);
        assertThat(wait.awaitAfter(9)).as("no wait needed").isEqualTo(NextLedgerWait.Result.COMMITTED);

        last.set(11);
        assertThat(waiting).allSatisfy(future ->
            assertThat(future.join()).isEqualTo(NextLedgerWait.Result.COMMITTED));
    }

    @Test
    void aWaitEndsAtItsTimeout() {
        assertThat(new NextLedgerWait(() -> 5, 100).awaitAfter(5)).isEqualTo(NextLedgerWait.Result.TIMED_OUT);
    }
}
