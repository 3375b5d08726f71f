package org.banyan.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bugs planted in a node the checker believes correct must be reported, each as a violation of the invariant it
 * breaks: a checker that passes a run with a double-voting, lock-losing, censoring or stalling "correct" node would be
 * checking nothing. Bugs that need a rare situation (a lock that outlives its round, a silent first proposer) are run
 * over a range of seeds: some must be caught, and every one caught must name the bug's invariant.
 */
class CheckerCatchesBugsTest {

    @Test
    void aCorrectNodeVotingTwiceInARoundIsCaughtAtOnce() {
        final SimulationResult result = Simulation.run(1,
                SimulationOptions.of(4, 0, FaultProfile.NONE).withBug(InjectedBug.VOTE_TWICE));

        assertThat(result.passed()).isFalse();
        assertThat(result.violations().get(0).invariant()).isEqualTo("S5 no double-sign");
        assertThat(result.violations().get(0).detail()).contains("correct node 0 signed PREVOTE at height 1 round 0");
    }

    @Test
    void aCorrectNodeForgettingItsSignStateIsCaughtWhenItSignsAgain() {
        final List<SimulationResult> caught = caught(new SeedRange(1, 10), SimulationOptions.of(4, 0, FaultProfile.NONE)
                .withBug(InjectedBug.FORGET_SIGN_STATE));

        assertThat(caught).as("seed 2 re-signs a proposal after a wiped restart").isNotEmpty();
        assertThat(caught).allSatisfy(result -> assertFirstViolation(result, "S5 no double-sign"));
    }

    @Test
    void theSameAmnesiaIsNoViolationWhenTheNodeIsKnownToBeByzantine() {
        final SimulationResult result = Simulation.run(2, SimulationOptions.of(4, 1, FaultProfile.NONE));

        assertThat(result.passed()).as(result::toString).isTrue();
    }

    @Test
    void aCorrectNodeLosingItsLockOnRestartIsCaughtWhenItPrevotesAgainstIt() {
        final List<SimulationResult> caught = caught(new SeedRange(21, 35), SimulationOptions.of(4, 1,
                FaultProfile.NETWORK).withBug(InjectedBug.LOSE_LOCK));

        assertThat(caught).as("a lock outlives its round only when precommits go missing").isNotEmpty();
        assertThat(caught).allSatisfy(result -> {
            assertFirstViolation(result, "S6 lock discipline");
            assertThat(result.violations().get(0).detail()).contains("correct node 0 precommitted")
                    .contains("without having received a quorum of prevotes for it");
        });
    }

    @Test
    void aCorrectNodeStampingBlocksWithItsParentsTimeIsCaughtAtItsFirstBlock() {
        final SimulationResult result = Simulation.run(1,
                SimulationOptions.of(4, 0, FaultProfile.NONE).withBug(InjectedBug.STALE_CLOSE_TIME));

        assertFirstViolation(result, "S9 time");
        assertThat(result.violations().get(0).detail()).contains("built by correct node 0")
                .contains("behind the builder's clock");
    }

    @Test
    void aLoneValidatorReadingItsClockAheadCommitsBlocksBeyondTheDriftBound() {
        final SimulationResult result = Simulation.run(1,
                SimulationOptions.of(1, 0, FaultProfile.NONE).withBug(InjectedBug.CLOCK_AHEAD));

        assertFirstViolation(result, "S9 time");
        assertThat(result.violations().get(0).detail()).contains("ahead of the clock of correct node 0")
                .contains("the drift bound is " + BlockValidity.MAX_CLOSE_TIME_AHEAD_MICROS);
    }

    @Test
    void aMempoolWithoutItsCapIsCaughtWhenTheJunkFloodPassesIt() {
        final SimulationResult result = Simulation.run(1,
                SimulationOptions.of(4, 0, FaultProfile.SPAM).withBug(InjectedBug.UNBOUNDED_MEMPOOL));

        assertFirstViolation(result, "S10 resource bounds");
        assertThat(result.violations().get(0).detail())
                .isEqualTo("correct node 0: the mempool holds " + (Mempool.MAX_TRANSACTIONS + 1) + ", over its cap of "
                        + Mempool.MAX_TRANSACTIONS);
    }

    @Test
    void aCorrectNodeRejectingLaterProposersStallsHeightsWithASilentFirstProposer() {
        final List<SimulationResult> caught = caught(new SeedRange(1, 10), SimulationOptions.of(4, 1,
                FaultProfile.NONE).withBug(InjectedBug.FIRST_PROPOSER_ONLY));

        assertThat(caught).as("seeds whose Byzantine validator is silent").isNotEmpty();
        assertThat(caught).allSatisfy(result -> {
            assertFirstViolation(result, "L3 progress despite faulty proposers");
            final Matcher rounds = Pattern.compile("from round (\\d+) to round (\\d+) .* a proposer cycle is (\\d+)")
                    .matcher(result.violations().get(0).detail());
            assertThat(rounds.find()).as(result::toString).isTrue();
            assertThat(Integer.parseInt(rounds.group(2)) - Integer.parseInt(rounds.group(1)))
                    .as("caught at the first round past the bound")
                    .isEqualTo(Integer.parseInt(rounds.group(3)) + RoundProgress.SLACK_ROUNDS + 1);
        });
    }

    @Test
    void aLoneValidatorCensoringASourceBreaksInclusion() {
        final SimulationResult result = Simulation.run(1,
                SimulationOptions.of(1, 0, FaultProfile.NONE).withBug(InjectedBug.CENSOR_SOURCE));

        assertFirstViolation(result, "L4 inclusion");
        final Matcher heights = Pattern.compile("every correct mempool at height (\\d+), and height (\\d+) still")
                .matcher(result.violations().get(0).detail());
        assertThat(heights.find()).as(result::toString).isTrue();
        assertThat(Long.parseLong(heights.group(2)) - Long.parseLong(heights.group(1)))
                .as("caught at the first height past the bound").isEqualTo(Inclusion.BOUND_HEIGHTS + 1);
    }

    @Test
    void aLoneValidatorStallingAtANewValidatorSetIsALivelockAcrossTheChange() {
        final SimulationResult result = Simulation.run(1,
                SimulationOptions.of(1, 0, FaultProfile.RECONFIGURE).withBug(InjectedBug.STALL_AFTER_SET_CHANGE));

        assertFirstViolation(result, "L5 no livelock across validator-set changes");
        assertThat(result.violations().get(0).detail()).contains("next to the validator-set change at height");
    }

    private static List<SimulationResult> caught(final SeedRange seeds, final SimulationOptions options) {
        final List<SimulationResult> caught = new ArrayList<>();
        SimulationBatch.run(seeds, options, result -> {
            if (!result.passed()) {
                caught.add(result);
            }
        });
        return caught;
    }

    private static void assertFirstViolation(final SimulationResult result, final String invariant) {
        assertThat(result.passed()).as("the bug went unnoticed: %s", result).isFalse();
        assertThat(result.violations().get(0).invariant()).as(result::toString).isEqualTo(invariant);
    }
}
