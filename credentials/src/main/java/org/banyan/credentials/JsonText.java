package org.banyan.credentials;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Bounded JSON parsing and compact writing on the Jakarta JSON provider that titanium-json-ld uses.
 *
 * <p>Parsing makes two passes. The first streams the events without building anything, so that
 * it can reject oversized text, nesting past {@link Limits#MAX_JSON_NESTING_DEPTH} and repeated
 * member names before the recursive tree reader runs. Repeated names matter for signed data:
 * the reader keeps the last value, while another implementation may keep the first, and the two
 * would then disagree about what was signed.
 */
final class JsonText {

    /** Looked up once: {@code JsonProvider.provider()} runs a service-loader scan on every call. */
    static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonText() {
    }

    /**
     * Parses a JSON object within the caps.
     *
     * @param what names the input in error messages, e.g. "the credential"
     * @throws CredentialException with {@link ProblemType#PARSING_ERROR} if the text is too long, too
     *     deep, not JSON, not an object, or repeats a member name
     */
    static JsonObject parseObject(final String text, final String what) {
        if (text.length() > Limits.MAX_JSON_LENGTH_CHARS) {
            throw new CredentialException(ProblemType.PARSING_ERROR, what + " has " + text.length()
                    + " characters; at most " + Limits.MAX_JSON_LENGTH_CHARS + " are accepted");
        }
        try {
            checkStructure(text, what);
            try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
                return reader.readObject();
            }
        } catch (JsonException | IllegalStateException e) {
            throw new CredentialException(ProblemType.PARSING_ERROR, what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Compact JSON text: no whitespace, members in insertion order. */
    static String write(final JsonValue value) {
        return value.toString();
    }

    private static void checkStructure(final String text, final String what) {
        final Deque<Set<String>> openObjectNames = new ArrayDeque<>();
        int depth = 0;
        boolean first = true;
        try (JsonParser parser = PROVIDER.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                final JsonParser.Event event = parser.next();
                if (first && event != JsonParser.Event.START_OBJECT) {
                    throw new CredentialException(ProblemType.PARSING_ERROR, what + " must be a JSON object");
                }
                first = false;
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (depth > Limits.MAX_JSON_NESTING_DEPTH) {
                            throw new CredentialException(ProblemType.PARSING_ERROR, what + " nests deeper than "
                                    + Limits.MAX_JSON_NESTING_DEPTH + " levels of objects and arrays");
                        }
                        openObjectNames.push(event == JsonParser.Event.START_OBJECT ? new HashSet<>() : Set.of());
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        openObjectNames.pop();
                    }
                    case KEY_NAME -> {
                        if (!openObjectNames.peek().add(parser.getString())) {
                            throw new CredentialException(ProblemType.PARSING_ERROR,
                                    what + " repeats the member name \"" + parser.getString() + "\"");
                        }
                    }
                    default -> {
                        // Scalars need no structural check.
                    }
                }
            }
        }
        if (first) {
            throw new CredentialException(ProblemType.PARSING_ERROR, what + " is empty");
        }
    }
}
