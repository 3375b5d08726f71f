package org.banyan.lightclient;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.banyan.consensus.BlockId;
import org.banyan.protocol.consensus.BlockHeader;

/**
 * A transaction of block h proven against an anchored block H ≥ h: consensus's inclusion proof (the transaction hash,
 * its index and its RFC 6962 path to block h's {@code transactions_root}) and the headers h..H exactly as their blocks'
 * ids hash them. Each header's {@code previous_hash} must be the id of the one before and the last must be the
 * anchored block, so only H needs to be anchored. The transaction count the path is checked with is header h's, which
 * the chain of ids signs, never a number the prover picks.
 */
public record TransactionProof(org.banyan.consensus.TransactionProof inclusion, List<ByteString> headers) {

    /**
     * Encoded bytes at most: the kind, the hash and index, a one-byte path length and the path, a two-byte header
     * count and the length-prefixed headers, all at their caps.
     */
    public static final int MAX_ENCODED_BYTES = 1 + Bytes.HASH_BYTES + Integer.BYTES
            + 1 + Limits.MAX_MERKLE_PATH * Bytes.HASH_BYTES
            + 2 + Limits.MAX_HEADER_CHAIN * (Integer.BYTES + Limits.MAX_BLOCK_HEADER_BYTES);

    /** The framing of the encoding, which opens with kind byte 4. */
    private static final ProofFormat<TransactionProof> FORMAT = new ProofFormat<>((byte) 4, MAX_ENCODED_BYTES,
            "a transaction proof", TransactionProof::readFields);

    /** @throws IllegalArgumentException if a hash is not 32 bytes, the index is negative or a part past its cap */
    public TransactionProof {
        Objects.requireNonNull(inclusion, "inclusion");
        headers = List.copyOf(headers);
        if (inclusion.transactionHash().size() != Bytes.HASH_BYTES) {
            throw new IllegalArgumentException("a transaction hash has " + Bytes.HASH_BYTES + " bytes, got "
                    + inclusion.transactionHash().size());
        }
        if (inclusion.index() < 0) {
            throw new IllegalArgumentException("a transaction index is not negative, got " + inclusion.index());
        }
        if (inclusion.path().size() > Limits.MAX_MERKLE_PATH
                || inclusion.path().stream().anyMatch(hash -> hash.size() != Bytes.HASH_BYTES)) {
            throw new IllegalArgumentException("a Merkle path has at most " + Limits.MAX_MERKLE_PATH + " hashes of "
                    + Bytes.HASH_BYTES + " bytes");
        }
        if (headers.isEmpty() || headers.size() > Limits.MAX_HEADER_CHAIN) {
            throw new IllegalArgumentException("a transaction proof has 1 to " + Limits.MAX_HEADER_CHAIN
                    + " headers, got " + headers.size());
        }
        headers.forEach(header -> AccountProof.requireAtMost(header, Limits.MAX_BLOCK_HEADER_BYTES, "block header"));
    }

    /** Whether this proves its transaction against the anchored block {@code anchoredBlockId}, and what it proves. */
    public Checked<ProvenTransaction> verify(final BlockId anchoredBlockId) {
        final List<BlockHeader> chain = new ArrayList<>(headers.size());
        for (final ByteString bytes : headers) {
            try {
                chain.add(BlockHeader.parseFrom(bytes));
            } catch (final InvalidProtocolBufferException e) {
                return Checked.invalid("header " + chain.size() + " of the proof does not parse: " + e.getMessage());
            }
        }
        BlockId previousId = BlockId.of(chain.get(0));
        for (int position = 1; position < chain.size(); position++) {
            final BlockHeader header = chain.get(position);
            if (header.getHeight() != chain.get(position - 1).getHeight() + 1
                    || !header.getPreviousHash().equals(previousId.bytes())) {
                return Checked.invalid("the header at height " + header.getHeight() + " does not follow block "
                        + previousId + " at height " + chain.get(position - 1).getHeight());
            }
            previousId = BlockId.of(header);
        }
        final BlockHeader anchored = chain.get(chain.size() - 1);
        if (!previousId.equals(anchoredBlockId)) {
            return Checked.invalid("the proof ends at block " + previousId + " at height " + anchored.getHeight()
                    + ", not at the anchored block " + anchoredBlockId);
        }
        final BlockHeader block = chain.get(0);
        if (!inclusion.isIncludedIn(block)) {
            return Checked.invalid("the Merkle path does not show transaction " + Bytes.hex(inclusion.transactionHash())
                    + " as number " + inclusion.index() + " of the " + block.getTransactionCount()
                    + " in the block at height " + block.getHeight());
        }
        return Checked.ok(new ProvenTransaction(inclusion.transactionHash(), block.getHeight(), inclusion.index(),
                anchored.getHeight()));
    }

    /** The compact binary form. */
    public byte[] encode() {
        final ProofWriter writer = FORMAT.writer().fixed(inclusion.transactionHash()).count(inclusion.index())
                .unsignedByte(inclusion.path().size());
        inclusion.path().forEach(writer::fixed);
        writer.unsignedShort(headers.size());
        headers.forEach(writer::bytes);
        return writer.toByteArray();
    }

    /** Parses {@link #encode()} output; anything else, truncated, padded or past a cap, is refused with the reason. */
    public static Checked<TransactionProof> decode(final byte[] bytes) {
        return FORMAT.decode(bytes);
    }

    /** The binary form in base64, as JSON carries it. */
    public String toBase64() {
        return Bytes.base64(encode());
    }

    /** Parses {@link #toBase64()} output. */
    public static Checked<TransactionProof> fromBase64(final String base64) {
        return FORMAT.fromBase64(base64);
    }

    private static TransactionProof readFields(final ProofReader reader) throws MalformedInput {
        final ByteString transactionHash = reader.fixed(Bytes.HASH_BYTES, "transaction hash");
        final int index = reader.count("index");
        final int pathLength = reader.unsignedByte("path length");
        if (pathLength > Limits.MAX_MERKLE_PATH) {
            throw new MalformedInput("a Merkle path has at most " + Limits.MAX_MERKLE_PATH + " hashes, got "
                    + pathLength);
        }
        final List<ByteString> path = new ArrayList<>(pathLength);
        for (int position = 0; position < pathLength; position++) {
            path.add(reader.fixed(Bytes.HASH_BYTES, "path hash " + position));
        }
        final int headerCount = reader.unsignedShort("header count");
        if (headerCount < 1 || headerCount > Limits.MAX_HEADER_CHAIN) {
            throw new MalformedInput("a transaction proof has 1 to " + Limits.MAX_HEADER_CHAIN + " headers, got "
                    + headerCount);
        }
        final List<ByteString> headers = new ArrayList<>(headerCount);
        for (int position = 0; position < headerCount; position++) {
            headers.add(reader.bytes(Limits.MAX_BLOCK_HEADER_BYTES, "header " + position));
        }
        return new TransactionProof(new org.banyan.consensus.TransactionProof(transactionHash, index, path), headers);
    }
}
