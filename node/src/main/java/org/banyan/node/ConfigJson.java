package org.banyan.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads from a JSON config object, every failure naming the file and the field, so that a config mistake reads
 * as one clear sentence rather than a stack trace.
 */
final class ConfigJson {

    /** Largest config file read: real ones are a few kilobytes, even a genesis with thousands of accounts is far below. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode object;
    private final String source;

    private ConfigJson(final JsonNode object, final String source) {
        this.object = object;
        this.source = source;
    }

    /** Reads a JSON object from a file. */
    static ConfigJson read(final Path file) {
        try {
            final long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(file + " is " + size + " bytes; a config file may have at most "
                    + MAX_FILE_BYTES);
            }
            return parse(Files.readString(file), file.toString());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a JSON object; {@code source} names it in error messages. */
    static ConfigJson parse(final String json, final String source) {
        final JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (final JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " must hold a JSON object");
        }
        return new ConfigJson(root, source);
    }

    String requiredText(final String field) {
        return optionalText(field).orElseThrow(() -> missing(field));
    }

    Optional<String> optionalText(final String field) {
        return value(field).map(value -> {
            if (!value.isTextual()) {
                throw invalid(field, "a string");
            }
            return value.textValue();
        });
    }

    long requiredLong(final String field) {
        return optionalLong(field).orElseThrow(() -> missing(field));
    }

    Optional<Long> optionalLong(final String field) {
        return value(field).map(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw invalid(field, "a 64-bit integer");
            }
            return value.longValue();
        });
    }

    Optional<Integer> optionalInt(final String field) {
        return optionalLong(field).map(number -> {
            if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                throw invalid(field, "a 32-bit integer");
            }
            return number.intValue();
        });
    }

    Optional<Boolean> optionalBoolean(final String field) {
        return value(field).map(value -> {
            if (!value.isBoolean()) {
                throw invalid(field, "true or false");
            }
            return value.booleanValue();
        });
    }

    /** A nested object, or an empty one when absent, so that every field inside keeps its default. */
    ConfigJson object(final String field) {
        return value(field).map(value -> {
            if (!value.isObject()) {
                throw invalid(field, "a JSON object");
            }
            return new ConfigJson(value, source + " '" + field + "'");
        }).orElseGet(() -> new ConfigJson(MAPPER.createObjectNode(), source + " '" + field + "'"));
    }

    /** The elements of an array field, each as its own JSON node; empty when absent. */
    Iterable<JsonNode> array(final String field) {
        return value(field).map(value -> {
            if (!value.isArray()) {
                throw invalid(field, "a JSON array");
            }
            return (Iterable<JsonNode>) value;
        }).orElseGet(List::of);
    }

    /** An element of an array field read as an object. */
    ConfigJson element(final String field, final int index, final JsonNode element) {
        if (!element.isObject()) {
            throw new IllegalArgumentException(source + ": '" + field + "'[" + index + "] must be a JSON object");
        }
        return new ConfigJson(element, source + " '" + field + "'[" + index + "]");
    }

    /** Fails on a field name this config does not know, which is nearly always a typo. */
    void rejectUnknownFields(final Set<String> known) {
        object.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(source + ": unknown field '" + name + "'; known fields are "
                    + new TreeSet<>(known));
            }
        });
    }

    /** The names of this object's fields, in file order. */
    List<String> fieldNames() {
        final List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Whether the field is present and not null. */
    boolean has(final String field) {
        return value(field).isPresent();
    }

    String source() {
        return source;
    }

    private Optional<JsonNode> value(final String field) {
        final JsonNode value = object.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private IllegalArgumentException missing(final String field) {
        return new IllegalArgumentException(source + ": the field '" + field + "' is required");
    }

    IllegalArgumentException invalid(final String field, final String expected) {
        return new IllegalArgumentException(source + ": the field '" + field + "' must be " + expected);
    }
}
