package org.banyan.identity.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.banyan.identity.BidError;
import org.banyan.identity.ResultCode;

/**
 * Typed, strict reads of one JSON object's members, naming each member by its path in error messages. A missing
 * required member is {@link ResultCode#FIELD_NOT_FOUND}; a member of the wrong type or value, or one not in the
 * object's known set, is a {@link ResultCode#PROTOCOL_ERROR}.
 */
final class JsonFields {

    private final ObjectNode node;
    private final String path;

    private JsonFields(final ObjectNode node, final String path) {
        this.node = node;
        this.path = path;
    }

    /** The members of {@code value}, which must be an object whose member names are all in {@code known}. */
    static JsonFields of(final JsonNode value, final String path, final Set<String> known) {
        if (!(value instanceof ObjectNode object)) {
            throw protocol(path + " must be a JSON object");
        }
        final Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            final String name = names.next();
            if (!known.contains(name)) {
                throw protocol(path + " has the unknown member '" + name + "'; allowed are " + new java.util.TreeSet<>(known));
            }
        }
        return new JsonFields(object, path);
    }

    String path(final String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    Optional<JsonNode> optional(final String name) {
        final JsonNode value = node.get(name);
        return value == null ? Optional.empty() : Optional.of(value);
    }

    JsonNode required(final String name) {
        return optional(name).orElseThrow(() -> new InvalidDocumentException(
            new BidError(ResultCode.FIELD_NOT_FOUND, "the required member " + path(name) + " is missing")));
    }

    String requiredString(final String name) {
        return text(required(name), path(name));
    }

    Optional<String> optionalString(final String name) {
        return optional(name).map(value -> text(value, path(name)));
    }

    long requiredInteger(final String name) {
        return integer(required(name), path(name));
    }

    OptionalLong optionalInteger(final String name) {
        final Optional<JsonNode> value = optional(name);
        return value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(integer(value.get(), path(name)));
    }

    /** The elements of an array member, absent meaning empty, at most {@link DocumentLimits#MAX_LIST_ENTRIES}. */
    List<JsonNode> list(final String name) {
        final Optional<JsonNode> value = optional(name);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!value.get().isArray()) {
            throw protocol(path(name) + " must be a JSON array");
        }
        if (value.get().size() > DocumentLimits.MAX_LIST_ENTRIES) {
            throw protocol(path(name) + " has " + value.get().size() + " entries; at most "
                + DocumentLimits.MAX_LIST_ENTRIES + " are allowed");
        }
        final List<JsonNode> elements = new ArrayList<>(value.get().size());
        value.get().forEach(elements::add);
        return elements;
    }

    /** A required array member with at least one element. */
    List<JsonNode> requiredList(final String name) {
        required(name);
        final List<JsonNode> elements = list(name);
        if (elements.isEmpty()) {
            throw protocol(path(name) + " must not be empty");
        }
        return elements;
    }

    /** A list member of strings. */
    List<String> strings(final String name, final boolean required) {
        final List<JsonNode> elements = required ? requiredList(name) : list(name);
        final List<String> strings = new ArrayList<>(elements.size());
        for (int index = 0; index < elements.size(); index++) {
            strings.add(text(elements.get(index), path(name) + "[" + index + "]"));
        }
        return strings;
    }

    static String text(final JsonNode value, final String path) {
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw protocol(path + " must be a non-empty string");
        }
        return value.textValue();
    }

    static long integer(final JsonNode value, final String path) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw protocol(path + " must be an integer, was " + value);
        }
        return value.longValue();
    }

    static InvalidDocumentException protocol(final String message) {
        return new InvalidDocumentException(new BidError(ResultCode.PROTOCOL_ERROR, message));
    }
}
