package org.banyan.lightclient;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Objects;
import org.banyan.protocol.Account;
import org.banyan.protocol.LedgerHeader;

/**
 * One account of the followed chain, or its absence, at the ledger an anchor commits to (ledger H - 1 of anchored
 * height H): that ledger's header, whose hash must be the anchor's ledger hash, and the account part against the
 * header's {@code account_tree_hash}.
 */
public record AccountStateProof(ByteString ledgerHeader, AccountProof account) {

    /** Encoded bytes at most: the kind, the length-prefixed ledger header and the account part at their caps. */
    public static final int MAX_ENCODED_BYTES =
            1 + Integer.BYTES + Limits.MAX_LEDGER_HEADER_BYTES + AccountProof.MAX_ENCODED_BYTES;

    /** The framing of the encoding, which opens with kind byte 3. */
    private static final ProofFormat<AccountStateProof> FORMAT = new ProofFormat<>((byte) 3, MAX_ENCODED_BYTES,
            "an account state proof", reader -> new AccountStateProof(
                    reader.bytes(Limits.MAX_LEDGER_HEADER_BYTES, "ledger header"), AccountProof.readFrom(reader)));

    /** @throws IllegalArgumentException if the ledger header is past its cap */
    public AccountStateProof {
        Objects.requireNonNull(ledgerHeader, "ledgerHeader");
        Objects.requireNonNull(account, "account");
        AccountProof.requireAtMost(ledgerHeader, Limits.MAX_LEDGER_HEADER_BYTES, "ledger header");
    }

    /** What this proves about {@code address} in the ledger {@code anchor} commits to. */
    public Proven<Account> verify(final Anchor anchor, final String address) {
        final LedgerHeader header;
        try {
            header = LedgerHeader.parseFrom(ledgerHeader);
        } catch (final InvalidProtocolBufferException e) {
            return new Proven.Invalid<>("the ledger header does not parse: " + e.getMessage());
        }
        final ByteString hash = ByteString.copyFrom(LedgerRules.headerHash(header));
        if (!header.getHash().isEmpty() && !header.getHash().equals(hash)) {
            return new Proven.Invalid<>("the ledger header's hash field " + Bytes.hex(header.getHash())
                    + " is not its hash " + Bytes.hex(hash));
        }
        if (!hash.equals(anchor.ledgerHash()) || header.getSeq() != anchor.ledgerSeq()) {
            return new Proven.Invalid<>("the proof's ledger " + header.getSeq() + " with hash " + Bytes.hex(hash)
                    + " is not the anchored ledger " + anchor.ledgerSeq() + " with hash "
                    + Bytes.hex(anchor.ledgerHash()));
        }
        return account.verify(header.getAccountTreeHash(), address);
    }

    /** The compact binary form. */
    public byte[] encode() {
        final ProofWriter writer = FORMAT.writer().bytes(ledgerHeader);
        account.writeTo(writer);
        return writer.toByteArray();
    }

    /** Parses {@link #encode()} output; anything else, truncated, padded or past a cap, is refused with the reason. */
    public static Checked<AccountStateProof> decode(final byte[] bytes) {
        return FORMAT.decode(bytes);
    }

    /** The binary form in base64, as JSON carries it. */
    public String toBase64() {
        return Bytes.base64(encode());
    }

    /** Parses {@link #toBase64()} output. */
    public static Checked<AccountStateProof> fromBase64(final String base64) {
        return FORMAT.fromBase64(base64);
    }
}
