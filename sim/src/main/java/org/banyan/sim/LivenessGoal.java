package org.banyan.sim;

import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;

/**
 * What every correct node must commit after GST, within {@link SimulationOptions#livenessBoundMillis()} (spec §3.3):
 * <ul>
 *   <li>L1 termination and L2 catch-up: {@link SimulationOptions#livenessHeights()} heights past the highest one
 *       committed at GST, laggards and restarted nodes included;</li>
 *   <li>L5 no livelock across validator-set changes: from each change that takes effect after GST, its first height
 *       and {@link #HEIGHTS_ACROSS_CHANGE} - 1 more; when the profile changes sets, at least one such change.</li>
 * </ul>
 * A node that stops short is an L5 failure when it stalled next to a change, an L1/L2 failure otherwise.
 */
final class LivenessGoal {

    /** Heights every correct node commits from a change on: the new set's first, whose proposers are new, two more. */
    static final int HEIGHTS_ACROSS_CHANGE = 3;

    private final SimulationOptions options;
    private final long heightAtGst;
    private final NavigableSet<Long> changes;

    /**
     * @param heightAtGst the highest height a correct node had committed at GST
     * @param changes first heights of new validator sets, as the checker learns them, growing during the run
     */
    LivenessGoal(final SimulationOptions options, final long heightAtGst, final NavigableSet<Long> changes) {
        this.options = options;
        this.heightAtGst = heightAtGst;
        this.changes = changes;
    }

    /** The height every correct node must reach. */
    long target() {
        final long afterChange = lastChangeAfterGst().map(change -> change + HEIGHTS_ACROSS_CHANGE - 1).orElse(0L);
        return Math.max(heightAtGst + options.livenessHeights(), afterChange);
    }

    /** Whether every correct node is up and reached the target, past a change if the profile makes them. */
    boolean isMet(final List<SimNode> correctNodes) {
        if (options.faults().validatorChanges() && lastChangeAfterGst().isEmpty()) {
            return false;
        }
        final long target = target();
        for (final SimNode node : correctNodes) {
            if (!node.isUp() || node.committedHeight() < target) {
                return false;
            }
        }
        return true;
    }

    /** After the run: reports each correct node short of the target, else a profile's missing change. */
    void judge(final List<SimNode> correctNodes, final ViolationReporter reporter, final String nodes) {
        final long target = target();
        boolean allReached = true;
        for (final SimNode node : correctNodes) {
            if (node.isUp() && node.committedHeight() >= target) {
                continue;
            }
            allReached = false;
            final long stalledAt = node.committedHeight() + 1;
            final Optional<Long> change = Optional.ofNullable(changes.floor(stalledAt + 1))
                    .filter(first -> stalledAt < first + HEIGHTS_ACROSS_CHANGE);
            if (change.isPresent()) {
                reporter.report("L5 no livelock across validator-set changes", "correct node " + node.id
                        + " stalled at height " + stalledAt + ", next to the validator-set change at height "
                        + change.get() + ", within " + options.livenessBoundMillis() + " ms after GST; " + nodes);
            } else {
                reporter.report("L1/L2 liveness", "correct node " + node.id + " reached height "
                        + node.committedHeight() + ", not " + target + ", within " + options.livenessBoundMillis()
                        + " ms after GST; " + nodes);
            }
        }
        if (allReached && options.faults().validatorChanges() && lastChangeAfterGst().isEmpty()) {
            reporter.report("L5 no livelock across validator-set changes", "no validator-set change took effect"
                    + " within " + options.livenessBoundMillis() + " ms after GST, though governance asks for one"
                    + " every " + Simulation.GOVERNANCE_INTERVAL_MICROS / 1000 + " ms; " + nodes);
        }
    }

    /** How many validator-set changes took effect after GST. */
    int changesAfterGst() {
        return changes.tailSet(heightAtGst, false).size();
    }

    private Optional<Long> lastChangeAfterGst() {
        return Optional.ofNullable(changes.higher(heightAtGst)).map(first -> changes.last());
    }
}
