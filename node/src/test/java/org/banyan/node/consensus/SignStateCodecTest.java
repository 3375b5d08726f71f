package org.banyan.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.Optional;
import org.banyan.consensus.ConsensusMessage;
import org.banyan.consensus.RoundValue;
import org.banyan.consensus.SignState;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;
import org.junit.jupiter.api.Test;

class SignStateCodecTest {

    @Test
    void roundTripsEverySignState() {
        qt().forAll(longs().between(0, Long.MAX_VALUE), integers().between(0, 1_000), integers().between(0, 2),
                integers().between(0, 3))
            .checkAssert((height, round, lastKind, values) -> {
                final SignState state = state(height, round, lastKind, values);
                assertThat(SignStateCodec.decode(SignStateCodec.encode(state))).isEqualTo(state);
            });
    }

    @Test
    void theEmptyStateRoundTrips() {
        assertThat(SignStateCodec.decode(SignStateCodec.encode(SignState.EMPTY))).isEqualTo(SignState.EMPTY);
    }

    @Test
    void everyTruncationIsRefused() {
        final byte[] encoded = SignStateCodec.encode(state(9, 2, 1, 3));
        for (int length = 0; length < encoded.length; length++) {
            final byte[] truncated = Arrays.copyOf(encoded, length);
            assertThatThrownBy(() -> SignStateCodec.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void trailingBytesAnotherVersionAndUnknownMarkersAreRefused() {
        final byte[] encoded = SignStateCodec.encode(state(9, 2, 2, 1));
        final byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> SignStateCodec.decode(trailing)).hasMessageContaining("trailing");
        final byte[] otherVersion = encoded.clone();
        otherVersion[3] = 2;
        assertThatThrownBy(() -> SignStateCodec.decode(otherVersion)).hasMessageContaining("format version 2");
        final byte[] unknownKind = encoded.clone();
        unknownKind[12] = 7;
        assertThatThrownBy(() -> SignStateCodec.decode(unknownKind)).hasMessageContaining("unknown last-signed kind");
    }

    @Test
    void aFieldLongerThanWhatRemainsIsRefused() {
        final byte[] encoded = SignStateCodec.encode(state(9, 2, 2, 0));
        encoded[13] = 0x7f;
        assertThatThrownBy(() -> SignStateCodec.decode(encoded)).hasMessageContaining("remain");
    }

    static SignState state(final long height, final int round, final int lastKind, final int values) {
        final Block block = Block.newBuilder().setHeight(height).setCloseTime(round + 1L)
            .setPreviousHash(ByteString.copyFrom(new byte[32])).setProposer("did:bid:proposer").build();
        final Optional<ConsensusMessage> last = switch (lastKind) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(new ConsensusMessage.ProposalMessage(Proposal.newBuilder().setHeight(height)
                .setRound(round).setPolRound(-1).setBlock(block).setProposer("did:bid:proposer")
                .setSignature(ByteString.copyFrom(new byte[64])).build()));
            default -> Optional.of(new ConsensusMessage.VoteMessage(Vote.newBuilder().setHeight(height)
                .setRound(round).setType(VoteType.PRECOMMIT).setBlockId(ByteString.copyFrom(new byte[32]))
                .setValidator("did:bid:voter").setSignature(ByteString.copyFrom(new byte[64])).build()));
        };
        final Optional<RoundValue> locked = (values & 1) != 0 ? Optional.of(RoundValue.of(round, block))
            : Optional.empty();
        final Optional<RoundValue> valid = (values & 2) != 0 ? Optional.of(RoundValue.of(round, block))
            : Optional.empty();
        return new SignState(height, last, locked, valid);
    }
}
