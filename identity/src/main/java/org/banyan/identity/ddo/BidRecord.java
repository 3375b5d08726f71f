package org.banyan.identity.ddo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import org.banyan.identity.BidResult;
import org.banyan.identity.json.CanonicalJson;
import org.banyan.identity.json.EcmaNumbers;
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

    /** The key of a BID's record in the DDO contract account's metadata: the BID itself. */
    public static String storageKey(final String bid) {
        return bid;
    }

    /**
     * The record's JSON, canonical, as stored and as the {@code resolve} query returns it. The document is already
     * canonical text, so it is spliced in rather than parsed again; members are in canonical (sorted) order.
     */
    public String toJson() {
        final StringBuilder json = new StringBuilder(documentJson.map(String::length).orElse(0) + 160)
            .append("{\"created\":").append(CanonicalJson.string(created))
            .append(",\"deactivated\":").append(deactivated);
        documentJson.ifPresent(document -> json.append(",\"document\":").append(document));
        return json.append(",\"id\":").append(CanonicalJson.string(id))
            .append(",\"ledgerSeq\":").append(EcmaNumbers.format(ledgerSeq))
            .append(",\"updated\":").append(CanonicalJson.string(updated)).append('}').toString();
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
