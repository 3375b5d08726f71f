package org.banyan.credentials;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed reads of JSON object members, for code that must tell "absent" from "wrong type". */
final class JsonMembers {

    private JsonMembers() {
    }

    /** The member as a string; empty if absent or not a string. */
    static Optional<String> string(final JsonObject object, final String name) {
        final JsonValue value = object.get(name);
        return value instanceof JsonString ? Optional.of(((JsonString) value).getString()) : Optional.empty();
    }

    /** Whether the member is present with any value. */
    static boolean has(final JsonObject object, final String name) {
        return object.containsKey(name);
    }

    /**
     * The values of a member that may be one value or an array of them; empty when absent.
     * An array of arrays is returned as is, for the caller to reject.
     */
    static List<JsonValue> oneOrMany(final JsonObject object, final String name) {
        final JsonValue value = object.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonArray) {
            return new ArrayList<>((JsonArray) value);
        }
        return List.of(value);
    }

    /** The strings of a one-or-many member; empty if any value is not a string. */
    static Optional<List<String>> strings(final JsonObject object, final String name) {
        final List<String> strings = new ArrayList<>();
        for (final JsonValue value : oneOrMany(object, name)) {
            if (!(value instanceof JsonString)) {
                return Optional.empty();
            }
            strings.add(((JsonString) value).getString());
        }
        return Optional.of(strings);
    }

    /** A copy of the object without the named members. */
    static JsonObject without(final JsonObject object, final String... names) {
        final var builder = JsonText.PROVIDER.createObjectBuilder(object);
        for (final String name : names) {
            builder.remove(name);
        }
        return builder.build();
    }
}
