package org.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicKeyCacheTest {

    @Test
    void returnsTheSameKeyAndStaysWithinItsCap() {
        final PublicKeyCache cache = new PublicKeyCache(3);
        final String first = TestChain.key(1).publicKey().encoded();
        assertThat(cache.parse(first)).isSameAs(cache.parse(first));
        assertThat(cache.parse(first).address()).isEqualTo(TestChain.address(TestChain.key(1)));
        for (int index = 2; index < 10; index++) {
            assertThat(cache.parse(TestChain.key(index).publicKey().encoded()).publicKey()).isEqualTo(TestChain.key(index).publicKey());
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void invalidKeysAreRefusedAndNotCached() {
        final PublicKeyCache cache = new PublicKeyCache(3);
        assertThatThrownBy(() -> cache.parse("b06566ff")).isInstanceOf(IllegalArgumentException.class);
        assertThat(cache.size()).isZero();
    }
}
