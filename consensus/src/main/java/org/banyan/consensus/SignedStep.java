package org.banyan.consensus;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * What one signature commits a validator to: a (height, round, kind) slot and the value signed in it. Slots are
 * ordered lexicographically, with a round's proposal before its prevote before its precommit.
 *
 * @param value the block id, empty for a nil vote
 * @param polRound the proof-of-lock round of a proposal, -1 for votes
 */
public record SignedStep(long height, int round, Kind kind, Optional<BlockId> value, int polRound)
        implements Comparable<SignedStep> {

    /** The kinds of signed message, in the order they happen within a round. */
    public enum Kind { PROPOSAL, PREVOTE, PRECOMMIT }

    private static final Comparator<SignedStep> SLOT_ORDER = Comparator.comparingLong(SignedStep::height)
            .thenComparingInt(SignedStep::round)
            .thenComparing(SignedStep::kind);

    public SignedStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** Compares slots only: height, then round, then kind. */
    @Override
    public int compareTo(final SignedStep other) {
        return SLOT_ORDER.compare(this, other);
    }

    /** Whether both sign the same slot. */
    public boolean sameSlot(final SignedStep other) {
        return compareTo(other) == 0;
    }
}
