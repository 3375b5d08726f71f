package org.banyan.identity.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme (RFC 8785), which BID proofs sign (RFC-004 §6.1.6): object members sorted by
 * their names' UTF-16 code units, recursively; arrays in their order; no whitespace; strings with only the escapes
 * JSON requires; numbers as ECMAScript prints doubles ({@link EcmaNumbers}); UTF-8.
 *
 * <p>Input must be I-JSON, as {@link StrictJson} guarantees; a lone surrogate or a non-finite number is a bug here.
 */
public final class CanonicalJson {

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of {@code node}. */
    public static byte[] bytes(final JsonNode node) {
        return text(node).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical text of {@code node}. */
    public static String text(final JsonNode node) {
        final StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    /** The canonical text of the object {@code node} without its member {@code excluded}, as proofs sign it. */
    public static String textWithout(final JsonNode node, final String excluded) {
        final StringBuilder out = new StringBuilder();
        writeObject(node, excluded, out);
        return out.toString();
    }

    /** The canonical form of a string, quotes included, for splicing canonical texts together. */
    public static String string(final String text) {
        final StringBuilder out = new StringBuilder(text.length() + 2);
        writeString(text, out);
        return out.toString();
    }

    private static void write(final JsonNode node, final StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, "", out);
            case ARRAY -> {
                out.append('[');
                for (int index = 0; index < node.size(); index++) {
                    if (index > 0) {
                        out.append(',');
                    }
                    write(node.get(index), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(EcmaNumbers.format(node.doubleValue()));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("a " + node.getNodeType() + " node has no JSON form");
        }
    }

    /** Writes an object; a member named {@code excluded} (never the empty name when non-empty) is left out. */
    private static void writeObject(final JsonNode node, final String excluded, final StringBuilder out) {
        final List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        node.properties().forEach(member -> {
            if (excluded.isEmpty() || !member.getKey().equals(excluded)) {
                members.add(member);
            }
        });
        // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 §3.2.3 asks for.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int index = 0; index < members.size(); index++) {
            if (index > 0) {
                out.append(',');
            }
            writeString(members.get(index).getKey(), out);
            out.append(':');
            write(members.get(index).getValue(), out);
        }
        out.append('}');
    }

    private static void writeString(final String text, final StringBuilder out) {
        if (isPlain(text)) {
            // Most strings (ids, keys, times) need no escape: copy them whole.
            out.append('"').append(text).append('"');
            return;
        }
        if (!StrictJson.wellFormed(text)) {
            throw new IllegalArgumentException("a string with a lone UTF-16 surrogate has no canonical form");
        }
        out.append('"');
        for (int index = 0; index < text.length(); index++) {
            final char character = text.charAt(index);
            switch (character) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (character < 0x20) {
                        out.append("\\u00").append(HEX_DIGITS[character >> 4]).append(HEX_DIGITS[character & 0xF]);
                    } else {
                        out.append(character);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether the text needs no escape and has no surrogate, so that its canonical form is itself in quotes. */
    private static boolean isPlain(final String text) {
        for (int index = 0; index < text.length(); index++) {
            final char character = text.charAt(index);
            if (character < 0x20 || character == '"' || character == '\\' || Character.isSurrogate(character)) {
                return false;
            }
        }
        return true;
    }
}
