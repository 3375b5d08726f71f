package org.banyan.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Base58Test {

    /** Bitcoin vectors carried over to the BIF alphabet, which only swaps B/b and U/u. */
    private static String toBifAlphabet(final String bitcoinBase58) {
        final StringBuilder bif = new StringBuilder();
        for (final char character : bitcoinBase58.toCharArray()) {
            bif.append(Base58.ALPHABET.charAt(Base58.BITCOIN_ALPHABET.indexOf(character)));
        }
        return bif.toString();
    }

    @Test
    void alphabetIsBitcoinsWithBAndUSwapped() {
        assertThat(Base58.ALPHABET).isEqualTo("123456789AbCDEFGHJKLMNPQRSTuVWXYZaBcdefghijkmnopqrstUvwxyz");
        assertThat(toBifAlphabet("BbUu")).isEqualTo("bBuU");
    }

    @Test
    void encodesBitcoinVectorsInTheBifAlphabet() {
        assertThat(Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(toBifAlphabet("2NEpo7TZRRrLZSi2U"));
        assertThat(Base58.encode("The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(toBifAlphabet("USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z"));
        assertThat(Base58.encode(Hex.decode("0000287fb4cd"))).isEqualTo(toBifAlphabet("11233QC4"));
    }

    @Test
    void mapsLeadingZeroBytesToLeadingOnes() {
        assertThat(Base58.encode(new byte[0])).isEmpty();
        assertThat(Base58.encode(new byte[] {0})).isEqualTo("1");
        assertThat(Base58.encode(new byte[] {0, 0, 57})).isEqualTo("11z");
        assertThat(Base58.encode(new byte[] {58})).isEqualTo("21");
        assertThat(Base58.decode("111")).containsExactly(0, 0, 0);
        assertThat(Base58.decode("")).isEmpty();
    }

    @Test
    void decodingInvertsEncoding() {
        qt().forAll(Generators.bytes(0, 80))
                .checkAssert(bytes -> assertThat(Base58.decode(Base58.encode(bytes))).isEqualTo(bytes));
    }

    @Test
    void encodingInvertsDecodingSoEachValueHasOneSpelling() {
        qt().forAll(Generators.bytes(0, 40).map(Base58::encode))
                .checkAssert(text -> assertThat(Base58.encode(Base58.decode(text))).isEqualTo(text));
    }

    @Test
    void rejectsCharactersOutsideTheBifAlphabet() {
        for (final String bad : new String[] {"0", "O", "I", "l", "+", "/", " ", "é", "abc-def"}) {
            assertThatThrownBy(() -> Base58.decode(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid Base58 character");
        }
        assertThatThrownBy(() -> Base58.decode("2NEp0"))
                .hasMessageContaining("'0' at index 4");
    }

    @Test
    void base58btcEncodesBitcoinsPublishedExamples() {
        assertThat(Base58.BITCOIN.encodeBytes("Hello World!".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("2NEpo7TZRRrLZSi2U");
        assertThat(Base58.BITCOIN.encodeBytes(new byte[] {0, 0, 0x28, 0x7f, (byte) 0xb4, (byte) 0xcd}))
                .isEqualTo("11233QC4");
        assertThat(Base58.BITCOIN.encodeBytes(new byte[0])).isEmpty();
        final byte[] bytes = {0x3b, 0x6a, 0x27, (byte) 0xbc, (byte) 0xce, (byte) 0xb6};
        assertThat(Base58.BITCOIN.encodeBytes(bytes)).isNotEqualTo(Base58.encode(bytes));
    }

    @Test
    void base58btcRoundTripsAndRejectsCharactersOutsideItsAlphabet() {
        final byte[] bytes = {0, 0, 1, 2, (byte) 0xff};
        assertThat(Base58.BITCOIN.decodeText(Base58.BITCOIN.encodeBytes(bytes))).isEqualTo(bytes);
        assertThatThrownBy(() -> Base58.BITCOIN.decodeText("2NEpo0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'0' at index 5").hasMessageContaining("base58btc");
        assertThatThrownBy(() -> Base58.BITCOIN.decodeText("lI")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base58.BITCOIN.decodeText("é")).isInstanceOf(IllegalArgumentException.class);
    }
}
