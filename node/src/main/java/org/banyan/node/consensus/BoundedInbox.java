package org.banyan.node.consensus;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The consensus thread's bounded input queue. Producers that can lose an input (network messages, which peers
 * retransmit) drop it when the queue is full; producers that cannot (timers) back off and retry while the consumer
 * runs. Never unbounded, never a thread per input.
 */
final class BoundedInbox<T> {

    private final BlockingQueue<T> queue;
    private final long backoffMillis;

    BoundedInbox(final int capacity, final long backoffMillis) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.backoffMillis = backoffMillis;
    }

    /** Adds the input if there is room; false when full and it was dropped. */
    boolean offer(final T input) {
        return queue.offer(input);
    }

    /** Adds the input, waiting for room in steps of the backoff while {@code consumerRuns}; false if it stopped. */
    boolean offerPatiently(final T input, final BooleanSupplier consumerRuns) {
        try {
            while (consumerRuns.getAsBoolean()) {
                if (queue.offer(input, backoffMillis, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The next input, waiting at most {@code timeoutMillis}; empty if none came. */
    Optional<T> next(final long timeoutMillis) throws InterruptedException {
        return Optional.ofNullable(queue.poll(timeoutMillis, TimeUnit.MILLISECONDS));
    }

    /** Inputs waiting now. */
    int size() {
        return queue.size();
    }
}
