package org.banyan.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.banyan.crypto.Base58;
import org.junit.jupiter.api.Test;

class Base58BtcTest {

    @Test
    void encodesBitcoinsPublishedExamples() {
        assertThat(Base58Btc.encode("Hello World!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("2NEpo7TZRRrLZSi2U");
        assertThat(Base58Btc.encode(new byte[] {0, 0, 0x28, 0x7f, (byte) 0xb4, (byte) 0xcd})).isEqualTo("11233QC4");
        assertThat(Base58Btc.encode(new byte[0])).isEmpty();
    }

    @Test
    void differsFromBifBase58WhereTheAlphabetsSwapLetters() {
        final byte[] bytes = {0x3b, 0x6a, 0x27, (byte) 0xbc, (byte) 0xce, (byte) 0xb6};

        assertThat(Base58Btc.encode(bytes)).isNotEqualTo(Base58.encode(bytes));
    }

    @Test
    void roundTripsAnyBytesIncludingLeadingZeros() {
        qt().forAll(integers().between(0, 80), integers().all()).checkAssert((length, seed) -> {
            final byte[] bytes = new byte[length];
            new SplittableRandom(seed).nextBytes(bytes);
            if (length > 2) {
                bytes[0] = 0;
            }
            assertThat(Base58Btc.decode(Base58Btc.encode(bytes))).isEqualTo(bytes);
        });
    }

    @Test
    void rejectsCharactersOutsideBitcoinsAlphabet() {
        assertThatThrownBy(() -> Base58Btc.decode("2NEpo0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'0' at index 5");
        assertThatThrownBy(() -> Base58Btc.decode("lI")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base58Btc.decode("é")).isInstanceOf(IllegalArgumentException.class);
    }

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
