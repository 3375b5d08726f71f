package org.banyan.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.banyan.crypto.Hex;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.crypto.PublicKey;
import org.junit.jupiter.api.Test;

class MultikeyTest {

    @Test
    void ed25519KeysEncodeWithTheEd01HeaderAsZ6Mk() {
        final PublicKey key = Vectors.KEY.publicKey();
        final byte[] decoded = Multibase.decodeBase58Btc(Multikey.encode(key));

        assertThat(Multikey.encode(key)).isEqualTo("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        assertThat(Arrays.copyOf(decoded, 2)).isEqualTo(new byte[] {(byte) 0xed, 0x01});
        assertThat(Hex.encode(Arrays.copyOfRange(decoded, 2, decoded.length))).startsWith("b00d8d93").endsWith("0ea2810f");
    }

    @Test
    void sm2KeysEncodeTheCompressedPointUnderTheDraftSm2PubHeader() {
        final PrivateKey key = PrivateKey.fromRaw(KeyType.SM2,
                Hex.decode("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8"));
        final byte[] decoded = Multibase.decodeBase58Btc(Multikey.encode(key.publicKey()));

        assertThat(Arrays.copyOf(decoded, 3)).isEqualTo(new byte[] {(byte) 0x86, 0x24, 0x03});
        assertThat(Hex.encode(Arrays.copyOfRange(decoded, 3, decoded.length)))
                .isEqualTo("09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020");
        assertThat(Multikey.decodePublicKey(Multikey.encode(key.publicKey()))).isEqualTo(key.publicKey());
    }

    @Test
    void publicKeysOfBothTypesRoundTrip() {
        qt().withExamples(200).forAll(integers().all()).checkAssert(seed -> {
            final byte[] raw = new byte[32];
            new SplittableRandom(seed).nextBytes(raw);
            raw[0] &= 0x7F;
            for (final KeyType type : KeyType.values()) {
                final PublicKey key = PrivateKey.fromRaw(type, raw).publicKey();
                assertThat(Multikey.decodePublicKey(Multikey.encode(key))).isEqualTo(key);
            }
        });
    }

    @Test
    void privateKeysRoundTripAndAreNotTakenForPublicKeys() {
        final String secret = Multikey.encodePrivateKey(Vectors.KEY);

        assertThat(secret).startsWith("z3u2");
        assertThat(Multikey.decodePrivateKey(secret)).isEqualTo(Vectors.KEY);
        assertThatThrownBy(() -> Multikey.decodePublicKey(secret)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private key");
        assertThatThrownBy(() -> Multikey.decodePrivateKey(Multikey.encode(Vectors.KEY.publicKey())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ED25519_PRIVATE_KEY");
    }

    @Test
    void rejectsUnknownCodecsWrongLengthsAndPointsOffTheCurve() {
        assertThatThrownBy(() -> Multikey.decodePublicKey(Multibase.encodeBase58Btc(new byte[] {(byte) 0xe7, 1, 2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported multicodec");
        assertThatThrownBy(() -> Multikey.decodePublicKey(Multibase.encodeBase58Btc(new byte[] {(byte) 0xed, 1, 2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes, got 1");
        final byte[] offCurve = new byte[35];
        offCurve[0] = (byte) 0x86;
        offCurve[1] = 0x24;
        offCurve[2] = 0x05;
        assertThatThrownBy(() -> Multikey.decodePublicKey(Multibase.encodeBase58Btc(offCurve)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("compressed point");
        final PrivateKey sm2 = PrivateKey.fromRaw(KeyType.SM2,
                Hex.decode("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8"));
        assertThatThrownBy(() -> Multikey.encodePrivateKey(sm2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only Ed25519");
    }
}
