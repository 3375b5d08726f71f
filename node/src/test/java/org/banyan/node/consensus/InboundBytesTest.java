package org.banyan.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InboundBytesTest {

    @Test
    void messagesFitUpToTheCapacityAndTheNextByteDoesNot() {
        final InboundBytes budget = new InboundBytes();
        assertThat(budget.tryReserve(InboundBytes.MAX_PENDING_BYTES - 10)).isTrue();
        assertThat(budget.tryReserve(10)).isTrue();
        assertThat(budget.reservedBytes()).isEqualTo(InboundBytes.MAX_PENDING_BYTES);
        assertThat(budget.tryReserve(1)).isFalse();
        assertThat(budget.reservedBytes()).as("a refused reservation takes nothing")
            .isEqualTo(InboundBytes.MAX_PENDING_BYTES);
        budget.release(10);
        assertThat(budget.tryReserve(1)).isTrue();
    }

    @Test
    void releasingMoreThanWasReservedIsABug() {
        final InboundBytes budget = new InboundBytes(100);
        budget.tryReserve(5);
        assertThatThrownBy(() -> budget.release(6)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new InboundBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> budget.tryReserve(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
