package org.banyan.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MultibaseTest {

    @Test
    void multibaseAcceptsTheLengthCapAndRejectsOneMore() {
        final String atCap = "z" + "2".repeat(Limits.MAX_MULTIBASE_LENGTH_CHARS - 1);

        assertThat(Multibase.decodeBase58Btc(atCap)).isNotEmpty();
        assertThatThrownBy(() -> Multibase.decodeBase58Btc(atCap + "2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 128 characters");
    }

    @Test
    void multibaseRequiresTheBase58BtcPrefix() {
        assertThat(Multibase.encodeBase58Btc(new byte[] {1, 2, 3})).startsWith("z");
        assertThatThrownBy(() -> Multibase.decodeBase58Btc("uAQID")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with 'z'");
        assertThatThrownBy(() -> Multibase.decodeBase58Btc("")).isInstanceOf(IllegalArgumentException.class);
    }
}
