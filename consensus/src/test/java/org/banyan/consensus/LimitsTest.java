package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How the caps relate to each other, and the timeout caps at their edge. */
class LimitsTest {

    @Test
    void theCapsFitTogether() {
        assertThat(Limits.MAX_VALIDATORS).as("proposer cycle slots are shorts").isLessThanOrEqualTo(Short.MAX_VALUE);
        assertThat(Limits.MAX_PROPOSER_CYCLE_LENGTH).as("a full set of equal powers has a cycle")
                .isGreaterThanOrEqualTo(Limits.MAX_VALIDATORS);
        assertThat(Limits.MAX_NEXT_HEIGHT_MESSAGES).as("a proposal and two votes per validator for one round")
                .isGreaterThanOrEqualTo(3 * Limits.MAX_VALIDATORS);
        assertThat(Limits.MAX_EVIDENCE_PER_BLOCK).isLessThanOrEqualTo(Limits.MAX_PENDING_EVIDENCE);
        assertThat(Limits.MAX_FUTURE_ROUNDS).isPositive();
        assertThat(Limits.MAX_PAST_ROUNDS).as("a proof of lock from an earlier round stays usable").isPositive();
        assertThat(Math.multiplyExact(Limits.MAX_TOTAL_VOTING_POWER, 3)).as("quorum arithmetic cannot overflow")
                .isPositive();
    }

    @Test
    void aTimeoutMayReachItsCapAndNoMore() {
        final RoundTimeout longest = new RoundTimeout(Limits.MAX_TIMEOUT_MILLIS, Limits.MAX_TIMEOUT_MILLIS);
        final Timeouts timeouts = new Timeouts(longest, longest, longest, Limits.MAX_TIMEOUT_MILLIS,
                Limits.MAX_TIMEOUT_MILLIS);
        assertThat(timeouts.durationMillis(TimeoutKind.PROPOSE, Integer.MAX_VALUE)).isEqualTo(Limits.MAX_TIMEOUT_MILLIS);

        assertThatThrownBy(() -> new RoundTimeout(Limits.MAX_TIMEOUT_MILLIS + 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Timeouts(longest, longest, longest, 0, Limits.MAX_TIMEOUT_MILLIS + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Timeouts(longest, longest, longest, Limits.MAX_TIMEOUT_MILLIS + 1,
                Limits.MAX_TIMEOUT_MILLIS)).isInstanceOf(IllegalArgumentException.class);
    }
}
