package org.banyan.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

class AcceptedMessagesTest {

    @Test
    void remembersUpToItsCapacityAndForgetsTheOldestFirst() {
        final AcceptedMessages accepted = new AcceptedMessages();
        for (int index = 0; index < AcceptedMessages.MAX_REMEMBERED; index++) {
            accepted.add(1, signature(index));
        }
        assertThat(accepted.size()).isEqualTo(AcceptedMessages.MAX_REMEMBERED);
        assertThat(accepted.contains(1, signature(0))).isTrue();
        accepted.add(1, signature(AcceptedMessages.MAX_REMEMBERED));
        assertThat(accepted.size()).isEqualTo(AcceptedMessages.MAX_REMEMBERED);
        assertThat(accepted.contains(1, signature(0))).isFalse();
        assertThat(accepted.contains(1, signature(1))).isTrue();
        assertThat(accepted.contains(1, signature(AcceptedMessages.MAX_REMEMBERED))).isTrue();
    }

    @Test
    void movingToAnotherHeightOrRoundForgetsEverything() {
        final AcceptedMessages accepted = new AcceptedMessages();
        accepted.add(1, signature(7));
        assertThat(accepted.contains(1, signature(7))).isTrue();
        assertThat(accepted.contains(2, signature(7))).isFalse();
        assertThat(accepted.size()).isZero();
    }

    private static ByteString signature(final int index) {
        return ByteString.copyFromUtf8("signature-" + index);
    }
}
