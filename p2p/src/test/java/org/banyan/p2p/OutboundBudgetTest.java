package org.banyan.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutboundBudgetTest {

    @Test
    void messageCapAdmitsExactlyTheCap() {
        final OutboundBudget budget = new OutboundBudget(3, 1_000);
        assertThat(budget.tryReserve(10)).isTrue();
        assertThat(budget.tryReserve(10)).isTrue();
        assertThat(budget.tryReserve(10)).isTrue();
        assertThat(budget.tryReserve(10)).isFalse();
        budget.release(10);
        assertThat(budget.tryReserve(10)).isTrue();
        assertThat(budget.tryReserve(10)).isFalse();
    }

    @Test
    void byteCapAdmitsExactlyTheCap() {
        final OutboundBudget budget = new OutboundBudget(100, 1_000);
        assertThat(budget.tryReserve(600)).isTrue();
        assertThat(budget.tryReserve(401)).isFalse();
        assertThat(budget.tryReserve(400)).isTrue();
        assertThat(budget.tryReserve(1)).isFalse();
        budget.release(600);
        budget.release(400);
        assertThat(budget.tryReserve(1_000)).as("all room is back").isTrue();
    }

    @Test
    void releasingWhatWasNotReservedIsABug() {
        final OutboundBudget budget = new OutboundBudget(1, 100);
        assertThatThrownBy(() -> budget.release(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new OutboundBudget(0, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
