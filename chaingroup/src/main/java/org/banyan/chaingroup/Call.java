package org.banyan.chaingroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.banyan.crypto.Address;
import org.banyan.crypto.Hex;
import org.banyan.ledger.Validator;

/**
 * One JSON call or query, {@code {"method": …, "params": {…}}}, with typed, bounded readers of its parameters. Every
 * reader throws a {@link Refusal} naming the parameter and what it must be, so handlers read their input in a few
 * lines and a bad input never reaches state.
 */
record Call(String method, ObjectNode params) {

    /** Characters of a method name; the longest is {@code requestCertification}. */
    private static final int MAX_METHOD_CHARS = 64;

    /** The call in {@code input}, refused unless it is an object with a method name and, if any, object params. */
    static Call parse(final String input) {
        final ObjectNode call = Json.parseObject(input).orElseThrow(() -> Refusal.invalid(
            "input must be a JSON object {\"method\": …, \"params\": {…}}"));
        final JsonNode method = call.get("method");
        if (method == null || !method.isTextual() || method.textValue().isEmpty()
            || method.textValue().length() > MAX_METHOD_CHARS) {
            throw Refusal.invalid("input must name its method as a string of 1 to " + MAX_METHOD_CHARS + " characters");
        }
        final JsonNode params = call.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw Refusal.invalid("params of " + method.textValue() + " must be a JSON object");
        }
        return new Call(method.textValue(), params instanceof ObjectNode object ? object : Json.object());
    }

    /** Refuses parameters other than {@code allowed}, so two calls meaning the same thing have the same params. */
    Call only(final String... allowed) {
        final Set<String> names = Set.of(allowed);
        final Iterator<String> fields = params.fieldNames();
        while (fields.hasNext()) {
            final String field = fields.next();
            if (!names.contains(field)) {
                throw Refusal.invalid(method + " takes no parameter '" + cut(field) + "'; it takes " + String.join(", ",
                    allowed));
            }
        }
        return this;
    }

    /** A required string of 1 to {@code maxChars} characters. */
    String text(final String name, final int maxChars) {
        final JsonNode value = params.get(name);
        if (value == null || !value.isTextual() || value.textValue().isEmpty() || value.textValue().length() > maxChars) {
            throw Refusal.invalid(method + " needs '" + name + "' as a string of 1 to " + maxChars + " characters");
        }
        return value.textValue();
    }

    /** An optional string of at most {@code maxChars} characters; empty when absent. */
    String optionalText(final String name, final int maxChars) {
        final JsonNode value = params.get(name);
        if (value == null) {
            return "";
        }
        if (!value.isTextual() || value.textValue().length() > maxChars) {
            throw Refusal.invalid(method + " takes '" + name + "' as a string of at most " + maxChars + " characters");
        }
        return value.textValue();
    }

    boolean bool(final String name) {
        final JsonNode value = params.get(name);
        if (value == null || !value.isBoolean()) {
            throw Refusal.invalid(method + " needs '" + name + "' as true or false");
        }
        return value.booleanValue();
    }

    /** A required whole number from {@code min} to {@code max}. */
    long number(final String name, final long min, final long max) {
        final JsonNode value = params.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
            || value.longValue() > max) {
            throw Refusal.invalid(method + " needs '" + name + "' as a whole number from " + min + " to " + max);
        }
        return value.longValue();
    }

    /** A required string that is one of {@code choices}. */
    String choice(final String name, final String... choices) {
        final String value = text(name, MAX_METHOD_CHARS);
        if (!List.of(choices).contains(value)) {
            throw Refusal.invalid(method + " needs '" + name + "' to be one of " + String.join(", ", choices)
                + ", was '" + cut(value) + "'");
        }
        return value;
    }

    /** A required BID address. */
    String address(final String name) {
        final String value = text(name, ChainGroupLimits.MAX_ADDRESS_CHARS);
        if (Address.tryParse(value).isEmpty()) {
            throw Refusal.invalid(method + " needs '" + name + "' as a BID address, was '" + value + "'");
        }
        return value;
    }

    /** A required SHA-256 hash as 64 hex characters, returned in lower case. */
    String hash(final String name) {
        final String value = text(name, 64).toLowerCase(Locale.ROOT);
        if (value.length() != 64 || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw Refusal.invalid(method + " needs '" + name + "' as a 32-byte hash in 64 hex characters");
        }
        Hex.decode(value);
        return value;
    }

    /** A required AC code: 4 lowercase letters or digits. */
    String acCode(final String name) {
        final String value = text(name, AcCode.LENGTH + 1);
        if (!AcCode.isValid(value)) {
            throw Refusal.invalid(method + " needs '" + name + "' as an AC code of " + AcCode.LENGTH
                + " lowercase letters or digits, was '" + value + "'");
        }
        return value;
    }

    /** A required validator list {@code [{public_key, power}]} of 1 to {@code max} distinct valid keys. */
    List<Validator> validators(final String name, final int max) {
        final JsonNode list = params.get(name);
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > max) {
            throw Refusal.invalid(method + " needs '" + name + "' as a list of 1 to " + max
                + " validators {\"public_key\": …, \"power\": …}");
        }
        final List<Validator> validators = new ArrayList<>();
        for (final JsonNode entry : list) {
            validators.add(validator(name, entry));
        }
        if (validators.stream().map(Validator::publicKey).distinct().count() != validators.size()) {
            throw Refusal.invalid(method + " lists a validator twice in '" + name + "'");
        }
        return validators;
    }

    /** One validator from its entry, refused unless it has a valid key and a power in the ledger's range. */
    Validator validator(final String name, final JsonNode entry) {
        final JsonNode key = entry.get("public_key");
        final JsonNode power = entry.get("power");
        if (!entry.isObject() || entry.size() != 2 || key == null || !key.isTextual()
            || key.textValue().length() > ChainGroupLimits.MAX_PUBLIC_KEY_CHARS || power == null
            || !power.isIntegralNumber() || !power.canConvertToLong()) {
            throw Refusal.invalid(method + " needs each of '" + name + "' as {\"public_key\": \"b0…\", \"power\": n}");
        }
        try {
            return new Validator(key.textValue(), power.longValue());
        } catch (final IllegalArgumentException e) {
            throw Refusal.invalid(method + ": a validator of '" + name + "' is invalid: " + e.getMessage());
        }
    }

    /** A required list of 1 to {@code max} distinct BID addresses. */
    List<String> addresses(final String name, final int max) {
        final JsonNode list = params.get(name);
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > max) {
            throw Refusal.invalid(method + " needs '" + name + "' as a list of 1 to " + max + " BID addresses");
        }
        final List<String> addresses = new ArrayList<>();
        for (final JsonNode entry : list) {
            if (!entry.isTextual() || entry.textValue().length() > ChainGroupLimits.MAX_ADDRESS_CHARS
                || Address.tryParse(entry.textValue()).isEmpty()) {
                throw Refusal.invalid(method + " needs each of '" + name + "' as a BID address");
            }
            addresses.add(entry.textValue());
        }
        if (addresses.stream().distinct().count() != addresses.size()) {
            throw Refusal.invalid(method + " lists an address twice in '" + name + "'");
        }
        return addresses;
    }

    /** A required object parameter. */
    ObjectNode object(final String name) {
        final JsonNode value = params.get(name);
        if (!(value instanceof ObjectNode object)) {
            throw Refusal.invalid(method + " needs '" + name + "' as a JSON object");
        }
        return object;
    }

    private static String cut(final String text) {
        return text.length() <= MAX_METHOD_CHARS ? text : text.substring(0, MAX_METHOD_CHARS) + "…";
    }
}
