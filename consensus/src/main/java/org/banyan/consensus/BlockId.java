package org.banyan.consensus;

import com.google.protobuf.ByteString;
import java.util.Objects;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.protocol.consensus.Block;

/**
 * A block's id: SHA-256 of the block's protobuf bytes. Java protobuf writes known fields in field-number order and
 * {@code Block} has no map fields, so one block has one encoding; the id commits to every field, transactions included.
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

    /** The id of a block. */
    public static BlockId of(final Block block) {
        return new BlockId(ByteString.copyFrom(Hashes.sha256(block.toByteArray())));
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
