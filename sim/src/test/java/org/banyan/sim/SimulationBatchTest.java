package org.banyan.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CI batch: a few hundred short seeds across every fault profile, each checked for every invariant as events
 * happen and at the end, and for liveness after GST. A failure names each failing seed with its replay command. Longer
 * soak runs are opt-in, with {@code banyan sim --seeds A..B} over as many seeds as wanted.
 */
class SimulationBatchTest {

    /** Seeds per profile with four validators, one of them Byzantine. */
    private static final int SEEDS_PER_PROFILE = 40;

    @ParameterizedTest
    @EnumSource(FaultProfile.class)
    void fourValidatorsWithOneByzantineKeepEveryInvariant(final FaultProfile profile) {
        assertAllPass(new SeedRange(1, SEEDS_PER_PROFILE), SimulationOptions.of(4, 1, profile));
    }

    @ParameterizedTest
    @CsvSource({"7, 2, all, 8", "5, 1, network, 6", "3, 0, crash, 6", "1, 0, clock, 4"})
    void otherSizesKeepEveryInvariant(final int validators, final int byzantine, final String profile,
                                      final int seeds) {
        assertAllPass(new SeedRange(1000, 1000 + seeds - 1),
                SimulationOptions.of(validators, byzantine, FaultProfile.parse(profile)));
    }

    static void assertAllPass(final SeedRange seeds, final SimulationOptions options) {
        final List<SimulationResult> results = new ArrayList<>();
        final SimulationBatch.Summary summary = SimulationBatch.run(seeds, options, results::add);

        assertThat(results).hasSize((int) seeds.size());
        assertThat(summary.failures()).as(() -> summary.failures().stream()
                .map(failure -> failure + "\n    replay: " + failure.replayCommand())
                .collect(Collectors.joining("\n", "failing seeds:\n", ""))).isEmpty();
        assertThat(summary.minHeight()).as("every correct node commits the liveness heights at least")
                .isGreaterThanOrEqualTo(options.livenessHeights());
        assertExercised(summary.faults(), options);
    }

    /** The rare situations the liveness and spam checks judge did arise in the batch, so the checks did judge. */
    private static void assertExercised(final FaultCounts counts, final SimulationOptions options) {
        assertThat(counts.get("includable transactions committed after GST")).as("L4 judged inclusions").isPositive();
        if (options.byzantine() > 0) {
            assertThat(counts.get("heights decided after GST past a faulty proposer"))
                    .as("L3 saw heights with a faulty proposer's round").isPositive();
        }
        if (options.faults().validatorChanges()) {
            assertThat(counts.get("validator-set changes crossed after GST")).as("L5 saw changes").isPositive();
        }
        if (options.faults().spam()) {
            assertThat(counts.get("transactions refused: unknown source")).as("the junk flood was refused")
                    .isGreaterThanOrEqualTo(counts.get("junk transactions flooded")).isPositive();
            assertThat(counts.get("evidence detected")).as("conflicting spam became evidence").isPositive();
        }
    }
}
