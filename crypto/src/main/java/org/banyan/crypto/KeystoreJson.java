package org.banyan.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict reader for the small JSON subset a keystore uses: objects whose members are strings,
 * non-negative integers or objects, nested at most {@link #MAX_DEPTH} deep. Anything else (arrays,
 * booleans, null, fractions, duplicate names, trailing text) is rejected with the position, so a
 * malformed keystore fails loudly instead of being half-read.
 */
final class KeystoreJson {

    /** Deepest object nesting a keystore needs: the document and its {@code scrypt_params}. */
    static final int MAX_DEPTH = 2;

    /** Most digits in an integer member; 18 digits always fit a {@code long}. */
    static final int MAX_INTEGER_DIGITS = 18;

    private final String text;
    private int position;

    private KeystoreJson(final String text) {
        this.text = text;
    }

    /**
     * Reads one JSON object; values are {@code String}, {@code Long} or a nested {@code Map}.
     *
     * @throws IllegalArgumentException if the text is not JSON in the supported subset
     */
    static Map<String, Object> readObject(final String text) {
        final KeystoreJson reader = new KeystoreJson(text);
        reader.skipWhitespace();
        final Map<String, Object> object = reader.object(1);
        reader.skipWhitespace();
        if (reader.position != text.length()) {
            throw reader.error("unexpected text after the keystore object");
        }
        return object;
    }

    private Map<String, Object> object(final int depth) {
        if (depth > MAX_DEPTH) {
            throw error("objects nest deeper than " + MAX_DEPTH + " levels");
        }
        expect('{');
        final Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return members;
        }
        while (true) {
            skipWhitespace();
            final String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (members.put(name, value(depth)) != null) {
                throw error("duplicate member \"" + name + "\"");
            }
            skipWhitespace();
            if (peek() == '}') {
                position++;
                return members;
            }
            expect(',');
        }
    }

    private Object value(final int depth) {
        final char next = peek();
        if (next == '"') {
            return string();
        }
        if (next == '{') {
            return object(depth + 1);
        }
        if (next >= '0' && next <= '9') {
            return integer();
        }
        throw error("expected a string, a non-negative integer or an object");
    }

    private String string() {
        expect('"');
        final StringBuilder value = new StringBuilder();
        while (true) {
            final char character = next();
            if (character == '"') {
                return value.toString();
            }
            if (character < 0x20) {
                throw error("control character in a string");
            }
            value.append(character == '\\' ? escape() : character);
        }
    }

    private char escape() {
        final char character = next();
        switch (character) {
            case '"':
            case '\\':
            case '/':
                return character;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                return unicodeEscape();
            default:
                throw error("invalid escape '\\" + character + "'");
        }
    }

    private char unicodeEscape() {
        int code = 0;
        for (int digit = 0; digit < 4; digit++) {
            final int value = Character.digit(next(), 16);
            if (value < 0) {
                throw error("invalid \\u escape");
            }
            code = code * 16 + value;
        }
        return (char) code;
    }

    private Long integer() {
        final int start = position;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        final int digits = position - start;
        if (digits > 1 && text.charAt(start) == '0') {
            throw error("leading zero in an integer");
        }
        if (digits > MAX_INTEGER_DIGITS) {
            throw error("integer longer than " + MAX_INTEGER_DIGITS + " digits");
        }
        if (position < text.length() && (text.charAt(position) == '.' || text.charAt(position) == 'e'
                || text.charAt(position) == 'E')) {
            throw error("only integers are supported");
        }
        return Long.parseLong(text, start, position, 10);
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            final char character = text.charAt(position);
            if (character != ' ' && character != '\t' && character != '\n' && character != '\r') {
                return;
            }
            position++;
        }
    }

    private void expect(final char expected) {
        if (next() != expected) {
            position--;
            throw error("expected '" + expected + "'");
        }
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("unexpected end of text");
        }
        return text.charAt(position);
    }

    private char next() {
        final char character = peek();
        position++;
        return character;
    }

    private IllegalArgumentException error(final String reason) {
        return new IllegalArgumentException("malformed keystore JSON at offset " + position + ": " + reason);
    }
}
