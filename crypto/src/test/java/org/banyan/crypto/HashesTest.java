package org.banyan.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashesTest {

    private static byte[] ascii(final String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void sha256MatchesFips180Vectors() {
        assertThat(Hex.encode(Hashes.sha256(ascii("abc"))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Hex.encode(Hashes.sha256(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void sm3MatchesGbT32905Vectors() {
        assertThat(Hex.encode(Hashes.sm3(ascii("abc"))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(Hex.encode(Hashes.sm3(ascii("abcd".repeat(16)))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void twoPartSha256HashesTheConcatenation() {
        qt().forAll(Generators.bytes(0, 100), Generators.bytes(0, 100)).checkAssert((first, second) -> {
            final byte[] joined = new byte[first.length + second.length];
            System.arraycopy(first, 0, joined, 0, first.length);
            System.arraycopy(second, 0, joined, first.length, second.length);
            assertThat(Hashes.sha256(first, second)).isEqualTo(Hashes.sha256(joined));
        });
    }

    @Test
    void digestsAreIndependentAcrossCalls() {
        final byte[] first = Hashes.sha256(ascii("abc"));
        Hashes.sha256(ascii("something else"));
        assertThat(Hashes.sha256(ascii("abc"))).isEqualTo(first).hasSize(Hashes.DIGEST_LENGTH_BYTES);
        assertThat(Hashes.sm3(ascii("abc"))).hasSize(Hashes.DIGEST_LENGTH_BYTES);
    }
}
