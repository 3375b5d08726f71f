package org.banyan.consensus;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.BlockHeader;

/**
 * A block's id: SHA-256 of the tag {@code banyan/block-header/v1} and the bytes of the block's header
 * ({@link BlockHeaders}). Java protobuf writes known fields in field-number order and {@code BlockHeader} has no map
 * fields, so one header has one encoding. Through the header's commitments the id still commits to every field of the
 * block, transactions included, while a light client can recompute it from the header alone.
 */
public record BlockId(ByteString bytes) {

    /** Length of an id. */
    public static final int LENGTH_BYTES = 32;

    public BlockId {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.size() != LENGTH_BYTES) {
            throw new IllegalArgumentException("a block id has " + LENGTH_BYTES + " bytes, got " + bytes.size());
        }
    }

    private static final byte[] HEADER_DOMAIN_TAG = "banyan/block-header/v1".getBytes(StandardCharsets.US_ASCII);

    /** The id of a block: that of its header. */
    public static BlockId of(final Block block) {
        return of(BlockHeaders.of(block));
    }

    /** The id of a block header. */
    public static BlockId of(final BlockHeader header) {
        return new BlockId(ByteString.copyFrom(Hashes.sha256(HEADER_DOMAIN_TAG, header.toByteArray())));
    }

    /**
     * The value a vote's {@code block_id} field names: empty for nil.
     *
     * @throws IllegalArgumentException if the field is neither empty nor an id
     */
    public static Optional<BlockId> ofVoteField(final ByteString field) {
        return field.isEmpty() ? Optional.empty() : Optional.of(new BlockId(field));
    }

    /** The {@code block_id} field of a vote for this value: empty bytes for nil. */
    public static ByteString toVoteField(final Optional<BlockId> value) {
        return value.map(BlockId::bytes).orElse(ByteString.EMPTY);
    }

    /** The first 8 bytes in hex, enough to tell ids apart in logs. */
    @Override
    public String toString() {
        return Hex.encode(bytes.substring(0, 8).toByteArray());
    }
}
