package org.banyan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code banyan sim}: a summary and exit 0 when every seed keeps the invariants, 1 and a replay line when not. */
class SimCommandTest {

    @Test
    void passingSeedsPrintASummaryAndExitWithZero() {
        CliRun run = CliRun.of("sim", "--nodes", "4", "--seeds", "1..2", "--byzantine", "1", "--faults", "network");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("banyan sim: 4 validators, 1 byzantine, faults network")
                .contains("seeds run: 2 (1..2), 2 passed, 0 failed")
                .contains("heights committed: ")
                .contains("faults injected: ")
                .contains("reactions: ")
                .contains("violations: none");
    }

    @Test
    void aViolationPrintsItsReplayCommandAndExitsWithOne() {
        CliRun run = CliRun.of("sim", "--nodes", "4", "--seeds", "3", "--faults", "none", "--inject-bug", "vote-twice");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("S5 no double-sign")
                .contains("replay: ./banyan sim --nodes 4 --seeds 3..3 --byzantine 0 --faults none --inject-bug vote-twice")
                .contains("1 failed");
    }

    @Test
    void impossibleOptionsAreUsageErrors() {
        assertThat(CliRun.of("sim", "--nodes", "4", "--seeds", "1..2", "--byzantine", "2").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("sim", "--seeds", "5..1").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("sim", "--seeds", "1", "--faults", "chaos").err()).contains("unknown fault profile");
        assertThat(CliRun.of("sim", "--seeds", "1", "--signatures", "maybe").exitCode()).isEqualTo(2);
    }
}
