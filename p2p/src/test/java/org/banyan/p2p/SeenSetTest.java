package org.banyan.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

class SeenSetTest {

    private static ByteString hash(final int value) {
        return ByteString.copyFrom(new byte[] {(byte) value});
    }

    @Test
    void atCapacityTheOldestIsForgotten() {
        final SeenSet seen = new SeenSet(3);
        assertThat(seen.add(hash(1))).isTrue();
        assertThat(seen.add(hash(2))).isTrue();
        assertThat(seen.add(hash(3))).isTrue();
        assertThat(seen.add(hash(1))).isFalse();
        assertThat(seen.add(hash(4))).isTrue();
        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.add(hash(2))).isFalse();
        assertThat(seen.add(hash(1))).as("the eldest, 1, was evicted by 4").isTrue();
    }

    @Test
    void removedHashCountsAsNewAgain() {
        final SeenSet seen = new SeenSet(2);
        seen.add(hash(1));
        seen.remove(hash(1));
        assertThat(seen.size()).isZero();
        assertThat(seen.add(hash(1))).isTrue();
    }
}
