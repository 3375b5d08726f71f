package org.banyan.identity.ddo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.banyan.identity.BidResult;
import org.banyan.identity.json.CanonicalJson;
import org.banyan.identity.json.StrictJson;

/**
 * What the DDO contract stores for one BID, in its account's metadata under the BID: the document as it was
 * signed (canonical JSON), its creation and last update times, whether it is deactivated, and the ledger that last
 * changed it. A deactivated BID keeps its record, emptied of its document, so it can never be created again.
 *
 * @param documentJson the document's canonical JSON; empty once deactivated
 * @param updated the document's {@code updated}, or the close time of the ledger that deactivated it
 * @param ledgerSeq the ledger that last changed the record: the resolver's {@code versionId}
 */
public record BidRecord(String id, Optional<String> documentJson, String created, String updated, boolean deactivated,
                        long ledgerSeq) {

    public BidRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentJson, "documentJson");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        if (deactivated == documentJson.isPresent()) {
            throw new IllegalArgumentException("a record has a document exactly when it is not deactivated");
        }
    }

    /** The record's JSON, canonical, as stored and as the {@code resolve} query returns it. */
    public String toJson() {
        final ObjectNode json = StrictJson.object().put("id", id);
        documentJson.ifPresent(document -> json.set("document", StrictJson.parse(document).value()));
        json.put("created", created).put("updated", updated).put("deactivated", deactivated).put("ledgerSeq", ledgerSeq);
        return CanonicalJson.text(json);
    }

    /** Reads a record from its JSON; a {@link org.banyan.identity.ResultCode#PROTOCOL_ERROR} if it is not one. */
    public static BidResult<BidRecord> parse(final String text) {
        return StrictJson.parseObject(text).then(json -> {
            final JsonNode id = json.path("id");
            final JsonNode created = json.path("created");
            final JsonNode updated = json.path("updated");
            final JsonNode deactivated = json.path("deactivated");
            final JsonNode ledgerSeq = json.path("ledgerSeq");
            final JsonNode document = json.path("document");
            if (!id.isTextual() || !created.isTextual() || !updated.isTextual() || !deactivated.isBoolean()
                || !ledgerSeq.canConvertToLong() || deactivated.booleanValue() != document.isMissingNode()
                || !(document.isMissingNode() || document.isObject())) {
                return BidResult.failed(org.banyan.identity.ResultCode.PROTOCOL_ERROR, "not a BID record: " + text);
            }
            return BidResult.ok(new BidRecord(id.textValue(),
                document.isMissingNode() ? Optional.empty() : Optional.of(CanonicalJson.text(document)),
                created.textValue(), updated.textValue(), deactivated.booleanValue(), ledgerSeq.longValue()));
        });
    }
}
