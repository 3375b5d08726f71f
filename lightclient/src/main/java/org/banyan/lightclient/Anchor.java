package org.banyan.lightclient;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Objects;
import org.banyan.consensus.BlockId;
import org.banyan.protocol.consensus.BlockHeader;
import org.banyan.protocol.consensus.CommitCertificate;

/**
 * What a light client keeps of one accepted height H (design section 2): the block's id, its header and certificate
 * exactly as verified, and the ledger H - 1 the header commits to (its seq, its header hash, its state root, and its
 * transaction total and close time). Proofs of the followed chain's transactions and state are checked against these.
 *
 * <p>The certificate is kept, beyond the design's list, so that misbehaviour evidence holds both certificates. The
 * constructor checks that header, certificate, height and block id agree, so an anchor read back from storage is one
 * that could have been accepted.
 *
 * @param ledgerTransactionCount transactions the followed chain had executed up to ledger H - 1 ({@code tx_count})
 * @param ledgerCloseTimeMicros the close time of ledger H - 1, microseconds since the epoch
 */
public record Anchor(long height, BlockId blockId, ByteString header, ByteString certificate, long ledgerSeq,
                     ByteString ledgerHash, ByteString stateRoot, long ledgerTransactionCount,
                     long ledgerCloseTimeMicros) {

    /**
     * @throws IllegalArgumentException if the header or certificate bytes do not parse, are not for this height and
     *     block id, the ledger is not H - 1, or a hash is not 32 bytes
     */
    public Anchor {
        Objects.requireNonNull(blockId, "blockId");
        requireHash(ledgerHash, "ledger hash");
        requireHash(stateRoot, "state root");
        if (height < 1) {
            throw new IllegalArgumentException("an anchored height is at least 1, got " + height);
        }
        if (ledgerSeq != height - 1) {
            throw new IllegalArgumentException("the anchor of height " + height + " holds ledger " + (height - 1)
                    + ", not " + ledgerSeq);
        }
        final BlockHeader parsedHeader = parse(header, Limits.MAX_BLOCK_HEADER_BYTES, "header",
                BlockHeader.parser()::parseFrom);
        if (parsedHeader.getHeight() != height || !BlockId.of(parsedHeader).equals(blockId)) {
            throw new IllegalArgumentException("the anchored header is not block " + blockId + " at height " + height);
        }
        final CommitCertificate parsedCertificate = parse(certificate, Limits.MAX_CERTIFIED_HEADER_BYTES,
                "certificate", CommitCertificate.parser()::parseFrom);
        if (parsedCertificate.getHeight() != height || !parsedCertificate.getBlockId().equals(blockId.bytes())) {
            throw new IllegalArgumentException("the anchored certificate is not for block " + blockId + " at height "
                    + height);
        }
    }

    /** This anchor as the JSON text chain-group contracts store. */
    public String toJson() {
        return AnchorJson.write(this);
    }

    /** Parses {@link #toJson()} output strictly: unknown, missing or mistyped fields are refused, never guessed. */
    public static Checked<Anchor> fromJson(final String json) {
        return AnchorJson.read(json);
    }

    private interface Parser<T> {
        T parse(ByteString bytes) throws InvalidProtocolBufferException;
    }

    private static <T> T parse(final ByteString bytes, final int maxBytes, final String what, final Parser<T> parser) {
        if (bytes.size() > maxBytes) {
            throw new IllegalArgumentException("an anchored " + what + " is at most " + maxBytes + " bytes, got "
                    + bytes.size());
        }
        try {
            return parser.parse(bytes);
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the anchored " + what + " does not parse: " + e.getMessage(), e);
        }
    }

    private static void requireHash(final ByteString hash, final String what) {
        Objects.requireNonNull(hash, what);
        if (hash.size() != Bytes.HASH_BYTES) {
            throw new IllegalArgumentException("a " + what + " has " + Bytes.HASH_BYTES + " bytes, got " + hash.size());
        }
    }
}
