package org.banyan.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BoundedInboxTest {

    @Test
    void inputsFillTheInboxToItsCapacityAndTheNextIsDropped() throws InterruptedException {
        final BoundedInbox<Integer> inbox = new BoundedInbox<>(ConsensusDriver.MAX_QUEUED_INPUTS, 1);
        for (int index = 0; index < ConsensusDriver.MAX_QUEUED_INPUTS; index++) {
            assertThat(inbox.offer(index)).isTrue();
        }
        assertThat(inbox.offer(-1)).isFalse();
        assertThat(inbox.size()).isEqualTo(ConsensusDriver.MAX_QUEUED_INPUTS);
        assertThat(inbox.next(0)).contains(0);
        assertThat(inbox.offer(-1)).isTrue();
    }

    @Test
    void aPatientProducerWaitsForRoomAndGivesUpWhenTheConsumerStops() throws InterruptedException {
        final BoundedInbox<Integer> inbox = new BoundedInbox<>(1, 1);
        assertThat(inbox.offer(1)).isTrue();
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread consumer = new Thread(() -> {
            try {
                inbox.next(1_000);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        assertThat(inbox.offerPatiently(2, running::get)).isTrue();
        consumer.join();
        assertThat(inbox.next(0)).contains(2);
        assertThat(inbox.offer(3)).isTrue();
        running.set(false);
        assertThat(inbox.offerPatiently(4, running::get)).isFalse();
        assertThat(inbox.size()).isEqualTo(1);
    }

    @Test
    void anEmptyInboxAnswersNothingAfterTheWait() throws InterruptedException {
        assertThat(new BoundedInbox<Integer>(1, 1).next(1)).isEmpty();
    }
}
