package org.banyan.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed and boundary encodings of {@link StateProof}. */
class StateProofCodecTest {

    private static byte[] validEncoding() {
        final TestTree tree = TestTree.of(List.of(Keys.random(1), Keys.random(2), Keys.random(3), Keys.random(4), Keys.random(5)));
        return tree.prove(Keys.random(3)).encode();
    }

    /** A proof with all 256 siblings present and a leaf: the longest possible encoding. */
    private static StateProof longestProof() {
        final byte[][] siblings = new byte[StateProof.MAX_SIBLINGS][];
        for (int index = 0; index < siblings.length; index++) {
            siblings[index] = Keys.valueHash(index);
        }
        return StateProof.endingInLeaf(siblings, Keys.random(7), Keys.valueHash(7));
    }

    @Test
    void everyTruncationIsRejected() {
        final byte[] encoded = validEncoding();
        for (int length = 0; length < encoded.length; length++) {
            final byte[] truncated = Arrays.copyOf(encoded, length);
            assertThatThrownBy(() -> StateProof.decode(truncated)).as("length %d", length)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        }
    }

    @Test
    void trailingBytesAreRejected() {
        final byte[] encoded = validEncoding();

        assertThatThrownBy(() -> StateProof.decode(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("state proof has 1 trailing bytes");
    }

    @Test
    void theLongestProofEncodesToExactlyTheMaximumAndRoundTrips() {
        final byte[] encoded = longestProof().encode();

        assertThat(encoded).hasSize(StateProof.MAX_ENCODED_BYTES);
        assertThat(StateProof.decode(encoded)).isEqualTo(longestProof());
        assertThat(StateProof.decode(encoded).siblingCount()).isEqualTo(StateProof.MAX_SIBLINGS);
    }

    @Test
    void oversizedInputIsRejectedBeforeParsing() {
        final byte[] oversized = Arrays.copyOf(longestProof().encode(), StateProof.MAX_ENCODED_BYTES + 1);

        assertThatThrownBy(() -> StateProof.decode(oversized)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a state proof is at most 8291 bytes, got 8292");
    }

    @Test
    void moreThan256SiblingsAreRejected() {
        // 257 empty siblings: 33 bitmap bytes, all zero except that none may be set past sibling 257.
        final byte[] encoded = new byte[3 + 33];
        encoded[1] = 0x01;
        encoded[2] = 0x01;

        assertThatThrownBy(() -> StateProof.decode(encoded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a state proof has at most 256 siblings, got 257");
        final byte[] atCap = new byte[3 + 32];
        atCap[1] = 0x01;
        assertThat(StateProof.decode(atCap).siblingCount()).isEqualTo(256);
    }

    @Test
    void anUnknownEndingIsRejected() {
        assertThatThrownBy(() -> StateProof.decode(new byte[] {0x02, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown state proof ending 0x2");
    }

    @Test
    void bitmapBitsPastTheLastSiblingAreRejected() {
        // Three empty siblings, and a bitmap bit set for a fourth.
        assertThatThrownBy(() -> StateProof.decode(new byte[] {0x00, 0x00, 0x03, 0x10}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bits set past sibling 3");
    }

    @Test
    void anEmptyHashSentAsAPresentSiblingIsRejected() {
        final byte[] encoded = new byte[3 + 1 + 32];
        encoded[2] = 0x01;
        encoded[3] = (byte) 0x80;

        assertThatThrownBy(() -> StateProof.decode(encoded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sibling 0 is marked present but is the empty hash");
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> StateProof.decode(null)).isInstanceOf(NullPointerException.class);
    }
}
