package org.banyan.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The scheduler's ordering, the network's GST promise and partitions, and clocks under drift. */
class KernelTest {

    @Test
    void eventsRunInTimeOrderAndTiesInSchedulingOrder() {
        final Scheduler scheduler = new Scheduler(1_000);
        final List<String> ran = new ArrayList<>();
        scheduler.after(50, 0, Scheduler.Kind.TIMER, () -> ran.add("late"));
        scheduler.after(10, 0, Scheduler.Kind.TIMER, () -> ran.add("first tie"));
        scheduler.after(10, 0, Scheduler.Kind.TIMER, () -> ran.add("second tie"));

        while (!scheduler.isEmpty()) {
            scheduler.next().action().run();
        }

        assertThat(ran).containsExactly("first tie", "second tie", "late");
        assertThat(scheduler.nowMicros()).isEqualTo(1_050);
        assertThatThrownBy(() -> scheduler.after(-1, 0, Scheduler.Kind.TIMER, () -> { }))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void afterGstNothingIsLostAndEverythingArrivesWithinDelta() {
        final Scheduler scheduler = new Scheduler(0);
        final List<Long> arrivals = new ArrayList<>();
        final Network network = new Network(scheduler, new SplittableRandom(3), true, new FaultCounts(), 2,
                (to, from, envelope) -> arrivals.add(scheduler.nowMicros()));
        network.partition(Set.of(0));
        network.storm(true);
        network.gst();

        for (int message = 0; message < 1_000; message++) {
            network.send(0, 1, new Envelope.Status(1));
        }
        while (!scheduler.isEmpty()) {
            scheduler.next().action().run();
        }

        assertThat(arrivals).hasSize(1_000).allSatisfy(time -> assertThat(time).isLessThan(Network.DELTA_MICROS));
    }

    @Test
    void beforeGstAPartitionCutsAcrossAndFaultsDropAndDuplicate() {
        final Scheduler scheduler = new Scheduler(0);
        final FaultCounts counts = new FaultCounts();
        final Set<Integer> receivers = new HashSet<>();
        final Network network = new Network(scheduler, new SplittableRandom(5), true, counts, 3,
                (to, from, envelope) -> receivers.add(to));
        network.partition(Set.of(2));

        for (int message = 0; message < 1_000; message++) {
            network.broadcast(0, new Envelope.Status(1));
        }
        while (!scheduler.isEmpty()) {
            scheduler.next().action().run();
        }

        assertThat(receivers).containsExactly(1);
        assertThat(counts.get("messages cut by partition")).isEqualTo(1_000);
        assertThat(counts.get("messages dropped")).isPositive();
        assertThat(counts.get("messages duplicated")).isPositive();
    }

    @Test
    void aDriftingClockStretchesTimersAndAnOffsetShiftsReadings() {
        final NodeClock fast = new NodeClock(500, 100_000);

        assertThat(fast.localMicros(2_000_000, 1_000_000)).isEqualTo(2_000_000 + 500 + 100_000);
        assertThat(fast.globalDurationMicros(1_100_000)).isEqualTo(1_000_000);
        assertThat(NodeClock.EXACT.globalDurationMicros(123)).isEqualTo(123);
    }
}
