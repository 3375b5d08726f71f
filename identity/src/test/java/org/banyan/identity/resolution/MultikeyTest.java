package org.banyan.identity.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.TestDocuments;
import org.junit.jupiter.api.Test;

class MultikeyTest {

    private static PrivateKey seed(final int lastByte) {
        final byte[] seed = new byte[32];
        seed[31] = (byte) lastByte;
        return PrivateKey.fromRaw(KeyType.ED25519, seed);
    }

    @Test
    void ed25519KeysMatchTheDidKeyTestVectors() {
        // w3c-ccg/did-method-key test-vectors/ed25519-x25519.json: seeds 00…00, 00…01, 00…02.
        assertThat(seed(0).publicKey().raw()).isEqualTo(java.util.HexFormat.of()
            .parseHex("3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29"));
        assertThat(Multikey.encode(seed(0).publicKey())).isEqualTo("z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");
        assertThat(Multikey.encode(seed(1).publicKey())).isEqualTo("z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG");
        assertThat(Multikey.encode(seed(2).publicKey())).isEqualTo("z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf");
    }

    @Test
    void ed25519DecodesToItsHeaderAndKey() {
        final var key = TestDocuments.key(5).publicKey();
        final byte[] decoded = Multikey.decode(Multikey.encode(key));
        assertThat(Arrays.copyOfRange(decoded, 0, 2)).containsExactly(0xed, 0x01);
        assertThat(Arrays.copyOfRange(decoded, 2, decoded.length)).isEqualTo(key.raw());
    }

    @Test
    void sm2KeysUseTheDraftMulticodecAndTheCompressedPoint() {
        for (int index = 0; index < 6; index++) {
            final var key = TestDocuments.key(KeyType.SM2, index).publicKey();
            final byte[] raw = key.raw();
            final byte[] decoded = Multikey.decode(Multikey.encode(key));
            assertThat(decoded).hasSize(2 + 33);
            assertThat(Arrays.copyOfRange(decoded, 0, 2)).containsExactly(0x86, 0x24);
            assertThat(decoded[2]).isEqualTo((byte) ((raw[64] & 1) == 0 ? 2 : 3));
            assertThat(Arrays.copyOfRange(decoded, 3, 35)).isEqualTo(Arrays.copyOfRange(raw, 1, 33));
        }
    }

    @Test
    void decodingRefusesWhatIsNotBase58btc() {
        assertThatThrownBy(() -> Multikey.decode("m6Mk")).hasMessageContaining("starts with 'z'");
        assertThatThrownBy(() -> Multikey.decode("z0OIl")).hasMessageContaining("not a base58btc character");
        assertThat(Multikey.decode("z11")).containsExactly(0, 0);
    }
}
