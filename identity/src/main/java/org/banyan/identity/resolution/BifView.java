package org.banyan.identity.resolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Function;
import org.banyan.crypto.BidSyntax;
import org.banyan.identity.BidError;
import org.banyan.identity.BidResult;
import org.banyan.identity.ResultCode;
import org.banyan.identity.ddo.BidRecord;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.DocumentProofs;
import org.banyan.identity.json.StrictJson;

/**
 * The BIF resolution view (RFC-005 §5.1–5.2), as pure functions of a BID and a directory: {@code GET /{bid}} and its
 * field sub-paths. Documents are served exactly as stored, so their proofs verify. Every answer is HTTP 200 with
 * {@code errorCode}: 0 with {@code data}, or a {@link ResultCode} with {@code message}: 4 for text that is not a BID,
 * 6 for a BID without a document (a deactivated one included: BIF has no deactivated code, and its clients read 6
 * as "no document"), 8 for a field the document does not have.
 */
public final class BifView {

    /** The resolution protocol version the sub-path answers carry in {@code data.version}. */
    public static final String PROTOCOL_VERSION = "1.0.0";

    private BifView() {
    }

    /** {@code GET /{bid}}: {@code data.didDocument}. */
    public static BifResponse document(final String bid, final Function<String, BidResult<BidRecord>> directory) {
        return answer(live(bid, directory).then(document -> {
            final ObjectNode data = StrictJson.object();
            data.set("didDocument", document);
            return BidResult.ok(data);
        }));
    }

    /**
     * {@code GET /{bid}?verify=true}, trusted resolution: {@code data.didDocument} plus {@code data.verify}, the
     * resolver's check of the document against its own keys ({@link DocumentProofs#checkOwnProof}):
     * {@code {"verified": true|false, "detail": "…", "delegateSign": "absent"|"not checked"}}. A delegate's
     * signature ({@code extension.delegateSign}) is reported, not checked: RFC-005 does not say what it signs.
     */
    public static BifResponse verifiedDocument(final String bid,
                                               final Function<String, BidResult<BidRecord>> directory) {
        return answer(live(bid, directory).then(document -> BidDocumentCodec.parse(document).then(parsed -> {
            final Optional<String> problem = DocumentProofs.checkOwnProof(parsed);
            final ObjectNode data = StrictJson.object();
            data.set("didDocument", document);
            data.putObject("verify").put("verified", problem.isEmpty())
                .put("detail", problem.orElse("the proof by " + parsed.document().proof().orElseThrow().creator()
                    + " verifies with the document's own key"))
                .put("delegateSign", parsed.document().extension().delegateSign().isPresent() ? "not checked" : "absent");
            return BidResult.ok(data);
        })));
    }

    /** {@code GET /{bid}/public-keys}: {@code data.publicKey}, all keys. */
    public static BifResponse publicKeys(final String bid, final Function<String, BidResult<BidRecord>> directory) {
        return field(bid, directory, "publicKey", "publicKey", Optional.empty());
    }

    /** {@code GET /{bid}/public-keys/{keyId}}: {@code data.publicKey}, the key with that id or {@code #} name. */
    public static BifResponse publicKey(final String bid, final String keyId,
                                        final Function<String, BidResult<BidRecord>> directory) {
        return field(bid, directory, "publicKey", "publicKey", Optional.of(keyId));
    }

    /** {@code GET /{bid}/attributes}: {@code data.attributes}. */
    public static BifResponse attributes(final String bid, final Function<String, BidResult<BidRecord>> directory) {
        return field(bid, directory, "extension.attributes", "attributes", Optional.empty());
    }

    /** {@code GET /{bid}/acsns}: {@code data.acsns}. */
    public static BifResponse acsns(final String bid, final Function<String, BidResult<BidRecord>> directory) {
        return field(bid, directory, "extension.acsns", "acsns", Optional.empty());
    }

    /** {@code GET /{bid}/verifiableCredentials}: {@code data.verifiableCredentials}. */
    public static BifResponse verifiableCredentials(final String bid,
                                                    final Function<String, BidResult<BidRecord>> directory) {
        return field(bid, directory, "extension.verifiableCredentials", "verifiableCredentials", Optional.empty());
    }

    /**
     * {@code GET /{bid}/services?id=}: {@code data.service}, the service with that id or {@code #} name, or all of
     * them as an array when no id is given.
     */
    public static BifResponse services(final String bid, final Optional<String> serviceId,
                                       final Function<String, BidResult<BidRecord>> directory) {
        return field(bid, directory, "service", "service", serviceId);
    }

    private static BifResponse field(final String bid, final Function<String, BidResult<BidRecord>> directory,
                                     final String path, final String name, final Optional<String> entryId) {
        return answer(live(bid, directory).then(document -> {
            JsonNode value = document;
            for (final String member : path.split("\\.")) {
                value = value.path(member);
            }
            if (value.isMissingNode()) {
                return BidResult.failed(ResultCode.FIELD_NOT_FOUND, bid + " has no " + path);
            }
            final Optional<JsonNode> selected = entryId.isEmpty() ? Optional.of(value) : entry(value, bid, entryId.get());
            if (selected.isEmpty()) {
                return BidResult.failed(ResultCode.FIELD_NOT_FOUND, bid + " has no " + path + " entry " + entryId.get());
            }
            final ObjectNode data = StrictJson.object().put("version", PROTOCOL_VERSION).put("id", bid);
            data.set(name, selected.get());
            return BidResult.ok(data);
        }));
    }

    /** The entry of a list whose id is {@code entryId}, or {@code <bid>#entryId}. */
    private static Optional<JsonNode> entry(final JsonNode list, final String bid, final String entryId) {
        for (final JsonNode entry : (ArrayNode) list) {
            final String id = entry.path("id").asText();
            if (id.equals(entryId) || id.endsWith("#" + entryId)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The stored document of a live BID. */
    private static BidResult<ObjectNode> live(final String bid, final Function<String, BidResult<BidRecord>> directory) {
        if (!BidSyntax.isValid(bid)) {
            return BidResult.failed(ResultCode.PROTOCOL_ERROR, "'" + bid + "' is not a BID");
        }
        return directory.apply(bid).then(record -> record.documentJson()
            .<BidResult<ObjectNode>>map(json -> StrictJson.parseObject(json))
            .orElse(BidResult.failed(ResultCode.NOT_FOUND, bid + " is deactivated")));
    }

    private static BifResponse answer(final BidResult<ObjectNode> data) {
        final ObjectNode body = StrictJson.object();
        if (data.isOk()) {
            body.put("errorCode", ResultCode.SUCCESS.number()).put("message", ResultCode.SUCCESS.title());
            body.set("data", data.value());
            return new BifResponse(ResultCode.SUCCESS.number(), StrictJson.write(body));
        }
        final BidError error = data.error();
        body.put("errorCode", error.code().number()).put("message", error.message());
        return new BifResponse(error.code().number(), StrictJson.write(body));
    }
}
