package org.banyan.identity.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.banyan.identity.BidResult;
import org.banyan.identity.ResultCode;

/**
 * Parses JSON as BID documents and signed data require it (I-JSON, RFC 7493, as RFC-004 §6.1.6 asks): one value with
 * nothing after it, no duplicate member names, strings of well-formed Unicode (no lone surrogates), finite numbers,
 * and at most {@link #MAX_NESTING_DEPTH} levels. Anything else is a {@link ResultCode#PROTOCOL_ERROR}.
 */
public final class StrictJson {

    /** Nesting levels of arrays and objects: a document needs 4; free-form attribute values get some room. */
    public static final int MAX_NESTING_DEPTH = 16;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .build();

    private StrictJson() {
    }

    /** Parses one JSON value. */
    public static BidResult<JsonNode> parse(final String text) {
        final JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (final JsonProcessingException e) {
            return BidResult.failed(ResultCode.PROTOCOL_ERROR, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            return BidResult.failed(ResultCode.PROTOCOL_ERROR, "not valid JSON: the input is empty");
        }
        final String problem = ijsonProblem(node);
        return problem.isEmpty() ? BidResult.ok(node) : BidResult.failed(ResultCode.PROTOCOL_ERROR, problem);
    }

    /** Parses one JSON object. */
    public static BidResult<ObjectNode> parseObject(final String text) {
        return parse(text).then(node -> node instanceof ObjectNode object ? BidResult.ok(object)
            : BidResult.failed(ResultCode.PROTOCOL_ERROR, "expected a JSON object, got " + node.getNodeType()));
    }

    /** A new empty object, for building JSON to render. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Compact JSON text of {@code node}, members in insertion order (use {@link CanonicalJson} for signing). */
    public static String write(final JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree failed", e);
        }
    }

    /** What breaks I-JSON in {@code node}, or "" when nothing does. */
    private static String ijsonProblem(final JsonNode node) {
        if (node.isTextual()) {
            return wellFormed(node.textValue()) ? "" : "a string holds a lone UTF-16 surrogate, which is not Unicode text";
        }
        if (node.isNumber()) {
            return Double.isFinite(node.doubleValue()) ? ""
                : "the number " + node.asText() + " is beyond the IEEE 754 double range that I-JSON allows";
        }
        if (node.isObject()) {
            // Jackson itself refuses lone surrogates in member names.
            for (final Map.Entry<String, JsonNode> member : node.properties()) {
                final String problem = ijsonProblem(member.getValue());
                if (!problem.isEmpty()) {
                    return problem;
                }
            }
        }
        if (node.isArray()) {
            for (final JsonNode element : node) {
                final String problem = ijsonProblem(element);
                if (!problem.isEmpty()) {
                    return problem;
                }
            }
        }
        return "";
    }

    /** Whether every surrogate in {@code text} is part of a high-low pair. */
    static boolean wellFormed(final String text) {
        for (int index = 0; index < text.length(); index++) {
            final char character = text.charAt(index);
            if (Character.isHighSurrogate(character)) {
                if (index + 1 == text.length() || !Character.isLowSurrogate(text.charAt(index + 1))) {
                    return false;
                }
                index++;
            } else if (Character.isLowSurrogate(character)) {
                return false;
            }
        }
        return true;
    }
}
