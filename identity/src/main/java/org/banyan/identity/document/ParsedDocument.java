package org.banyan.identity.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

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
}
