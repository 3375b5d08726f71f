package org.banyan.chaingroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The JSON the contracts read and write: one mapper, and a canonical form so equal values give equal text. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectMapper CANONICAL = new ObjectMapper()
        .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** The object {@code text} holds, or empty if it is not a JSON object. */
    static Optional<ObjectNode> parseObject(final String text) {
        try {
            final JsonNode node = MAPPER.readTree(text);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (final JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A JSON object this package wrote itself; anything else in its own metadata is a bug. */
    static ObjectNode stored(final String text) {
        return parseObject(text).orElseThrow(() -> new IllegalStateException("stored chain-group JSON is corrupt: " + text));
    }

    static String write(final JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }

    /** {@code node} with object keys sorted at every level: the text two equal requests share. */
    static String canonical(final JsonNode node) {
        try {
            return CANONICAL.writeValueAsString(MAPPER.treeToValue(node, Object.class));
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }
}
