package org.banyan.identity.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.banyan.identity.json.CanonicalJson;

/**
 * A document as received: its validated model, and the JSON it came as, which is what its proof signs and what the
 * chain stores. The record keeps its own copy of the JSON.
 */
public record ParsedDocument(BidDocument document, ObjectNode json) {

    public ParsedDocument {
        Objects.requireNonNull(document, "document");
        json = json.deepCopy();
    }

    /** A copy of the received JSON. */
    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** The received JSON in canonical form, proof included: what the chain stores. */
    public String canonicalText() {
        return CanonicalJson.text(json);
    }

    /** The bytes the document's proof signs: its canonical form without {@code proof}. */
    public byte[] signingInput() {
        return CanonicalJson.textWithout(json, DocumentProofs.PROOF_MEMBER).getBytes(StandardCharsets.UTF_8);
    }
}
