package org.banyan.lightclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.banyan.consensus.BlockHeaders;
import org.banyan.consensus.BlockId;
import org.banyan.protocol.consensus.BlockHeader;
import org.junit.jupiter.api.Test;

/** Transactions proven against an anchored block through the chain of headers above them. */
class TransactionProofTest {

    private final TestBlocks chain = new TestBlocks(5, 0, 3, 1);

    @Test
    void provesATransactionSeveralBlocksBelowTheAnchor() {
        final TransactionProof proof = chain.proof(0, 3);

        assertThat(proof.verify(chain.lastId())).isEqualTo(Checked.ok(new ProvenTransaction(
                ByteString.copyFrom(BlockHeaders.transactionHash(chain.blocks.get(0).getTransactions(3))), 2, 3, 5)));
    }

    @Test
    void provesATransactionOfTheAnchoredBlockItself() {
        final TransactionProof proof = chain.proof(3, 0);

        assertThat(proof.verify(chain.lastId())).isInstanceOf(Checked.Ok.class);
        assertThat(proof.verify(chain.lastId()).orElseThrow().height()).isEqualTo(5);
    }

    @Test
    void refusesAnotherAnchoredBlock() {
        final BlockId other = BlockId.of(chain.headers.get(2));

        assertThat(chain.proof(0, 1).verify(other)).isEqualTo(Checked.invalid("the proof ends at block "
                + chain.lastId() + " at height 5, not at the anchored block " + other));
    }

    @Test
    void refusesAGapInTheHeaders() {
        final TransactionProof proof = chain.proof(0, 1);
        final List<ByteString> gapped = new ArrayList<>(proof.headers());
        gapped.remove(1);

        assertThat(new TransactionProof(proof.inclusion(), gapped).verify(chain.lastId()))
                .isEqualTo(Checked.invalid("the header at height 4 does not follow block "
                        + BlockId.of(chain.headers.get(0)) + " at height 2"));
    }

    @Test
    void refusesAHeaderThatDoesNotChain() {
        final TransactionProof proof = chain.proof(0, 1);
        final List<ByteString> forged = new ArrayList<>(proof.headers());
        forged.set(0, chain.headers.get(0).toBuilder().setTransactionCount(6).build().toByteString());

        assertThat(new TransactionProof(proof.inclusion(), forged).verify(chain.lastId()))
                .isInstanceOf(Checked.Invalid.class);
    }

    @Test
    void refusesATransactionAtAnotherIndex() {
        final TransactionProof proof = chain.proof(0, 1);
        final TransactionProof moved = new TransactionProof(new org.banyan.consensus.TransactionProof(
                proof.inclusion().transactionHash(), 2, proof.inclusion().path()), proof.headers());

        assertThat(moved.verify(chain.lastId())).isEqualTo(Checked.invalid("the Merkle path does not show transaction "
                + Bytes.hex(proof.inclusion().transactionHash()) + " as number 2 of the 5 in the block at height 2"));
    }

    @Test
    void refusesHeadersThatDoNotParse() {
        final TransactionProof proof = chain.proof(3, 0);
        final TransactionProof garbage = new TransactionProof(proof.inclusion(),
                List.of(ByteString.copyFrom(new byte[] {(byte) 0xff})));

        assertThat(garbage.verify(chain.lastId()).toString()).startsWith("Invalid[reason=header 0 of the proof does not"
                + " parse");
    }

    @Test
    void roundTripsThroughBytesAndBase64() {
        final TransactionProof proof = chain.proof(0, 4);

        assertThat(TransactionProof.decode(proof.encode())).isEqualTo(Checked.ok(proof));
        assertThat(TransactionProof.fromBase64(proof.toBase64())).isEqualTo(Checked.ok(proof));
    }

    @Test
    void refusesMalformedBytes() {
        final byte[] encoded = chain.proof(0, 4).encode();

        for (int length = 0; length < encoded.length; length++) {
            assertThat(TransactionProof.decode(Arrays.copyOf(encoded, length))).isInstanceOf(Checked.Invalid.class);
        }
        assertThat(TransactionProof.decode(Arrays.copyOf(encoded, encoded.length + 1)))
                .isEqualTo(Checked.invalid("a transaction proof has 1 trailing bytes"));
        final byte[] negativeIndex = encoded.clone();
        negativeIndex[1 + 32] = (byte) 0x80;
        assertThat(TransactionProof.decode(negativeIndex))
                .isEqualTo(Checked.invalid("a transaction proof: index is out of range"));
        assertThat(TransactionProof.fromBase64("AAAA")).isEqualTo(Checked.invalid("a transaction proof opens with"
                + " kind 4, got 0"));
        assertThat(TransactionProof.decode(new byte[TransactionProof.MAX_ENCODED_BYTES + 1]))
                .isInstanceOf(Checked.Invalid.class);
    }

    @Test
    void provesAcrossAHeaderChainAtItsCapAndRefusesOneMore() {
        final int[] counts = new int[Limits.MAX_HEADER_CHAIN + 1];
        counts[0] = 2;
        final TestBlocks longChain = new TestBlocks(counts);
        final TransactionProof atCap = new TransactionProof(
                org.banyan.consensus.TransactionProof.of(longChain.blocks.get(0), 1),
                longChain.headers.subList(0, Limits.MAX_HEADER_CHAIN).stream().map(BlockHeader::toByteString).toList());

        assertThat(TransactionProof.decode(atCap.encode())).isEqualTo(Checked.ok(atCap));
        assertThat(atCap.verify(BlockId.of(longChain.headers.get(Limits.MAX_HEADER_CHAIN - 1))))
                .isInstanceOf(Checked.Ok.class);
        final List<ByteString> overCap = longChain.headers.stream().map(BlockHeader::toByteString).toList();
        assertThatThrownBy(() -> new TransactionProof(atCap.inclusion(), overCap))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a transaction proof has 1 to " + Limits.MAX_HEADER_CHAIN + " headers, got "
                        + (Limits.MAX_HEADER_CHAIN + 1));
        final byte[] encoded = atCap.encode();
        final int countOffset = 1 + 32 + 4 + 1 + atCap.inclusion().path().size() * 32;
        encoded[countOffset] = (byte) ((Limits.MAX_HEADER_CHAIN + 1) >>> 8);
        encoded[countOffset + 1] = (byte) (Limits.MAX_HEADER_CHAIN + 1);
        assertThat(TransactionProof.decode(encoded)).isEqualTo(Checked.invalid("a transaction proof has 1 to "
                + Limits.MAX_HEADER_CHAIN + " headers, got " + (Limits.MAX_HEADER_CHAIN + 1)));
    }

    @Test
    void takesAMerklePathAtItsCapAndRefusesOneHashMore() {
        final TransactionProof proof = chain.proof(3, 0);
        final List<ByteString> atCap = Collections.nCopies(Limits.MAX_MERKLE_PATH, ByteString.copyFrom(new byte[32]));
        final TransactionProof longPath = new TransactionProof(new org.banyan.consensus.TransactionProof(
                proof.inclusion().transactionHash(), 0, atCap), proof.headers());

        assertThat(TransactionProof.decode(longPath.encode())).isEqualTo(Checked.ok(longPath));
        assertThat(longPath.verify(chain.lastId())).isInstanceOf(Checked.Invalid.class);
        final List<ByteString> overCap = new ArrayList<>(atCap);
        overCap.add(ByteString.copyFrom(new byte[32]));
        assertThatThrownBy(() -> new TransactionProof(new org.banyan.consensus.TransactionProof(
                proof.inclusion().transactionHash(), 0, overCap), proof.headers()))
                .isInstanceOf(IllegalArgumentException.class);
        final byte[] encoded = longPath.encode();
        encoded[1 + 32 + 4] = (byte) (Limits.MAX_MERKLE_PATH + 1);
        assertThat(TransactionProof.decode(encoded)).isEqualTo(Checked.invalid("a Merkle path has at most "
                + Limits.MAX_MERKLE_PATH + " hashes, got " + (Limits.MAX_MERKLE_PATH + 1)));
    }
}
