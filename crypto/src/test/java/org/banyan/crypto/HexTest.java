package org.banyan.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void encodesLowerCase() {
        assertThat(Hex.encode(new byte[] {0x00, 0x0f, (byte) 0xab, (byte) 0xff})).isEqualTo("000fabff");
        assertThat(Hex.encode(new byte[0])).isEmpty();
    }

    @Test
    void decodesEitherCase() {
        assertThat(Hex.decode("ABcdEF09")).containsExactly(0xab, 0xcd, 0xef, 0x09);
    }

    @Test
    void roundTripsInBothCases() {
        qt().forAll(Generators.bytes(0, 64)).checkAssert(bytes -> {
            assertThat(Hex.decode(Hex.encode(bytes))).isEqualTo(bytes);
            assertThat(Hex.decode(Hex.encode(bytes).toUpperCase(Locale.ROOT))).isEqualTo(bytes);
        });
    }

    @Test
    void rejectsOddLength() {
        assertThatThrownBy(() -> Hex.decode("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even length");
    }

    @Test
    void rejectsNonHexCharacters() {
        for (final String bad : new String[] {"0g", "zz", "0x", " 1", "\u0660\u0661"}) {
            assertThatThrownBy(() -> Hex.decode(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid hex character");
        }
    }
}
