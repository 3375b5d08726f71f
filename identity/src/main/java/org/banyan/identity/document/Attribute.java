package org.banyan.identity.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@code extension.attributes} entry: a key with an optional description, encryption flag, format and value. The
 * value is free JSON (usually a string); the record keeps its own copy.
 */
public record Attribute(String key, Optional<String> desc, OptionalInt encrypt, Optional<String> format,
                        Optional<JsonNode> value) {

    public Attribute {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(desc, "desc");
        Objects.requireNonNull(encrypt, "encrypt");
        Objects.requireNonNull(format, "format");
        value = value.map(JsonNode::deepCopy);
    }

    /** A copy of the value, so the record stays immutable. */
    @Override
    public Optional<JsonNode> value() {
        return value.map(JsonNode::deepCopy);
    }
}
