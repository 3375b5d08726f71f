package org.banyan.lightclient;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.banyan.consensus.BlockId;

/**
 * The JSON form of an {@link Anchor}, hashes in lower-case hex and the header and certificate in base64:
 * <pre>
 * {"height": 12, "block_id": "&lt;hex&gt;", "header": "&lt;base64&gt;", "certificate": "&lt;base64&gt;",
 *  "ledger_seq": 11, "ledger_hash": "&lt;hex&gt;", "state_root": "&lt;hex&gt;", "tx_count": 40, "close_time": 1700000000000000}
 * </pre>
 */
final class AnchorJson {

    private AnchorJson() {
    }

    static String write(final Anchor anchor) {
        final ObjectNode root = JsonFields.MAPPER.createObjectNode()
                .put("height", anchor.height())
                .put("block_id", Bytes.hex(anchor.blockId().bytes()))
                .put("header", Bytes.base64(anchor.header().toByteArray()))
                .put("certificate", Bytes.base64(anchor.certificate().toByteArray()))
                .put("ledger_seq", anchor.ledgerSeq())
                .put("ledger_hash", Bytes.hex(anchor.ledgerHash()))
                .put("state_root", Bytes.hex(anchor.stateRoot()))
                .put("tx_count", anchor.ledgerTransactionCount())
                .put("close_time", anchor.ledgerCloseTimeMicros());
        return JsonFields.write(root);
    }

    static Checked<Anchor> read(final String json) {
        try {
            final JsonFields root = JsonFields.parse(json, Limits.MAX_STATE_JSON_CHARS, "an anchor");
            final Anchor anchor = new Anchor(
                    root.integer("height"),
                    new BlockId(root.hash("block_id")),
                    root.base64("header", Limits.MAX_BLOCK_HEADER_BYTES),
                    root.base64("certificate", Limits.MAX_CERTIFIED_HEADER_BYTES),
                    root.integer("ledger_seq"),
                    root.hash("ledger_hash"),
                    root.hash("state_root"),
                    root.integer("tx_count"),
                    root.integer("close_time"));
            root.end();
            return Checked.ok(anchor);
        } catch (final MalformedInput e) {
            return Checked.invalid(e.getMessage());
        } catch (final IllegalArgumentException e) {
            return Checked.invalid("the anchor is inconsistent: " + e.getMessage());
        }
    }
}
