package org.banyan.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PublicKeyTest {

    /** Public key of {@code priSPKp8oii…} from RFC-004 §6.1.6. */
    private static final String ED25519_ENCODED =
            "b06566f76733ae048fda721d47afe8780b572636496c93253db86dc8d5427fc54e9a06";

    /** SM2 public key of {@code priSrrn11ea…} from the BIF JavaScript SDK tests. */
    private static final String SM2_ENCODED = "b07a6604d964f18cc1ac9bc73189c46a80934f3e94cc011af1907ede771f61b2"
            + "c0ae0e55e23e05a2fd00b341afd2eb0927d7588189fdace4b1327e6bb22bc232a772d723";

    @Test
    void parsesPublishedEd25519Key() {
        final PublicKey key = PublicKey.parse(ED25519_ENCODED);
        assertThat(key.type()).isEqualTo(KeyType.ED25519);
        assertThat(Hex.encode(key.raw())).isEqualTo(ED25519_ENCODED.substring(6));
        assertThat(key.encoded()).isEqualTo(ED25519_ENCODED);
        assertThat(key.address()).hasToString("did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx");
    }

    @Test
    void parsesSm2Key() {
        final PublicKey key = PublicKey.parse(SM2_ENCODED);
        assertThat(key.type()).isEqualTo(KeyType.SM2);
        assertThat(key.raw()).hasSize(65).startsWith((byte) 0x04);
        assertThat(key.address()).hasToString("did:bid:zfFqez6uWDXzdmfqgmPPy2YYRnFDGtZh");
    }

    @Test
    void acceptsUpperCaseHexAndEncodesLowerCase() {
        final PublicKey key = PublicKey.parse(SM2_ENCODED.toUpperCase(Locale.ROOT));
        assertThat(key.encoded()).isEqualTo(SM2_ENCODED);
        assertThat(key).isEqualTo(PublicKey.parse(SM2_ENCODED)).hasSameHashCodeAs(PublicKey.parse(SM2_ENCODED));
    }

    @Test
    void encodingRoundTripsForGeneratedKeys() {
        qt().withExamples(50).forAll(Generators.privateKeys()).checkAssert(privateKey -> {
            final PublicKey key = privateKey.publicKey();
            final PublicKey parsed = PublicKey.parse(key.encoded());
            assertThat(parsed).isEqualTo(key);
            assertThat(parsed.raw()).isEqualTo(key.raw());
            assertThat(PublicKey.fromRaw(key.type(), key.raw())).isEqualTo(key);
            assertThat(parsed.encoded()).startsWith(key.type() == KeyType.ED25519 ? "b06566" : "b07a66");
        });
    }

    @Test
    void addressWithAcCodeKeepsTheTypePrefix() {
        assertThat(PublicKey.parse(ED25519_ENCODED).address("by01"))
                .hasToString("did:bid:by01:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx");
        assertThat(PublicKey.parse(SM2_ENCODED).address("by01"))
                .hasToString("did:bid:by01:zfFqez6uWDXzdmfqgmPPy2YYRnFDGtZh");
        assertThatThrownBy(() -> PublicKey.parse(SM2_ENCODED).address("BY01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case");
    }

    @Test
    void keysDifferByTypeAndBytes() {
        final PublicKey ed25519 = PublicKey.parse(ED25519_ENCODED);
        final PublicKey sm2 = PublicKey.parse(SM2_ENCODED);
        assertThat(ed25519).isNotEqualTo(sm2).isNotEqualTo(ED25519_ENCODED);
        assertThat(ed25519).hasToString(ED25519_ENCODED);
    }

    @Test
    void rawReturnsACopy() {
        final PublicKey key = PublicKey.parse(ED25519_ENCODED);
        key.raw()[0] ^= 1;
        assertThat(key.encoded()).isEqualTo(ED25519_ENCODED);
    }

    @Test
    void rejectsWrongPrefixByte() {
        assertThatThrownBy(() -> PublicKey.parse("a0" + ED25519_ENCODED.substring(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0xb0");
    }

    @Test
    void rejectsUnknownType() {
        assertThatThrownBy(() -> PublicKey.parse("b07366" + ED25519_ENCODED.substring(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown public key type 0x73");
    }

    @Test
    void rejectsWrongEncodingMarker() {
        assertThatThrownBy(() -> PublicKey.parse("b06573" + ED25519_ENCODED.substring(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after the type character");
    }

    @Test
    void rejectsWrongLengths() {
        assertThatThrownBy(() -> PublicKey.parse(ED25519_ENCODED + "00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes, got 33");
        assertThatThrownBy(() -> PublicKey.parse(SM2_ENCODED.substring(0, SM2_ENCODED.length() - 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65 bytes, got 64");
        assertThatThrownBy(() -> PublicKey.parse("b065"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> PublicKey.parse(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMalformedHex() {
        assertThatThrownBy(() -> PublicKey.parse(ED25519_ENCODED + "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even length");
        assertThatThrownBy(() -> PublicKey.parse("did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid hex character");
    }

    @Test
    void rejectsSm2PointNotOnTheCurve() {
        final byte[] raw = PublicKey.parse(SM2_ENCODED).raw();
        raw[64] ^= 1;
        assertThatThrownBy(() -> PublicKey.fromRaw(KeyType.SM2, raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a point on curve sm2p256v1");
    }

    @Test
    void rejectsSm2CoordinateAboveTheFieldPrime() {
        final byte[] raw = new byte[65];
        raw[0] = 0x04;
        Arrays.fill(raw, 1, 65, (byte) 0xFF);
        assertThatThrownBy(() -> PublicKey.fromRaw(KeyType.SM2, raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a point on curve");
    }

    @Test
    void rejectsCompressedSm2Points() {
        final byte[] raw = PublicKey.parse(SM2_ENCODED).raw();
        raw[0] = 0x02;
        assertThatThrownBy(() -> PublicKey.fromRaw(KeyType.SM2, raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uncompressed point starting 0x04");
    }

    @Test
    void rejectsEd25519SmallOrderAndNonCanonicalPoints() {
        final byte[] identity = new byte[32];
        identity[0] = 1;
        final byte[] orderFour = new byte[32];
        final byte[] yAboveFieldPrime = new byte[32];
        Arrays.fill(yAboveFieldPrime, (byte) 0xFF);
        yAboveFieldPrime[31] = 0x7F;
        for (final byte[] raw : new byte[][] {identity, orderFour, yAboveFieldPrime}) {
            assertThatThrownBy(() -> PublicKey.fromRaw(KeyType.ED25519, raw))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a valid Ed25519 public key point");
        }
    }

    @Test
    void rejectsEd25519BytesThatAreNoPoint() {
        // y = 2 gives x^2 = 3 / (4d + 1), which has no square root modulo 2^255 - 19.
        final byte[] raw = new byte[32];
        raw[0] = 2;
        assertThatThrownBy(() -> PublicKey.fromRaw(KeyType.ED25519, raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid Ed25519 public key point");
    }
}
