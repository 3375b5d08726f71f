package org.banyan.identity.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.banyan.identity.json.CanonicalJson;

/**
 * A document as received: its validated model, the JSON it came as (which is what its proof signs), and that JSON in
 * canonical form (which is what the chain stores), computed once. The record keeps its own copy of the JSON.
 */
public record ParsedDocument(BidDocument document, ObjectNode json, String canonicalText) {

    public ParsedDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(canonicalText, "canonicalText");
        json = json.deepCopy();
    }

    /** A copy of the received JSON. */
    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** The bytes the document's proof signs: its canonical form without {@code proof}. */
    public byte[] signingInput() {
        return CanonicalJson.textWithout(json, DocumentProofs.PROOF_MEMBER).getBytes(StandardCharsets.UTF_8);
    }
}
