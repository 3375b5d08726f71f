package org.banyan.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.banyan.consensus.State;
import org.banyan.consensus.ValidatorSet;

/**
 * L3 progress despite f faulty proposers (spec §3.3). After GST a height may lose rounds to faulty proposers (silent
 * ones time out, equivocating ones split the prevotes) and to locks from before GST, but within one proposer cycle
 * every correct validator proposes, among them the one holding the value locked highest, whose proposal with its
 * proof of lock every correct node accepts. So no height takes more than one cycle plus {@link #SLACK_ROUNDS} rounds
 * after GST, counted from the highest round a correct node was in at GST (0 for heights started later). The rule
 * concerns heights that went through a faulty validator's round after GST; a height stuck without one is a failure of
 * L1 or L5, which {@link LivenessGoal} judges.
 *
 * <p>Checked after every step of a correct node. Heights decided after GST despite a faulty proposer in one of their
 * rounds are counted, to show that the batch exercised the rule.
 */
final class RoundProgress {

    /**
     * Rounds beyond one proposer cycle a height may take after GST: one for correct nodes to meet in a round (round
     * catch-up needs a message from a round ahead), one for a locked validator's re-proposal to gather its prevotes.
     */
    static final int SLACK_ROUNDS = 2;

    private final ViolationReporter reporter;
    private final FaultCounts counts;
    private final Set<String> faultyValidators;
    /** Highest round a correct node was in at GST, for each height not decided by then. */
    private final Map<Long, Integer> roundsAtGst = new HashMap<>();
    private boolean afterGst;
    private long decidedHeight;

    RoundProgress(final ViolationReporter reporter, final FaultCounts counts, final Set<String> faultyValidators) {
        this.reporter = reporter;
        this.counts = counts;
        this.faultyValidators = Set.copyOf(faultyValidators);
    }

    /** GST: from now on rounds count, from where each undecided height stands. */
    void onGst(final List<SimNode> correctNodes) {
        afterGst = true;
        for (final SimNode node : correctNodes) {
            node.consensusState().filter(state -> state.height() > decidedHeight)
                    .ifPresent(state -> roundsAtGst.merge(state.height(), state.round(), Math::max));
        }
    }

    /** A correct node stepped. */
    void onStep(final SimNode node) {
        final Optional<State> running = node.consensusState();
        if (!afterGst || running.isEmpty() || running.get().height() <= decidedHeight) {
            return;
        }
        final State state = running.get();
        final int fromRound = roundsAtGst.getOrDefault(state.height(), 0);
        final int cycle = state.validators().proposerCycleLength();
        if (state.round() - fromRound <= cycle + SLACK_ROUNDS) {
            return;
        }
        final int faulty = faultyRounds(state.validators(), state.height(), fromRound, state.round());
        if (faulty > 0) {
            reporter.report("L3 progress despite faulty proposers", "after GST correct node " + node.id
                    + " went from round " + fromRound + " to round " + state.round() + " of height " + state.height()
                    + " without a decision, though a proposer cycle is " + cycle + " rounds; faulty validators"
                    + " proposed in " + faulty + " of them");
        }
    }

    /** A correct node was the first to decide {@code height}, in {@code round}. */
    void onDecided(final long height, final int round, final ValidatorSet validators) {
        decidedHeight = Math.max(decidedHeight, height);
        roundsAtGst.remove(height);
        if (afterGst && faultyRounds(validators, height, 0, round) > 0) {
            counts.reaction("heights decided after GST past a faulty proposer");
        }
    }

    /** How many of the rounds {@code first} to {@code last} of a height faulty validators propose. */
    private int faultyRounds(final ValidatorSet validators, final long height, final int first, final int last) {
        int faulty = 0;
        for (int round = first; round <= last; round++) {
            if (faultyValidators.contains(validators.proposer(height, round).address())) {
                faulty++;
            }
        }
        return faulty;
    }
}
