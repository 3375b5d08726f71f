package org.banyan.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Optional;
import org.banyan.consensus.MessageVerifier;
import org.banyan.consensus.SignatureVerifier;
import org.banyan.ledger.Ledger;
import org.banyan.node.NodeMetrics;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.p2p.BlockRequest;
import org.banyan.protocol.p2p.BlockResponse;
import org.junit.jupiter.api.Test;

class ConsensusPeersTest {

    private final Ledger ledger = TestChain.ledger(1);

    @Test
    void aResponseHoldsAtMostTheBlockCap() {
        commitBlocks(ConsensusPeers.MAX_BLOCKS_PER_RESPONSE + 5, 0);
        try (ConsensusPeers peers = peers()) {
            final BlockResponse all = peers.blocksFor(BlockRequest.newBuilder().setFromHeight(2).setMaxBlocks(1_000)
                .build());
            assertThat(all.getBlocksCount()).isEqualTo(ConsensusPeers.MAX_BLOCKS_PER_RESPONSE);
            assertThat(all.getBlocks(0).getBlock().getHeight()).isEqualTo(2);
            final BlockResponse tail = peers.blocksFor(BlockRequest.newBuilder().setFromHeight(30).setMaxBlocks(3)
                .build());
            assertThat(tail.getBlocksList()).extracting(block -> block.getBlock().getHeight())
                .containsExactly(30L, 31L, 32L);
            assertThat(peers.blocksFor(BlockRequest.newBuilder().setFromHeight(1_000).setMaxBlocks(3).build())
                .getBlocksCount()).isZero();
        }
    }

    @Test
    void aResponseStopsAtTheByteCapButAlwaysCarriesOneBlock() {
        final int blockBytes = (int) (ConsensusPeers.MAX_RESPONSE_BYTES / 3);
        commitBlocks(4, blockBytes);
        try (ConsensusPeers peers = peers()) {
            final BlockResponse response = peers.blocksFor(BlockRequest.newBuilder().setFromHeight(2)
                .setMaxBlocks(10).build());
            assertThat(response.getBlocksCount()).isEqualTo(2);
            assertThat(response.getSerializedSize()).isLessThanOrEqualTo((int) ConsensusPeers.MAX_RESPONSE_BYTES);
        }
        final Ledger big = TestChain.ledger(1);
        final CommittedBlock huge = committed(2, (int) ConsensusPeers.MAX_RESPONSE_BYTES + 1);
        big.close(List.of(), TestChain.GENESIS_CLOSE_TIME_MICROS + 1, Optional.of(huge));
        try (ConsensusPeers peers = new ConsensusPeers(big, new ValidatorSets(big),
            new MessageVerifier(TestChain.CHAIN_ID, SignatureVerifier.PUBLIC_KEY), new InboundBytes(), metrics(big))) {
            assertThat(peers.blocksFor(BlockRequest.newBuilder().setFromHeight(2).setMaxBlocks(10).build())
                .getBlocksList()).containsExactly(huge);
        }
    }

    private ConsensusPeers peers() {
        return new ConsensusPeers(ledger, new ValidatorSets(ledger),
            new MessageVerifier(TestChain.CHAIN_ID, SignatureVerifier.PUBLIC_KEY), new InboundBytes(), metrics(ledger));
    }

    private static NodeMetrics metrics(final Ledger ledger) {
        return new NodeMetrics(() -> ledger.lastHeader().getSeq(), () -> 0);
    }

    private void commitBlocks(final int count, final int paddingBytes) {
        for (int index = 0; index < count; index++) {
            final long height = ledger.lastHeader().getSeq() + 1;
            ledger.close(List.of(), TestChain.GENESIS_CLOSE_TIME_MICROS + height,
                Optional.of(committed(height, paddingBytes)));
        }
    }

    /** A stored block; the ledger does not check it, and serving does not either, so padding stands in for content. */
    private static CommittedBlock committed(final long height, final int paddingBytes) {
        return CommittedBlock.newBuilder()
            .setBlock(Block.newBuilder().setHeight(height).setProposer("p".repeat(paddingBytes)))
            .setCertificate(CommitCertificate.newBuilder().setHeight(height).setBlockId(ByteString.copyFrom(new byte[32])))
            .build();
    }
}
