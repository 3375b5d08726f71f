package org.banyan.consensus;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.MerkleTree;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.BlockHeader;
import org.banyan.protocol.consensus.Evidence;
import org.banyan.protocol.consensus.SignedTransaction;

/**
 * A block's header: every field of the block, with the transactions, the last commit and the evidence replaced by
 * commitments, so that a light client checks a certificate against a few hundred bytes and still learns everything the
 * block decided. Pure.
 *
 * <ul>
 *   <li>{@code transactions_root}: the RFC 6962 {@link MerkleTree} root over the transaction hashes in block order;
 *       a transaction hash is BIF's, SHA-256 of the blob. {@code transaction_count} is the number of leaves.</li>
 *   <li>{@code last_commit_hash}: SHA-256 of the last commit's bytes; empty when the block has none (height 1).</li>
 *   <li>{@code transaction_signatures_hash}: the same encoding under the tag {@code banyan/block-signatures/v1},
 *       one item per transaction: the bytes of the envelope with its blob left out, that is its signatures. The
 *       transaction hash covers the blob only, so this is what makes the id commit to who signed.</li>
 *   <li>{@code evidence_hash}: SHA-256 of the tag {@code banyan/block-evidence/v1}, the number of items (4 bytes,
 *       big-endian) and each item's bytes after its length (4 bytes, big-endian); present for an empty list too.</li>
 * </ul>
 */
public final class BlockHeaders {

    private static final byte[] EVIDENCE_DOMAIN_TAG = "banyan/block-evidence/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNATURES_DOMAIN_TAG =
            "banyan/block-signatures/v1".getBytes(StandardCharsets.US_ASCII);

    private BlockHeaders() {
    }

    /** The header of a block. */
    public static BlockHeader of(final Block block) {
        final BlockHeader.Builder header = BlockHeader.newBuilder()
                .setHeight(block.getHeight())
                .setCloseTime(block.getCloseTime())
                .setPreviousHash(block.getPreviousHash())
                .setTransactionsRoot(ByteString.copyFrom(MerkleTree.root(transactionHashes(block))))
                .setTransactionCount(block.getTransactionsCount())
                .setTransactionSignaturesHash(listHash(SIGNATURES_DOMAIN_TAG, block.getTransactionsList().stream()
                        .map(transaction -> transaction.toBuilder().clearBlob().build().toByteArray()).toList()))
                .setEvidenceHash(listHash(EVIDENCE_DOMAIN_TAG, block.getEvidenceList().stream()
                        .map(Evidence::toByteArray).toList()))
                .setValidatorsHash(block.getValidatorsHash())
                .setNextValidatorsHash(block.getNextValidatorsHash())
                .setProposer(block.getProposer())
                .setPreviousLedgerHash(block.getPreviousLedgerHash());
        if (block.hasLastCommit()) {
            header.setLastCommitHash(ByteString.copyFrom(Hashes.sha256(block.getLastCommit().toByteArray())));
        }
        return header.build();
    }

    /** A transaction's hash as BIF and the ledger know it: SHA-256 of its blob. */
    public static byte[] transactionHash(final SignedTransaction transaction) {
        return Hashes.sha256(transaction.getBlob().toByteArray());
    }

    /** The hashes of the block's transactions, in block order: the leaves of its transactions tree. */
    public static List<byte[]> transactionHashes(final Block block) {
        final List<byte[]> hashes = new ArrayList<>(block.getTransactionsCount());
        for (final SignedTransaction transaction : block.getTransactionsList()) {
            hashes.add(transactionHash(transaction));
        }
        return hashes;
    }

    /** SHA-256 of the tag, the number of items and each item after its length: no two lists encode alike. */
    private static ByteString listHash(final byte[] domainTag, final List<byte[]> items) {
        int length = domainTag.length + Integer.BYTES;
        for (final byte[] item : items) {
            length += Integer.BYTES + item.length;
        }
        final ByteBuffer buffer = ByteBuffer.allocate(length).put(domainTag).putInt(items.size());
        for (final byte[] item : items) {
            buffer.putInt(item.length).put(item);
        }
        return ByteString.copyFrom(Hashes.sha256(buffer.array()));
    }
}
