package org.banyan.lightclient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict reading of one JSON object: every field the reader asks for must be there with exactly its type, and
 * {@link #end()} refuses any field it did not ask for. Duplicate keys, trailing text and non-canonical hex or base64
 * are refused too, so each value has one JSON form and stored states round-trip byte for byte.
 */
final class JsonFields {

    /** The one mapper of the module: writes compact JSON, reads strictly. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Pattern HASH_HEX = Pattern.compile("[0-9a-f]{" + 2 * Bytes.HASH_BYTES + "}");

    private final ObjectNode node;
    private final String path;
    private final Set<String> read = new HashSet<>();

    private JsonFields(final ObjectNode node, final String path) {
        this.node = node;
        this.path = path;
    }

    /** Compact JSON text of a tree. */
    static String write(final ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The object a whole text holds, refused past {@code maxChars}. */
    static JsonFields parse(final String text, final int maxChars, final String what) throws MalformedInput {
        if (text.length() > maxChars) {
            throw new MalformedInput(what + " JSON is at most " + maxChars + " characters, got " + text.length());
        }
        final JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (final JsonProcessingException e) {
            throw new MalformedInput(what + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedInput(what + " must be a JSON object");
        }
        return new JsonFields((ObjectNode) root, what);
    }

    long integer(final String name) throws MalformedInput {
        final JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrong(name, "a 64-bit integer");
        }
        return value.longValue();
    }

    String text(final String name) throws MalformedInput {
        final JsonNode value = required(name);
        if (!value.isTextual()) {
            throw wrong(name, "a string");
        }
        return value.textValue();
    }

    ByteString hash(final String name) throws MalformedInput {
        final String text = text(name);
        if (!HASH_HEX.matcher(text).matches()) {
            throw wrong(name, Bytes.HASH_BYTES + " bytes in lower-case hex");
        }
        return ByteString.fromHex(text);
    }

    ByteString base64(final String name, final int maxBytes) throws MalformedInput {
        final Optional<byte[]> bytes = Bytes.fromBase64(text(name), maxBytes);
        if (bytes.isEmpty()) {
            throw wrong(name, "canonical base64 of at most " + maxBytes + " bytes");
        }
        return ByteString.copyFrom(bytes.get());
    }

    boolean has(final String name) {
        return node.has(name);
    }

    JsonFields object(final String name) throws MalformedInput {
        final JsonNode value = required(name);
        if (!value.isObject()) {
            throw wrong(name, "an object");
        }
        return new JsonFields((ObjectNode) value, path + "." + name);
    }

    List<JsonFields> objects(final String name, final int maxItems) throws MalformedInput {
        final JsonNode value = required(name);
        if (!value.isArray()) {
            throw wrong(name, "an array");
        }
        if (value.size() > maxItems) {
            throw wrong(name, "an array of at most " + maxItems + " items, got " + value.size());
        }
        final List<JsonFields> elements = new ArrayList<>(value.size());
        for (int index = 0; index < value.size(); index++) {
            final JsonNode element = value.get(index);
            final String elementPath = path + "." + name + "[" + index + "]";
            if (!element.isObject()) {
                throw new MalformedInput(elementPath + " must be an object");
            }
            elements.add(new JsonFields((ObjectNode) element, elementPath));
        }
        return elements;
    }

    /** Refuses the fields nobody asked for. */
    void end() throws MalformedInput {
        for (final Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            final String name = names.next();
            if (!read.contains(name)) {
                throw new MalformedInput(path + " has an unknown field \"" + name + "\"");
            }
        }
    }

    private JsonNode required(final String name) throws MalformedInput {
        read.add(name);
        final JsonNode value = node.get(name);
        if (value == null) {
            throw new MalformedInput(path + " lacks the field \"" + name + "\"");
        }
        return value;
    }

    private MalformedInput wrong(final String name, final String expected) {
        return new MalformedInput(path + "." + name + " must be " + expected);
    }
}
