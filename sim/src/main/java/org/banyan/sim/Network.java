package org.banyan.sim;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated network. Latency is a base plus log-normal jitter, so messages overtake each other; before GST it
 * may also drop, duplicate, slow down in storms and split into partitions. At GST every fault stops: nothing is
 * dropped and every message arrives within {@link #DELTA_MICROS} (partial synchrony's Δ). Each link queues at most
 * {@link #MAX_IN_FLIGHT_PER_LINK} messages, as a node's bounded queue per peer does, before and after GST.
 */
final class Network {

    /** Delivers an envelope to a node. */
    @FunctionalInterface
    interface Delivery {
        void deliver(int to, int from, Envelope envelope);
    }

    /** Fastest delivery: one LAN hop. */
    static final long BASE_LATENCY_MICROS = 1_000;

    /** Median of the log-normal jitter added to the base. */
    static final long MEDIAN_JITTER_MICROS = 4_000;

    /** Longest pre-GST latency; the log-normal tail is cut here. */
    static final long MAX_LATENCY_MICROS = 2_000_000;

    /** After GST every message arrives within Δ. */
    static final long DELTA_MICROS = 30_000;

    /** Chance a message is lost before GST (network profile). */
    static final double DROP_PROBABILITY = 0.05;

    /** Chance a message is delivered twice before GST (network profile). */
    static final double DUPLICATE_PROBABILITY = 0.03;

    /** Latency multiplier during a delay storm. */
    static final int STORM_SLOWDOWN = 20;

    /**
     * Messages in flight from one node to one peer: the sender's bounded queue for that peer, as the p2p layer keeps
     * one. A flooding peer fills only its own queues; beyond the cap its messages are dropped, and retransmission
     * makes up for what a correct node loses. Ten times what a correct node sends during the longest storm.
     */
    static final int MAX_IN_FLIGHT_PER_LINK = 4_096;

    private static final double JITTER_SIGMA = 1.0;

    private final Scheduler scheduler;
    private final SplittableRandom random;
    private final boolean faulty;
    private final FaultCounts counts;
    private final int nodeCount;
    private final Delivery delivery;
    private final Set<Integer> isolatedSide = new HashSet<>();
    private final int[][] inFlight;
    private int longestQueue;
    private boolean partitioned;
    private boolean storm;
    private boolean afterGst;

    Network(final Scheduler scheduler, final SplittableRandom random, final boolean faulty, final FaultCounts counts,
            final int nodeCount, final Delivery delivery) {
        this.scheduler = scheduler;
        this.random = random;
        this.faulty = faulty;
        this.counts = counts;
        this.nodeCount = nodeCount;
        this.delivery = delivery;
        this.inFlight = new int[nodeCount][nodeCount];
    }

    /** Sends to every node but the sender. */
    void broadcast(final int from, final Envelope envelope) {
        for (int to = 0; to < nodeCount; to++) {
            if (to != from) {
                send(from, to, envelope);
            }
        }
    }

    void send(final int from, final int to, final Envelope envelope) {
        counts.reaction("messages sent");
        if (!afterGst && partitioned && isolatedSide.contains(from) != isolatedSide.contains(to)) {
            counts.injected("messages cut by partition");
            return;
        }
        if (faulty && !afterGst && random.nextDouble() < DROP_PROBABILITY) {
            counts.injected("messages dropped");
            return;
        }
        schedule(from, to, envelope);
        if (faulty && !afterGst && random.nextDouble() < DUPLICATE_PROBABILITY) {
            counts.injected("messages duplicated");
            schedule(from, to, envelope);
        }
    }

    /** Splits the nodes: those in {@code side} reach only each other until {@link #heal}. */
    void partition(final Set<Integer> side) {
        isolatedSide.clear();
        isolatedSide.addAll(side);
        partitioned = true;
        counts.injected("partitions");
    }

    void heal() {
        partitioned = false;
        isolatedSide.clear();
    }

    void storm(final boolean raging) {
        if (raging && !storm) {
            counts.injected("delay storms");
        }
        storm = raging;
    }

    /** The most messages that were ever in flight at once on one link. */
    int longestQueue() {
        return longestQueue;
    }

    /** Global stabilisation time: from now on nothing is lost and everything arrives within Δ. */
    void gst() {
        afterGst = true;
        heal();
        storm = false;
    }

    private void schedule(final int from, final int to, final Envelope envelope) {
        if (inFlight[from][to] >= MAX_IN_FLIGHT_PER_LINK) {
            counts.reaction("messages dropped by full link queues");
            return;
        }
        inFlight[from][to]++;
        longestQueue = Math.max(longestQueue, inFlight[from][to]);
        scheduler.after(latencyMicros(), to, Scheduler.Kind.DELIVERY, () -> {
            inFlight[from][to]--;
            delivery.deliver(to, from, envelope);
        });
    }

    private long latencyMicros() {
        if (afterGst) {
            return BASE_LATENCY_MICROS + random.nextLong(DELTA_MICROS - BASE_LATENCY_MICROS);
        }
        final double jitter = MEDIAN_JITTER_MICROS * Math.exp(JITTER_SIGMA * random.nextGaussian());
        final long latency = BASE_LATENCY_MICROS + (long) jitter * (storm ? STORM_SLOWDOWN : 1);
        return Math.min(latency, MAX_LATENCY_MICROS);
    }
}
