package org.banyan.sim;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run did, counted by kind in two groups: the faults it injected (drops, partitions, crashes, Byzantine roles,
 * validator-set changes), and how the nodes reacted (evidence found, inputs ignored, blocks synced, retransmissions).
 */
public final class FaultCounts {

    private final Map<String, Long> injected = new TreeMap<>();
    private final Map<String, Long> reactions = new TreeMap<>();

    void injected(final String kind) {
        injected(kind, 1);
    }

    void injected(final String kind, final long amount) {
        injected.merge(kind, amount, Long::sum);
    }

    void reaction(final String kind) {
        reaction(kind, 1);
    }

    void reaction(final String kind, final long amount) {
        reactions.merge(kind, amount, Long::sum);
    }

    /** Adds every count of {@code other} into this one. */
    public void addAll(final FaultCounts other) {
        other.injected.forEach((kind, count) -> injected.merge(kind, count, Long::sum));
        other.reactions.forEach((kind, count) -> reactions.merge(kind, count, Long::sum));
    }

    /** The count of one kind, injected or reaction, 0 if none. */
    public long get(final String kind) {
        return injected.getOrDefault(kind, 0L) + reactions.getOrDefault(kind, 0L);
    }

    /** Injected faults by kind, in name order. */
    public Map<String, Long> injected() {
        return Collections.unmodifiableMap(injected);
    }

    /** Nodes' reactions by kind, in name order. */
    public Map<String, Long> reactions() {
        return Collections.unmodifiableMap(reactions);
    }

    /** One line of injected faults, {@code kind count, kind count}. */
    public String describeInjected() {
        return describe(injected);
    }

    /** One line of reactions. */
    public String describeReactions() {
        return describe(reactions);
    }

    private static String describe(final Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        final StringBuilder text = new StringBuilder();
        counts.forEach((kind, count) -> text.append(text.length() == 0 ? "" : ", ").append(kind).append(' ')
                .append(count));
        return text.toString();
    }

    @Override
    public String toString() {
        return "injected: " + describeInjected() + "; reactions: " + describeReactions();
    }
}
