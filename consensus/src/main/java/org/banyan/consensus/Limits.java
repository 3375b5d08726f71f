package org.banyan.consensus;

/**
 * Every cap the consensus core enforces, each with the reason for its value. Peer-fed collections are bounded by
 * these numbers, so a Byzantine peer can make the core drop input but never grow without bound; {@code LimitsTest}
 * checks how the caps relate.
 */
public final class Limits {

    /**
     * Validators in one set. The spec's scope is 4 to about 50 organisations; 256 leaves room while keeping a commit
     * certificate (171 precommits of ~150 bytes) near 26 KB and a height's vote log near 80 KB.
     */
    public static final int MAX_VALIDATORS = 256;

    /**
     * Length of the weighted proposer cycle: the sum of voting powers divided by their greatest common divisor. The
     * cycle is computed once per validator set and kept as 2 bytes per slot, so this caps it at 128 KB.
     */
    public static final int MAX_PROPOSER_CYCLE_LENGTH = 65_536;

    /**
     * Largest total voting power. Quorum arithmetic multiplies power by 3, which must not overflow a {@code long}.
     */
    public static final long MAX_TOTAL_VOTING_POWER = Long.MAX_VALUE / 4;

    /**
     * Rounds ahead of the current one whose proposals and votes are kept (the spec's K). A Byzantine validator can
     * sign votes for any round; beyond this window only the round number is remembered, for round catch-up (R8).
     */
    public static final int MAX_FUTURE_ROUNDS = 8;

    /**
     * Rounds behind the current one whose proposals and votes are kept, for proofs of lock (R2) and late commits (R7).
     * A height that stalls for longer than this many rounds relies on block sync to learn an old round's decision.
     */
    public static final int MAX_PAST_ROUNDS = 16;

    /**
     * Rounds before the past-round window whose prevotes are still kept because they hold a proof of lock: a quorum of
     * prevotes for one block. A locked validator re-proposes its value naming such a round (R2), possibly long after;
     * dropping the proof would stall the height. The newest ones are kept, since a valid round only moves forward.
     */
    public static final int MAX_PROOF_OF_LOCK_ROUNDS = 8;

    /**
     * Different values counted from one validator in one round and vote type. Correct validators sign one; counting an
     * equivocator's second value too lets a node see a quorum that other nodes saw (a Twin's two votes reach
     * different peers first), and stays safe, since two quorums for different values still share a correct validator
     * when less than a third of the power equivocates. Beyond two, values are dropped: an equivocator could sign any
     * number.
     */
    public static final int MAX_VALUES_PER_VALIDATOR_AND_ROUND = 2;

    /**
     * Messages buffered for the next height, delivered when it starts: a proposal and two votes per validator for a
     * few rounds of the largest set. Beyond it, peers' retransmission brings the messages again.
     */
    public static final int MAX_NEXT_HEIGHT_MESSAGES = 4 * MAX_VALIDATORS;

    /**
     * Evidence of equivocation waiting to be included in a block. Each Byzantine validator yields at most one item per
     * round and vote type; the cap bounds memory when many equivocate at once.
     */
    public static final int MAX_PENDING_EVIDENCE = 256;

    /** Evidence items one proposed block carries, so that evidence cannot crowd out transactions. */
    public static final int MAX_EVIDENCE_PER_BLOCK = 64;

    /**
     * Longest timeout a configuration may ask for: ten minutes. A longer one would make a stalled network look dead to
     * operators before it retries.
     */
    public static final long MAX_TIMEOUT_MILLIS = 10 * 60 * 1000;

    private Limits() {
    }
}
