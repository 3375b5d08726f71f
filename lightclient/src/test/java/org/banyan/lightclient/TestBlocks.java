package org.banyan.lightclient;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.banyan.consensus.BlockHeaders;
import org.banyan.consensus.BlockId;
import org.banyan.consensus.TransactionProof;
import org.banyan.crypto.Hashes;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.BlockHeader;
import org.banyan.protocol.consensus.SignedTransaction;

/** Chained blocks with transactions, as consensus builds their headers, and transaction proofs over them. */
final class TestBlocks {

    final List<Block> blocks = new ArrayList<>();
    final List<BlockHeader> headers = new ArrayList<>();

    /** {@code transactionCounts.length} blocks from height 2, block i holding {@code transactionCounts[i]}. */
    TestBlocks(final int... transactionCounts) {
        ByteString previousId = ByteString.copyFrom(Hashes.sha256(new byte[] {1}));
        for (int position = 0; position < transactionCounts.length; position++) {
            final Block.Builder block = Block.newBuilder()
                    .setHeight(2 + position)
                    .setCloseTime(1_700_000_000_000_000L + position)
                    .setPreviousHash(previousId)
                    .setValidatorsHash(ByteString.copyFrom(Hashes.sha256(new byte[] {2})))
                    .setNextValidatorsHash(ByteString.copyFrom(Hashes.sha256(new byte[] {2})))
                    .setPreviousLedgerHash(ByteString.copyFrom(Hashes.sha256(new byte[] {(byte) position})))
                    .setProposer("did:bid:efProposer");
            for (int index = 0; index < transactionCounts[position]; index++) {
                block.addTransactions(SignedTransaction.newBuilder()
                        .setBlob(ByteString.copyFromUtf8("transaction " + position + "/" + index)));
            }
            blocks.add(block.build());
            headers.add(BlockHeaders.of(block.build()));
            previousId = BlockId.of(headers.get(position)).bytes();
        }
    }

    /** The proof of transaction {@code index} of block {@code position} against the last block. */
    org.banyan.lightclient.TransactionProof proof(final int position, final int index) {
        return new org.banyan.lightclient.TransactionProof(TransactionProof.of(blocks.get(position), index),
                headers.subList(position, headers.size()).stream().map(BlockHeader::toByteString).toList());
    }

    BlockId lastId() {
        return BlockId.of(headers.get(headers.size() - 1));
    }
}
