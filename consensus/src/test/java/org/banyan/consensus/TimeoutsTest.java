package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Timers grow with the round, stop at the cap, and refuse nonsensical settings. */
class TimeoutsTest {

    @Test
    void timeoutsGrowLinearlyWithTheRoundUntilTheCap() {
        final Timeouts timeouts = Fixture.TIMEOUTS;

        assertThat(timeouts.durationMillis(TimeoutKind.PROPOSE, 0)).isEqualTo(300);
        assertThat(timeouts.durationMillis(TimeoutKind.PROPOSE, 4)).isEqualTo(700);
        assertThat(timeouts.durationMillis(TimeoutKind.PREVOTE, 2)).isEqualTo(300);
        assertThat(timeouts.durationMillis(TimeoutKind.PRECOMMIT, 1)).isEqualTo(310);
        assertThat(timeouts.durationMillis(TimeoutKind.PROPOSE, 1_000)).isEqualTo(5_000);
        assertThat(timeouts.durationMillis(TimeoutKind.PRECOMMIT, Integer.MAX_VALUE)).isEqualTo(5_000);
        assertThat(timeouts.durationMillis(TimeoutKind.COMMIT, 9)).isZero();
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new RoundTimeout(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoundTimeout(10, -1)).isInstanceOf(IllegalArgumentException.class);
        final RoundTimeout second = new RoundTimeout(1000, 0);
        assertThatThrownBy(() -> new Timeouts(second, second, second, 0, 999))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("largest base timeout");
        assertThatThrownBy(() -> new Timeouts(second, second, second, -1, 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
