package org.banyan.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class P2pConfigTest {

    private static final P2pConfig DEFAULTS = P2pConfig.defaults(7);

    @Test
    void defaultsFollowLimits() {
        assertThat(DEFAULTS.chainId()).isEqualTo(7);
        assertThat(DEFAULTS.bindHost()).isEqualTo("127.0.0.1");
        assertThat(DEFAULTS.bindPort()).isZero();
        assertThat(DEFAULTS.maxFrameBytes()).isEqualTo(Limits.DEFAULT_MAX_FRAME_BYTES);
        assertThat(DEFAULTS.minProtocolVersion()).isEqualTo(P2pConfig.PROTOCOL_VERSION);
        assertThat(DEFAULTS.maxProtocolVersion()).isEqualTo(P2pConfig.PROTOCOL_VERSION);
    }

    @Test
    void withersChangeOnlyTheirFields() {
        final P2pConfig changed = DEFAULTS.withBind("0.0.0.0", 30_000).withProtocolVersions(1, 3)
                .withMaxConnections(9).withTimeouts(500, 900).withReconnectDelays(5, 50).withOutboundQueue(4, DEFAULTS.maxFrameBytes() + 4);
        assertThat(changed).isEqualTo(new P2pConfig(7, "0.0.0.0", 30_000, 1, 3, DEFAULTS.software(),
                DEFAULTS.maxFrameBytes(), 4, DEFAULTS.maxFrameBytes() + 4, 9, 500, 900, 5, 50,
                DEFAULTS.eventLoopThreads()));
    }

    @Test
    void smallerFrameCapKeepsTheQueueAndLargerOneGrowsIt() {
        assertThat(DEFAULTS.withMaxFrameBytes(Limits.MIN_MAX_FRAME_BYTES).outboundQueueMaxBytes())
                .isEqualTo(DEFAULTS.outboundQueueMaxBytes());
        final P2pConfig largest = DEFAULTS.withMaxFrameBytes(Limits.MAX_MAX_FRAME_BYTES);
        assertThat(largest.outboundQueueMaxBytes())
                .isEqualTo(Limits.MAX_MAX_FRAME_BYTES + Limits.FRAME_LENGTH_PREFIX_BYTES);
    }

    @Test
    void frameCapIsCheckedAtBothEnds() {
        assertThatThrownBy(() -> DEFAULTS.withMaxFrameBytes(Limits.MIN_MAX_FRAME_BYTES - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFrameBytes must be between");
        assertThatThrownBy(() -> DEFAULTS.withMaxFrameBytes(Limits.MAX_MAX_FRAME_BYTES + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFrameBytes");
    }

    @Test
    void outboundQueueMustHoldOneMaximalFrame() {
        final P2pConfig small = DEFAULTS.withMaxFrameBytes(Limits.MIN_MAX_FRAME_BYTES);
        assertThat(small.withOutboundQueue(1, Limits.MIN_MAX_FRAME_BYTES + 4).outboundQueueMaxBytes())
                .isEqualTo(Limits.MIN_MAX_FRAME_BYTES + 4);
        assertThatThrownBy(() -> small.withOutboundQueue(1, Limits.MIN_MAX_FRAME_BYTES + 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outboundQueueMaxBytes");
        assertThatThrownBy(() -> small.withOutboundQueue(0, Limits.MIN_MAX_FRAME_BYTES + 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outboundQueueMaxMessages");
    }

    @Test
    void invalidValuesAreRefusedWithTheFieldName() {
        assertThatThrownBy(() -> DEFAULTS.withBind("127.0.0.1", 65_536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bindPort");
        assertThatThrownBy(() -> DEFAULTS.withBind(" ", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bindHost");
        assertThatThrownBy(() -> DEFAULTS.withProtocolVersions(3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxProtocolVersion");
        assertThatThrownBy(() -> DEFAULTS.withReconnectDelays(100, 99))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reconnectMaxDelayMillis");
        assertThatThrownBy(() -> DEFAULTS.withTimeouts(0, 1_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("handshakeTimeoutMillis");
        assertThatThrownBy(() -> DEFAULTS.withMaxConnections(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnections");
    }

    @Test
    void softwareStringIsCappedForTheHello() {
        final String atCap = "s".repeat(Limits.MAX_SOFTWARE_CHARS);
        assertThat(withSoftware(atCap).software()).isEqualTo(atCap);
        assertThatThrownBy(() -> withSoftware(atCap + "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("software length");
    }

    private static P2pConfig withSoftware(final String software) {
        return new P2pConfig(7, "127.0.0.1", 0, 1, 1, software, DEFAULTS.maxFrameBytes(),
                DEFAULTS.outboundQueueMaxMessages(), DEFAULTS.outboundQueueMaxBytes(), DEFAULTS.maxConnections(),
                DEFAULTS.handshakeTimeoutMillis(), DEFAULTS.idleTimeoutMillis(), DEFAULTS.reconnectInitialDelayMillis(),
                DEFAULTS.reconnectMaxDelayMillis(), DEFAULTS.eventLoopThreads());
    }
}
