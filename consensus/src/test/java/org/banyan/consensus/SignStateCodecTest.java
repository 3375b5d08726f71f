package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.Optional;
import org.banyan.protocol.consensus.Block;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Round trips of every shape of sign state, and refusal of torn, corrupted and foreign bytes. */
class SignStateCodecTest {

    private static final Fixture FIXTURE = new Fixture(4);
    private static final Block BLOCK = FIXTURE.block(1, 1);
    private static final SignState FULL = new SignState(1,
            Optional.of(FIXTURE.precommit(0, 1, 2, Optional.of(BlockId.of(BLOCK)))),
            Optional.of(RoundValue.of(1, BLOCK)), Optional.of(RoundValue.of(2, FIXTURE.block(1, 2))));

    @Test
    void everyShapeRoundTrips() {
        final SignState withProposal = new SignState(1, Optional.of(FIXTURE.proposal(1, 0, -1, BLOCK)),
                Optional.empty(), Optional.of(RoundValue.of(0, BLOCK)));

        for (final SignState state : new SignState[] {SignState.EMPTY, FULL, withProposal}) {
            assertThat(SignStateCodec.decode(SignStateCodec.encode(state))).isEqualTo(state);
        }
    }

    @Test
    void anyTruncationIsRefused() {
        final byte[] bytes = SignStateCodec.encode(FULL);
        for (int length = 0; length < bytes.length; length++) {
            final byte[] torn = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> SignStateCodec.decode(torn)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anyFlippedBitIsRefused() {
        final byte[] bytes = SignStateCodec.encode(FULL);
        qt().withExamples(200).forAll(SourceDSL.integers().between(0, bytes.length * 8 - 1)).checkAssert(bit -> {
            final byte[] corrupted = bytes.clone();
            corrupted[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> SignStateCodec.decode(corrupted)).isInstanceOf(IllegalArgumentException.class);
        });
    }

    @Test
    void bytesThatAreNotASignStateAreRefusedWithAReason() {
        assertThatThrownBy(() -> SignStateCodec.decode(new byte[3])).hasMessageContaining("at least");
        assertThatThrownBy(() -> SignStateCodec.decode(new byte[64])).hasMessageContaining("checksum");
    }
}
