package org.banyan.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void defaultFrameHoldsAMaximalBlockWithItsEnvelope() {
        assertThat(Limits.DEFAULT_MAX_FRAME_BYTES).isGreaterThan(Limits.BLOCK_MAX_BYTES);
        assertThat(Limits.DEFAULT_MAX_FRAME_BYTES).isBetween(Limits.MIN_MAX_FRAME_BYTES, Limits.MAX_MAX_FRAME_BYTES);
    }

    @Test
    void defaultOutboundQueueHoldsSeveralMaximalFrames() {
        assertThat((long) Limits.DEFAULT_OUTBOUND_QUEUE_MAX_BYTES)
                .isGreaterThanOrEqualTo(2L * (Limits.DEFAULT_MAX_FRAME_BYTES + Limits.FRAME_LENGTH_PREFIX_BYTES));
        assertThat(Limits.DEFAULT_OUTBOUND_QUEUE_MAX_MESSAGES).isPositive();
    }

    @Test
    void timeoutsAndDelaysAreOrdered() {
        assertThat(Limits.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS).isLessThan(Limits.DEFAULT_IDLE_TIMEOUT_MILLIS);
        assertThat(Limits.DEFAULT_IDLE_TIMEOUT_MILLIS / Limits.KEEPALIVES_PER_IDLE_TIMEOUT).isPositive();
        assertThat(Limits.DEFAULT_RECONNECT_INITIAL_DELAY_MILLIS)
                .isLessThan(Limits.DEFAULT_RECONNECT_MAX_DELAY_MILLIS);
    }

    @Test
    void everyDialTargetCanHoldALinkWithRoomForInboundPeers() {
        assertThat(Limits.MAX_DIAL_TARGETS).isLessThan(Limits.DEFAULT_MAX_CONNECTIONS);
    }

    @Test
    void gossipCapsAreUsable() {
        assertThat(Limits.DEFAULT_SEEN_TRANSACTIONS).isGreaterThan(Limits.DEFAULT_PENDING_VERIFICATIONS);
    }
}
