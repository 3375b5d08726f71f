package org.banyan.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class PrivateKeyTest {

    @Test
    void derivesPublishedKeyAndAddressFromRfc004Vector() {
        final PrivateKey key = PrivateKey.parse("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");
        assertThat(key.type()).isEqualTo(KeyType.ED25519);
        assertThat(key.publicKey().encoded())
                .isEqualTo("b06566f76733ae048fda721d47afe8780b572636496c93253db86dc8d5427fc54e9a06");
        assertThat(key.publicKey().address()).hasToString("did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx");
    }

    @Test
    void derivesPublishedAddressFromQuickStartVector() {
        assertThat(PrivateKey.parse("priSPKiwJR7PwjN3bGPRvXRoC6Dny1H5H3kASHgTEugjtUDknW").publicKey().address())
                .hasToString("did:bid:efzE8AcDgWUeNbgujA5hK3oUeuG9k19b");
    }

    @Test
    void derivesSm2KeyAndAddressFromSdkVector() {
        final PrivateKey key = PrivateKey.parse("priSrrn11eaTMRNwtNPv57DnnoaEKVbQAmPAaXsuBMBKLLGqui");
        assertThat(key.type()).isEqualTo(KeyType.SM2);
        assertThat(key.publicKey().encoded())
                .isEqualTo("b07a6604d964f18cc1ac9bc73189c46a80934f3e94cc011af1907ede771f61b2"
                        + "c0ae0e55e23e05a2fd00b341afd2eb0927d7588189fdace4b1327e6bb22bc232a772d723");
        assertThat(key.publicKey().address()).hasToString("did:bid:zfFqez6uWDXzdmfqgmPPy2YYRnFDGtZh");
    }

    @Test
    void encodingRoundTrips() {
        qt().withExamples(50).forAll(Generators.privateKeys()).checkAssert(key -> {
            final String encoded = key.encoded();
            assertThat(encoded).startsWith("pri").hasSize(PrivateKey.MAX_ENCODED_LENGTH_CHARS);
            final PrivateKey parsed = PrivateKey.parse(encoded);
            assertThat(parsed).isEqualTo(key).hasSameHashCodeAs(key);
            assertThat(parsed.publicKey()).isEqualTo(key.publicKey());
            assertThat(PrivateKey.fromRaw(key.type(), key.raw())).isEqualTo(key);
        });
    }

    @Test
    void generationUsesOnlyTheCallersRandomness() {
        final byte[] seed = {1, 2, 3};
        for (final KeyType type : KeyType.values()) {
            final PrivateKey first = PrivateKey.generate(type, Generators.seededRandom(seed));
            final PrivateKey second = PrivateKey.generate(type, Generators.seededRandom(seed));
            assertThat(first).isEqualTo(second);
            assertThat(first.type()).isEqualTo(type);
            assertThat(PrivateKey.generate(type, Generators.seededRandom(new byte[] {4}))).isNotEqualTo(first);
        }
    }

    @Test
    void toStringRevealsNoKeyMaterial() {
        final PrivateKey key = PrivateKey.parse("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");
        assertThat(key.toString())
                .contains("did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx")
                .doesNotContain(key.encoded())
                .doesNotContain(Hex.encode(key.raw()))
                .doesNotContain(Base58.encode(key.raw()));
    }

    @Test
    void rawReturnsACopy() {
        final PrivateKey key = PrivateKey.parse("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");
        key.raw()[0] ^= 1;
        assertThat(key.encoded()).isEqualTo("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");
    }

    @Test
    void keysOfDifferentTypeWithTheSameBytesDiffer() {
        final byte[] raw = new byte[32];
        raw[31] = 7;
        assertThat(PrivateKey.fromRaw(KeyType.ED25519, raw)).isNotEqualTo(PrivateKey.fromRaw(KeyType.SM2, raw));
    }

    @Test
    void acceptsEncodingAtTheLengthCapAndRejectsLonger() {
        final String atCap = "priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM";
        assertThat(atCap).hasSize(PrivateKey.MAX_ENCODED_LENGTH_CHARS);
        assertThat(PrivateKey.parse(atCap).encoded()).isEqualTo(atCap);
        assertThatThrownBy(() -> PrivateKey.parse(atCap + "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + PrivateKey.MAX_ENCODED_LENGTH_CHARS + " characters");
    }

    @Test
    void rejectsWrongVersionBytes() {
        final byte[] bytes = Base58.decode("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");
        bytes[1] = (byte) 0x93;
        assertThatThrownBy(() -> PrivateKey.parse(Base58.encode(bytes)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pri' version bytes");
    }

    @Test
    void rejectsUnknownTypeAndMarker() {
        final byte[] unknownType = Base58.decode("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");
        unknownType[3] = 's';
        assertThatThrownBy(() -> PrivateKey.parse(Base58.encode(unknownType)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown private key type 0x73");
        final byte[] wrongMarker = Base58.decode("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");
        wrongMarker[4] = 's';
        assertThatThrownBy(() -> PrivateKey.parse(Base58.encode(wrongMarker)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'f' (0x66) after the type character");
    }

    @Test
    void rejectsWrongDecodedLength() {
        final byte[] bytes = Base58.decode("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");
        assertThatThrownBy(() -> PrivateKey.parse(Base58.encode(Arrays.copyOf(bytes, 36))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("37 bytes, got 36");
        assertThatThrownBy(() -> PrivateKey.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void rejectsBadBase58() {
        assertThatThrownBy(() -> PrivateKey.parse("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAej0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid Base58 character '0'");
    }

    @Test
    void rejectsWrongRawLength() {
        assertThatThrownBy(() -> PrivateKey.fromRaw(KeyType.ED25519, new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes, got 31");
    }

    @Test
    void acceptsSm2ScalarsOnlyFromOneToOrderMinusTwo() {
        final BigInteger order = Sm2Keys.DOMAIN.getN();
        assertThat(PrivateKey.fromRaw(KeyType.SM2, BigIntegers.asUnsignedByteArray(32, BigInteger.ONE)).type())
                .isEqualTo(KeyType.SM2);
        assertThat(PrivateKey.fromRaw(KeyType.SM2, BigIntegers.asUnsignedByteArray(32, order.subtract(BigInteger.TWO)))
                .publicKey().type()).isEqualTo(KeyType.SM2);
        for (final BigInteger scalar : new BigInteger[] {BigInteger.ZERO, order.subtract(BigInteger.ONE), order}) {
            assertThatThrownBy(() -> PrivateKey.fromRaw(KeyType.SM2, BigIntegers.asUnsignedByteArray(32, scalar)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[1, n - 2]");
        }
        final byte[] allOnes = new byte[32];
        Arrays.fill(allOnes, (byte) 0xFF);
        assertThat(Sm2Keys.isPrivateScalar(allOnes)).isFalse();
    }
}
