package org.banyan.consensus;

/** Where a node is within a height. */
public enum RoundStep {
    /** The height has started and waits out the commit delay before round 0; messages are collected meanwhile. */
    NEW_HEIGHT,
    /** Waiting for the round's proposal. */
    PROPOSE,
    /** Prevoted; waiting for prevotes. */
    PREVOTE,
    /** Precommitted; waiting for precommits. */
    PRECOMMIT,
    /** A block is decided; waiting for the shell to store and execute it ({@link Event.CommitApplied}). */
    DECIDED;

    /** Whether this is one of the three steps of a running round. */
    public boolean inRound() {
        return this == PROPOSE || this == PREVOTE || this == PRECOMMIT;
    }
}
