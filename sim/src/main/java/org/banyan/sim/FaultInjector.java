package org.banyan.sim;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Schedules the faults of a run's profile before GST: partitions and delay storms, crashes and restarts (also in the
 * middle of a step), and the restart cycle of nodes that forget on restart (the amnesiac, and planted bugs). At GST
 * it heals the network and restarts every crashed node; from then on only the Byzantine nodes misbehave. At most
 * {@code max(1, f)} nodes are down at once.
 */
final class FaultInjector {

    /** Mean virtual time between two partitions. */
    static final long MEAN_PARTITION_INTERVAL_MICROS = 1_000_000;

    /** Longest partition. */
    static final long MAX_PARTITION_MICROS = 1_500_000;

    /** Mean virtual time between two delay storms. */
    static final long MEAN_STORM_INTERVAL_MICROS = 1_500_000;

    /** Longest delay storm. */
    static final long MAX_STORM_MICROS = 500_000;

    /** Mean virtual time between two crashes. */
    static final long MEAN_CRASH_INTERVAL_MICROS = 700_000;

    /** Longest time a crashed node stays down before GST. */
    static final long MAX_DOWNTIME_MICROS = 1_500_000;

    /** Chance that a node crashes right after any one action, cutting its step short. */
    static final double MID_STEP_CRASH_PROBABILITY = 0.001;

    /** Mean virtual time between two restarts of a node that forgets on restart, such as the amnesiac. */
    static final long MEAN_AMNESIA_INTERVAL_MICROS = 600_000;

    private static final long MIN_FAULT_MICROS = 50_000;

    private final World world;
    private final SplittableRandom random;
    private final int maxDown;
    private boolean afterGst;

    FaultInjector(final World world, final SplittableRandom random) {
        this.world = world;
        this.random = random;
        this.maxDown = Math.max(1, SimulationOptions.maxFaulty(world.options.validators()));
    }

    /** Schedules the first fault of each kind the profile has; each schedules its successor until GST. */
    void start() {
        final FaultProfile profile = world.options.faults();
        if (profile.network()) {
            every(MEAN_PARTITION_INTERVAL_MICROS, this::partition);
            every(MEAN_STORM_INTERVAL_MICROS, this::storm);
        }
        if (profile.crashes()) {
            every(MEAN_CRASH_INTERVAL_MICROS, this::crashSomeNode);
        }
        for (final SimNode node : world.nodes) {
            if (node.restartsOften()) {
                every(MEAN_AMNESIA_INTERVAL_MICROS, () -> crashAndRestart(node));
            }
        }
    }

    /** Global stabilisation: heal everything and restart every crashed node. */
    void gst() {
        afterGst = true;
        world.network.gst();
        for (final SimNode node : world.nodes) {
            if (!node.isUp()) {
                world.counts.injected("restarts at GST");
                node.start();
            }
        }
    }

    /** Whether {@code node} crashes right after the action it just carried out. */
    boolean crashesMidStep(final SimNode node) {
        return mayCrash() && random.nextDouble() < MID_STEP_CRASH_PROBABILITY && scheduleRestart(node);
    }

    private boolean mayCrash() {
        return world.options.faults().crashes() && !afterGst && downCount() < maxDown;
    }

    private void partition() {
        final Set<Integer> side = new HashSet<>();
        for (int node = 0; node < world.nodes.size(); node++) {
            if (random.nextBoolean()) {
                side.add(node);
            }
        }
        if (side.isEmpty() || side.size() == world.nodes.size()) {
            side.clear();
            side.add(random.nextInt(world.nodes.size()));
        }
        world.network.partition(side);
        world.trace.detail(side.hashCode());
        final long duration = duration(MAX_PARTITION_MICROS);
        world.scheduler.after(duration, -1, Scheduler.Kind.FAULT, world.network::heal);
    }

    private void storm() {
        world.network.storm(true);
        world.scheduler.after(duration(MAX_STORM_MICROS), -1, Scheduler.Kind.FAULT, () -> world.network.storm(false));
    }

    private void crashSomeNode() {
        crashAndRestart(world.nodes.get(random.nextInt(world.nodes.size())));
    }

    private void crashAndRestart(final SimNode node) {
        if (node.isUp() && downCount() < maxDown) {
            node.crash(false);
            scheduleRestart(node);
        }
    }

    /** Restarts the node after a random downtime, unless GST restarts it first; always true, for chaining. */
    private boolean scheduleRestart(final SimNode node) {
        Verify.that(downCount() <= maxDown, "at most " + maxDown + " nodes are down at once");
        world.scheduler.after(duration(MAX_DOWNTIME_MICROS), node.id, Scheduler.Kind.FAULT, () -> {
            if (!node.isUp()) {
                world.counts.injected("restarts");
                node.start();
            }
        });
        return true;
    }

    /** Runs {@code fault} at exponentially distributed intervals until GST. */
    private void every(final long meanIntervalMicros, final Runnable fault) {
        final long interval = (long) (-Math.log(1 - random.nextDouble()) * meanIntervalMicros);
        world.scheduler.after(interval, -1, Scheduler.Kind.FAULT, () -> {
            if (!afterGst) {
                fault.run();
                every(meanIntervalMicros, fault);
            }
        });
    }

    private long duration(final long maxMicros) {
        return MIN_FAULT_MICROS + random.nextLong(maxMicros - MIN_FAULT_MICROS);
    }

    private int downCount() {
        int down = 0;
        for (final SimNode node : world.nodes) {
            if (!node.isUp()) {
                down++;
            }
        }
        return down;
    }
}
