package org.banyan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkPlanTest {

    @Test
    void nodesTakeTwoConsecutivePortsEachValidatorsFirst() {
        NetworkPlan plan = new NetworkPlan(4, 1, 19_400, 1);

        assertThat(plan.nodeCount()).isEqualTo(5);
        assertThat(plan.httpPort(0)).isEqualTo(19_400);
        assertThat(plan.p2pPort(0)).isEqualTo(19_401);
        assertThat(plan.httpPort(3)).isEqualTo(19_406);
        assertThat(plan.p2pPort(4)).isEqualTo(19_409);
        assertThat(plan.isValidator(3)).isTrue();
        assertThat(plan.isValidator(4)).isFalse();
        assertThatThrownBy(() -> plan.httpPort(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> plan.isValidator(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void everyPortOfAValidPlanIsDistinctAndInRange() {
        qt().forAll(integers().between(1, NetworkPlan.MAX_VALIDATORS), integers().between(0, 1),
                integers().between(1, 60_000))
            .assuming((validators, observers, basePort) ->
                basePort + NetworkPlan.PORTS_PER_NODE * (validators + observers) - 1 <= NetworkPlan.MAX_PORT)
            .checkAssert((validators, observers, basePort) -> {
                NetworkPlan plan = new NetworkPlan(validators, observers, basePort, 1);
                Set<Integer> ports = new HashSet<>();
                for (int index = 0; index < plan.nodeCount(); index++) {
                    ports.add(plan.httpPort(index));
                    ports.add(plan.p2pPort(index));
                }
                assertThat(ports).hasSize(2 * plan.nodeCount()).allMatch(port -> port >= 1 && port <= 65_535);
            });
    }

    @Test
    void validatorsAreCappedAtTheLedgersValidatorSetCap() {
        assertThat(new NetworkPlan(NetworkPlan.MAX_VALIDATORS, 0, 1_000, 1).validators()).isEqualTo(256);
        assertThatThrownBy(() -> new NetworkPlan(NetworkPlan.MAX_VALIDATORS + 1, 0, 1_000, 1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("--validators must be from 1 to 256 but is 257");
        assertThatThrownBy(() -> new NetworkPlan(0, 0, 1_000, 1))
            .hasMessage("--validators must be from 1 to 256 but is 0");
    }

    @Test
    void nodesAreCappedAtWhatOneNodeCanDial() {
        int observersAtCap = NetworkPlan.MAX_NODES - NetworkPlan.MAX_VALIDATORS;
        assertThat(new NetworkPlan(NetworkPlan.MAX_VALIDATORS, observersAtCap, 1_000, 1).nodeCount())
            .isEqualTo(NetworkPlan.MAX_NODES);
        assertThatThrownBy(() -> new NetworkPlan(NetworkPlan.MAX_VALIDATORS, observersAtCap + 1, 1_000, 1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at most 257 nodes");
        assertThatThrownBy(() -> new NetworkPlan(4, -1, 1_000, 1)).hasMessageContaining("--observers");
    }

    @Test
    void theLastPortMayBe65535ButNoHigher() {
        assertThat(new NetworkPlan(4, 0, 65_536 - 8, 1).p2pPort(3)).isEqualTo(65_535);
        assertThatThrownBy(() -> new NetworkPlan(4, 0, 65_536 - 7, 1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("--base-port 65529 leaves no room for 4 nodes");
        assertThatThrownBy(() -> new NetworkPlan(4, 0, 0, 1)).hasMessageContaining("--base-port 0");
    }

    @Test
    void aNegativeChainIdIsRefused() {
        assertThatThrownBy(() -> new NetworkPlan(4, 0, 1_000, -1)).hasMessageContaining("--chain-id");
    }
}
