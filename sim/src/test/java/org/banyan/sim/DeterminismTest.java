package org.banyan.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One seed, one run: the trace hash, the heights and the fault counts repeat exactly. */
class DeterminismTest {

    @Test
    void theSameSeedGivesTheSameTraceHash() {
        final SimulationOptions options = SimulationOptions.of(4, 1, FaultProfile.ALL);

        final SimulationResult first = Simulation.run(42, options);
        final SimulationResult second = Simulation.run(42, options);

        assertThat(second.traceHash()).isEqualTo(first.traceHash());
        assertThat(second.events()).isEqualTo(first.events());
        assertThat(second.minHeight()).isEqualTo(first.minHeight());
        assertThat(second.faults().injected()).isEqualTo(first.faults().injected());
        assertThat(second.faults().reactions()).isEqualTo(first.faults().reactions());
        assertThat(first.faults().get("messages dropped")).as("the run did inject faults").isPositive();
    }

    @Test
    void theSpamFloodReplaysExactly() {
        final SimulationOptions options = SimulationOptions.of(4, 1, FaultProfile.SPAM);

        final SimulationResult first = Simulation.run(5, options);
        final SimulationResult second = Simulation.run(5, options);

        assertThat(second.traceHash()).isEqualTo(first.traceHash());
        assertThat(first.faults().get("junk transactions flooded")).isEqualTo(JunkTransactions.COUNT);
    }

    @Test
    void anotherSeedGivesAnotherTrace() {
        final SimulationOptions options = SimulationOptions.of(4, 1, FaultProfile.NETWORK);

        assertThat(Simulation.run(1, options).traceHash()).isNotEqualTo(Simulation.run(2, options).traceHash());
    }

    @Test
    void realSignaturesGiveTheSameOutcomeAsTheFastMode() {
        final SimulationOptions fast = SimulationOptions.of(4, 1, FaultProfile.CRASH);

        final SimulationResult real = Simulation.run(7, fast.withSignatures(SignatureMode.REAL));
        final SimulationResult quick = Simulation.run(7, fast);

        assertThat(real.passed()).as(real::toString).isTrue();
        assertThat(real.traceHash()).as("verification mode must not change what happens").isEqualTo(quick.traceHash());
    }

    @Test
    void aResultNamesTheCommandThatReplaysIt() {
        final SimulationResult result = Simulation.run(17, SimulationOptions.of(4, 1, FaultProfile.ALL));

        assertThat(result.replayCommand()).isEqualTo("./banyan sim --nodes 4 --seeds 17..17 --byzantine 1 --faults all");
        assertThat(result.toString()).startsWith("seed 17: ");
    }
}
