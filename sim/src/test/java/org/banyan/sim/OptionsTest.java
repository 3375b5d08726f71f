package org.banyan.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Seed ranges, profiles and options: their parsing and their caps. */
class OptionsTest {

    @Test
    void seedRangesParseInBothForms() {
        assertThat(SeedRange.parse("3..9")).isEqualTo(new SeedRange(3, 9));
        assertThat(SeedRange.parse("12")).isEqualTo(new SeedRange(12, 12));
        assertThat(SeedRange.parse("12").size()).isEqualTo(1);
        assertThatThrownBy(() -> SeedRange.parse("a..b")).hasMessageContaining("A..B");
        assertThatThrownBy(() -> SeedRange.parse("9..3")).hasMessageContaining("upwards");
    }

    @Test
    void aSeedRangeHoldsAtMostItsCap() {
        assertThat(new SeedRange(0, SeedRange.MAX_SEEDS - 1).size()).isEqualTo(SeedRange.MAX_SEEDS);
        assertThatThrownBy(() -> new SeedRange(0, SeedRange.MAX_SEEDS)).hasMessageContaining("at most");
    }

    @Test
    void profilesParseByTheirCommandLineNames() {
        for (final FaultProfile profile : FaultProfile.values()) {
            assertThat(FaultProfile.parse(profile.cliName())).isEqualTo(profile);
        }
        assertThatThrownBy(() -> FaultProfile.parse("chaos"))
                .hasMessageContaining("none, network, crash, clock, reconfigure, all, spam");
        assertThat(FaultProfile.ALL.network() && FaultProfile.ALL.crashes() && FaultProfile.ALL.clockSkew()
                && FaultProfile.ALL.validatorChanges()).isTrue();
        assertThat(FaultProfile.ALL.spam()).as("spam stays out of ALL, whose seeds keep replaying").isFalse();
        assertThat(FaultProfile.SPAM.spam()).isTrue();
    }

    @Test
    void injectedBugsParseByTheirCommandLineNames() {
        for (final InjectedBug bug : InjectedBug.values()) {
            assertThat(InjectedBug.parse(bug.cliName())).isEqualTo(bug);
        }
        assertThat(InjectedBug.LOSE_LOCK.cliName()).isEqualTo("lose-lock");
        assertThatThrownBy(() -> InjectedBug.parse("typo")).hasMessageContaining("vote-twice, forget-sign-state, "
                + "lose-lock, stale-close-time, clock-ahead, unbounded-mempool, first-proposer-only, censor-source, "
                + "stall-after-set-change");
    }

    @Test
    void byzantineValidatorsStayBelowAThird() {
        assertThat(SimulationOptions.of(4, 1, FaultProfile.NONE).byzantine()).isEqualTo(1);
        assertThat(SimulationOptions.of(7, 2, FaultProfile.NONE).byzantine()).isEqualTo(2);
        assertThatThrownBy(() -> SimulationOptions.of(6, 2, FaultProfile.NONE)).hasMessageContaining("N > 3f");
        assertThatThrownBy(() -> SimulationOptions.of(3, 1, FaultProfile.NONE)).hasMessageContaining("at most 0");
    }

    @Test
    void validatorCountsStayWithinTheirCaps() {
        assertThat(SimulationOptions.of(SimulationOptions.MIN_VALIDATORS, 0, FaultProfile.NONE).validators())
                .isEqualTo(1);
        assertThat(SimulationOptions.of(SimulationOptions.MAX_VALIDATORS, 0, FaultProfile.NONE).validators())
                .isEqualTo(SimulationOptions.MAX_VALIDATORS);
        assertThatThrownBy(() -> SimulationOptions.of(SimulationOptions.MAX_VALIDATORS + 1, 0, FaultProfile.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulationOptions.of(0, 0, FaultProfile.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReplayCommandCarriesEveryOptionThatDiffersFromTheDefaults() {
        final SimulationOptions options = SimulationOptions.of(7, 2, FaultProfile.CRASH)
                .withSignatures(SignatureMode.REAL);

        assertThat(options.replayCommand(5))
                .isEqualTo("./banyan sim --nodes 7 --seeds 5..5 --byzantine 2 --faults crash --signatures real");
    }
}
