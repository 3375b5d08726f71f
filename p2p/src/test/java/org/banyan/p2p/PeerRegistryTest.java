package org.banyan.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.banyan.protocol.p2p.Hello;
import org.junit.jupiter.api.Test;

class PeerRegistryTest {

    private static final String LOW = smaller(TestKeys.address(1), TestKeys.address(2));
    private static final String HIGH = LOW.equals(TestKeys.address(1)) ? TestKeys.address(2) : TestKeys.address(1);

    private static String smaller(final String first, final String second) {
        return first.compareTo(second) < 0 ? first : second;
    }

    private static PeerLink link(final Channel channel, final String peer, final LinkDirection direction) {
        return new PeerLink(channel, peer, Hello.getDefaultInstance(), direction, new OutboundBudget(1, 1),
                new Counters());
    }

    /** One TCP connection seen from both ends: outbound at the dialler, inbound at the other. */
    private record Connection(Channel channel, String dialler, String acceptor) {
        PeerLink seenBy(final String node) {
            return node.equals(dialler)
                    ? link(channel, acceptor, LinkDirection.OUTBOUND)
                    : link(channel, dialler, LinkDirection.INBOUND);
        }
    }

    private static Channel survivor(final String node, final Connection first, final Connection second) {
        final PeerRegistry registry = new PeerRegistry(node);
        registry.register(first.seenBy(node));
        registry.register(second.seenBy(node));
        final List<PeerLink> links = registry.all();
        assertThat(links).hasSize(1);
        return links.get(0).channel();
    }

    @Test
    void simultaneousDialsKeepTheLinkOfTheSmallerAddressAtBothEndsInAnyOrder() {
        final Connection fromLow = new Connection(new EmbeddedChannel(), LOW, HIGH);
        final Connection fromHigh = new Connection(new EmbeddedChannel(), HIGH, LOW);
        assertThat(survivor(LOW, fromLow, fromHigh)).isSameAs(fromLow.channel());
        assertThat(survivor(LOW, fromHigh, fromLow)).isSameAs(fromLow.channel());
        assertThat(survivor(HIGH, fromLow, fromHigh)).isSameAs(fromLow.channel());
        assertThat(survivor(HIGH, fromHigh, fromLow)).isSameAs(fromLow.channel());
    }

    @Test
    void secondLinkFromTheSameDiallerReplacesTheFirst() {
        final PeerRegistry registry = new PeerRegistry(LOW);
        final PeerLink older = link(new EmbeddedChannel(), HIGH, LinkDirection.INBOUND);
        final PeerLink newer = link(new EmbeddedChannel(), HIGH, LinkDirection.INBOUND);
        assertThat(registry.register(older)).isEqualTo(new PeerRegistry.Registration(true, java.util.Optional.empty()));
        final PeerRegistry.Registration registration = registry.register(newer);
        assertThat(registration.accepted()).isTrue();
        assertThat(registration.loser()).containsSame(older);
        assertThat(registry.get(HIGH)).containsSame(newer);
    }

    @Test
    void losingCandidateIsReportedAsTheLoser() {
        final PeerRegistry registry = new PeerRegistry(LOW);
        final PeerLink preferred = link(new EmbeddedChannel(), HIGH, LinkDirection.OUTBOUND);
        final PeerLink other = link(new EmbeddedChannel(), HIGH, LinkDirection.INBOUND);
        registry.register(preferred);
        final PeerRegistry.Registration registration = registry.register(other);
        assertThat(registration.accepted()).isFalse();
        assertThat(registration.loser()).containsSame(other);
    }

    @Test
    void deadLinkIsAlwaysReplaced() {
        final PeerRegistry registry = new PeerRegistry(LOW);
        final EmbeddedChannel closed = new EmbeddedChannel();
        final PeerLink preferred = link(closed, HIGH, LinkDirection.OUTBOUND);
        registry.register(preferred);
        closed.close();
        final PeerLink other = link(new EmbeddedChannel(), HIGH, LinkDirection.INBOUND);
        assertThat(registry.register(other).accepted()).isTrue();
    }

    @Test
    void removingAReplacedLinkLeavesTheNewOne() {
        final PeerRegistry registry = new PeerRegistry(LOW);
        final PeerLink older = link(new EmbeddedChannel(), HIGH, LinkDirection.OUTBOUND);
        final PeerLink newer = link(new EmbeddedChannel(), HIGH, LinkDirection.OUTBOUND);
        registry.register(older);
        registry.register(newer);
        assertThat(registry.remove(older)).isFalse();
        assertThat(registry.isConnected(HIGH)).isTrue();
        assertThat(registry.remove(newer)).isTrue();
        assertThat(registry.isConnected(HIGH)).isFalse();
    }
}
