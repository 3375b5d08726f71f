package org.banyan.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DialTargetTest {

    private static final String PEER = TestKeys.address(2);
    private static final String SELF = TestKeys.address(1);

    private static DialTarget target(final Optional<String> expected) {
        return new DialTarget("127.0.0.1", 1, expected, NodeCertificate.of(TestKeys.ed25519(1)), address -> true);
    }

    private static long nextDelay(final DialTarget target) {
        final OptionalLong delay = target.claimRedial(100, 1_000);
        assertThat(delay).isPresent();
        target.redialDue();
        assertThat(target.beginDial(address -> false)).isTrue();
        target.dialEnded(false);
        return delay.getAsLong();
    }

    @Test
    void delayDoublesPerFailedDialUpToTheCap() {
        final DialTarget target = target(Optional.of(PEER));
        assertThat(target.beginDial(address -> false)).isTrue();
        target.dialEnded(false);
        assertThat(nextDelay(target)).isEqualTo(200);
        assertThat(nextDelay(target)).isEqualTo(400);
        assertThat(nextDelay(target)).isEqualTo(800);
        assertThat(nextDelay(target)).isEqualTo(1_000);
        assertThat(nextDelay(target)).isEqualTo(1_000);
    }

    @Test
    void reachingThePeerResetsTheBackoff() {
        final DialTarget target = target(Optional.of(PEER));
        target.beginDial(address -> false);
        target.dialEnded(false);
        nextDelay(target);
        target.beginDial(address -> false);
        target.dialEnded(true);
        assertThat(target.claimRedial(100, 1_000)).hasValue(100);
    }

    @Test
    void onlyOneDialOrRedialIsInFlight() {
        final DialTarget target = target(Optional.of(PEER));
        assertThat(target.beginDial(address -> false)).isTrue();
        assertThat(target.beginDial(address -> false)).isFalse();
        assertThat(target.claimRedial(100, 1_000)).isEmpty();
        target.dialEnded(false);
        assertThat(target.claimRedial(100, 1_000)).isPresent();
        assertThat(target.claimRedial(100, 1_000)).isEmpty();
    }

    @Test
    void connectedNodeIsNotDialledAgain() {
        final DialTarget target = target(Optional.of(PEER));
        assertThat(target.beginDial(PEER::equals)).isFalse();
        assertThat(target.leadsTo(PEER)).isTrue();
    }

    @Test
    void targetWithoutExpectationLearnsWhoAnswered() {
        final DialTarget target = target(Optional.empty());
        assertThat(target.leadsTo(PEER)).isFalse();
        target.identified(PEER, SELF);
        assertThat(target.leadsTo(PEER)).isTrue();
    }

    @Test
    void targetThatIsThisNodeIsAbandoned() {
        final DialTarget target = target(Optional.empty());
        target.beginDial(address -> false);
        target.identified(SELF, SELF);
        target.dialEnded(true);
        assertThat(target.claimRedial(100, 1_000)).isEmpty();
        assertThat(target.beginDial(address -> false)).isFalse();
    }
}
