package org.banyan.consensus;

/** Why the core dropped an input; the shell counts these and may penalise the peer that sent it. */
public enum IgnoreReason {
    /** The message is structurally wrong: unknown vote type, negative round, bad block id length, no block. */
    MALFORMED,
    /** For a height that is neither the current one nor the next. */
    WRONG_HEIGHT,
    /** The sender is not in the validator set of the message's height. */
    NOT_A_VALIDATOR,
    /** A proposal from someone other than the round's proposer. */
    WRONG_PROPOSER,
    /** A proposal whose block does not fit this height: wrong height, parent, last commit, validators or proposer. */
    BLOCK_DOES_NOT_FIT,
    /** A second, different proposal for a round that already has one. */
    CONFLICTING_PROPOSAL,
    /** A round more than {@link Limits#MAX_FUTURE_ROUNDS} ahead; remembered for round catch-up only. */
    ROUND_TOO_FAR_AHEAD,
    /** A round more than {@link Limits#MAX_PAST_ROUNDS} behind. */
    ROUND_TOO_OLD,
    /** The next height's buffer holds {@link Limits#MAX_NEXT_HEIGHT_MESSAGES} messages already. */
    NEXT_HEIGHT_BUFFER_FULL,
    /** The height is decided; its votes no longer matter. */
    HEIGHT_DECIDED,
    /** Evidence could not be kept: {@link Limits#MAX_PENDING_EVIDENCE} items are pending already. */
    EVIDENCE_POOL_FULL,
    /** A synced block that is not for the current height or does not match its certificate. */
    SYNCED_BLOCK_DOES_NOT_FIT
}
