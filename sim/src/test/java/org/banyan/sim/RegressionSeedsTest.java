package org.banyan.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seeds that once failed, kept after their bug was fixed; each row says what the bug was. */
class RegressionSeedsTest {

    @ParameterizedTest(name = "{0} validators, {1} byzantine, {2}, seed {3}: {4}")
    @CsvSource(delimiter = '|', value = {
        "4|1|none|13|proposals carrying evidence of the current height were judged invalid, so the height never ended",
        "4|1|all|1|proposals carrying evidence of the current height were judged invalid, so the height never ended",
        "4|1|network|11|round changes counted as progress, so a stalled height never retransmitted",
        "4|1|none|8|a Twin's two prevotes reached peers in different orders, so no one else saw its proof of lock",
        "4|1|network|7|an equivocator's second vote was not counted, so peers disagreed on proofs of lock",
        "4|1|network|14|an equivocator's second vote was not counted, so peers disagreed on proofs of lock",
        "4|1|crash|13|an equivocator's second vote was not counted, so peers disagreed on proofs of lock",
        "4|1|all|167|the shell dropped a vote it had seen while its round was outside the window, so a proof of lock"
            + " named later never reached consensus",
        "4|1|all|243|the shell dropped a vote it had seen while its round was outside the window, so a proof of lock"
            + " named later never reached consensus",
        "4|1|all|185|a follower restarted with a lock from a later round than it last signed in",
        "4|1|all|200|a follower restarted with a lock from a later round than it last signed in",
        "4|1|all|218|a follower restarted with a lock from a later round than it last signed in",
    })
    void seedStaysFixed(final int validators, final int byzantine, final String profile, final long seed,
                        final String bug) {
        final SimulationResult result = Simulation.run(seed,
                SimulationOptions.of(validators, byzantine, FaultProfile.parse(profile)));

        assertThat(result.passed()).as(bug + "\n" + result + "\nreplay: " + result.replayCommand()).isTrue();
    }
}
