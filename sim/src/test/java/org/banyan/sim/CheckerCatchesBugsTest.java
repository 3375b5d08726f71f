package org.banyan.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bugs planted in a node the checker believes correct must be reported: a checker that passes a run with a
 * double-voting or amnesiac "correct" node would be checking nothing.
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
        final SimulationOptions options = SimulationOptions.of(4, 0, FaultProfile.NONE)
                .withBug(InjectedBug.FORGET_SIGN_STATE);
        final List<SimulationResult> caught = new ArrayList<>();

        SimulationBatch.run(new SeedRange(1, 10), options, result -> {
            if (!result.passed()) {
                caught.add(result);
            }
        });

        assertThat(caught).as("seed 2 re-signs a proposal after a wiped restart").isNotEmpty();
        assertThat(caught).allSatisfy(result ->
                assertThat(result.violations().get(0).invariant()).isEqualTo("S5 no double-sign"));
    }

    @Test
    void theSameAmnesiaIsNoViolationWhenTheNodeIsKnownToBeByzantine() {
        final SimulationResult result = Simulation.run(2, SimulationOptions.of(4, 1, FaultProfile.NONE));

        assertThat(result.passed()).as(result::toString).isTrue();
    }
}
