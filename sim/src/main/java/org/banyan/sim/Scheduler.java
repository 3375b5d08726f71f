package org.banyan.sim;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The kernel's event queue: events run in virtual-time order, ties in the order they were scheduled (a global
 * counter), so that a run depends on its seed alone and never on hash codes or wall-clock time.
 */
final class Scheduler {

    /** What an event is, for the trace hash. */
    enum Kind { DELIVERY, TIMER, VALIDATION, CONTENT, COMMIT_APPLIED, GOSSIP, SUBMIT, FAULT, GST }

    /** One scheduled event. */
    record Scheduled(long timeMicros, long sequence, int node, Kind kind, Runnable action) {
    }

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparingLong(Scheduled::timeMicros).thenComparingLong(Scheduled::sequence));
    private final long startMicros;
    private long nowMicros;
    private long sequence;

    Scheduler(final long startMicros) {
        this.startMicros = startMicros;
        this.nowMicros = startMicros;
    }

    /** Virtual time at the start of the run. */
    long startMicros() {
        return startMicros;
    }

    long nowMicros() {
        return nowMicros;
    }

    /** Runs {@code action} after {@code delayMicros} of virtual time. */
    void after(final long delayMicros, final int node, final Kind kind, final Runnable action) {
        Verify.that(delayMicros >= 0, "events are never scheduled in the past");
        queue.add(new Scheduled(nowMicros + delayMicros, sequence++, node, kind, action));
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Takes the next event and advances the clock to it. */
    Scheduled next() {
        final Scheduled next = queue.poll();
        Verify.that(next.timeMicros() >= nowMicros, "virtual time never goes back");
        nowMicros = next.timeMicros();
        return next;
    }

    int pending() {
        return queue.size();
    }
}
