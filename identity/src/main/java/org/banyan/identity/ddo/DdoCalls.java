package org.banyan.identity.ddo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.DocumentProofs;
import org.banyan.identity.document.Proof;
import org.banyan.identity.json.CanonicalJson;
import org.banyan.identity.json.StrictJson;

/**
 * The JSON inputs of DDO contract calls and queries, as the BID SDK sends them. Submit a call as a PAY_COIN of
 * amount 0 to {@link DdoContract#ADDRESS} with the input; run a query with {@code Ledger.query(ADDRESS, input)}.
 */
public final class DdoCalls {

    /** The DDO method names. */
    public static final String CREATION = "creation";
    /** Updates a document (not its authentication or recovery keys). */
    public static final String UPDATE = "update";
    /** Deactivates a BID with a recovery key. */
    public static final String DELETE = "delete";
    /** Replaces keys with a recovery key. */
    public static final String RECOVERY = "recovery";
    /** Reads a document (BIF). */
    public static final String QUERY_BID = "queryBid";
    /** Reads a document's whole record, deactivation and version included (Banyan). */
    public static final String RESOLVE = "resolve";

    private DdoCalls() {
    }

    /** {@code {"method":"creation","params":{"document":…}}}. */
    public static String creation(final BidDocument document) {
        return withDocument(CREATION, document);
    }

    /** A creation of several documents in one call: {@code {"method":"creation","params":{"documents":[…]}}}. */
    public static String creation(final List<BidDocument> documents) {
        final ObjectNode call = StrictJson.object().put("method", CREATION);
        final ArrayNode array = call.putObject("params").putArray("documents");
        documents.forEach(document -> array.add(BidDocumentCodec.toJson(document)));
        return StrictJson.write(call);
    }

    /** {@code {"method":"update","params":{"document":…}}}. */
    public static String update(final BidDocument document) {
        return withDocument(UPDATE, document);
    }

    /** {@code {"method":"recovery","params":{"document":…}}}, the document signed by a recovery key. */
    public static String recovery(final BidDocument document) {
        return withDocument(RECOVERY, document);
    }

    /** {@code {"method":"delete","params":{"id":…,"proof":{…}}}}. */
    public static String delete(final String bid, final Proof proof) {
        final ObjectNode call = StrictJson.object().put("method", DELETE);
        call.putObject("params").put("id", bid).putObject("proof")
            .put("creator", proof.creator()).put("signatureValue", proof.signatureValue());
        return StrictJson.write(call);
    }

    /**
     * The proof of a delete: the recovery key's signature over the RFC-004 §6.1.3 request body without its proof,
     * {@code {"id":…,"operation":"delete"}}, in canonical form.
     */
    public static Proof deleteProof(final String bid, final PrivateKey recoveryKey, final String creator) {
        return new Proof(creator, DocumentProofs.signatureValue(deleteBody(bid), recoveryKey));
    }

    /** {@code {"method":"queryBid","params":{"id":…}}}. */
    public static String queryBid(final String bid) {
        return query(QUERY_BID, bid);
    }

    /** {@code {"method":"resolve","params":{"id":…}}}. */
    public static String resolve(final String bid) {
        return query(RESOLVE, bid);
    }

    /** The body a delete proof signs. */
    static ObjectNode deleteBody(final String bid) {
        return StrictJson.object().put("id", bid).put("operation", DELETE);
    }

    private static String query(final String method, final String bid) {
        final ObjectNode call = StrictJson.object().put("method", method);
        call.putObject("params").put("id", bid);
        return CanonicalJson.text(call);
    }

    private static String withDocument(final String method, final BidDocument document) {
        final ObjectNode call = StrictJson.object().put("method", method);
        call.putObject("params").set("document", BidDocumentCodec.toJson(document));
        return StrictJson.write(call);
    }
}
