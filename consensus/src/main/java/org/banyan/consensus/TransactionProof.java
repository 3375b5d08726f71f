package org.banyan.consensus;

import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.banyan.crypto.MerkleTree;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.BlockHeader;

/**
 * That a transaction is in a block: its hash (SHA-256 of its blob), its position, and the RFC 6962 audit path from it
 * to the header's {@code transactions_root}. Whoever trusts the header (its certificate verified) trusts the
 * transaction's place in the block, without the block.
 *
 * @param transactionHash SHA-256 of the transaction's blob
 * @param index the transaction's position in the block, from 0
 * @param path the sibling hashes from the transaction's leaf upwards
 */
public record TransactionProof(ByteString transactionHash, int index, List<ByteString> path) {

    public TransactionProof {
        Objects.requireNonNull(transactionHash, "transactionHash");
        path = List.copyOf(path);
    }

    /**
     * The proof for the block's transaction at {@code index}.
     *
     * @throws IllegalArgumentException if the block has no transaction at {@code index}
     */
    public static TransactionProof of(final Block block, final int index) {
        final List<byte[]> hashes = BlockHeaders.transactionHashes(block);
        if (index < 0 || index >= hashes.size()) {
            throw new IllegalArgumentException("block " + block.getHeight() + " has " + hashes.size()
                    + " transactions; there is none at position " + index);
        }
        return new TransactionProof(ByteString.copyFrom(hashes.get(index)), index,
                MerkleTree.path(hashes, index).stream().map(ByteString::copyFrom).toList());
    }

    /** The proof for the block's transaction with this hash, or empty when the block does not hold it. */
    public static Optional<TransactionProof> find(final Block block, final ByteString transactionHash) {
        final List<byte[]> hashes = BlockHeaders.transactionHashes(block);
        final byte[] wanted = transactionHash.toByteArray();
        for (int index = 0; index < hashes.size(); index++) {
            if (Arrays.equals(hashes.get(index), wanted)) {
                return Optional.of(new TransactionProof(transactionHash, index,
                        MerkleTree.path(hashes, index).stream().map(ByteString::copyFrom).toList()));
            }
        }
        return Optional.empty();
    }

    /** Whether the path leads from this transaction at this position to the header's transactions root. */
    public boolean isIncludedIn(final BlockHeader header) {
        return MerkleTree.verify(header.getTransactionsRoot().toByteArray(),
                MerkleTree.leafHash(transactionHash.toByteArray()), index, header.getTransactionCount(),
                path.stream().map(ByteString::toByteArray).toList());
    }
}
