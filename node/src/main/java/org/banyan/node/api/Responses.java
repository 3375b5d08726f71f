package org.banyan.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.banyan.protocol.ERRORCODE;

/** Builds and writes BIF response envelopes: {@code error_code}, optional {@code error_desc}, and the payload. */
final class Responses {

    static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    private final ObjectMapper mapper;

    Responses(final ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A fresh JSON object to fill. */
    ObjectNode object() {
        return mapper.createObjectNode();
    }

    /** {@code {"error_code":0,"result":…}}. */
    ObjectNode success(final JsonNode result) {
        final ObjectNode envelope = object();
        envelope.put("error_code", ERRORCODE.ERRCODE_SUCCESS.getNumber());
        envelope.set("result", result);
        return envelope;
    }

    /** {@code {"error_code":n,"error_desc":"…"}}. */
    ObjectNode failure(final ERRORCODE code, final String description) {
        return failure(code.getNumber(), description);
    }

    /** {@code {"error_code":n,"error_desc":"…"}}. */
    ObjectNode failure(final int code, final String description) {
        final ObjectNode envelope = object();
        envelope.put("error_code", code);
        envelope.put("error_desc", description);
        return envelope;
    }

    /** Writes a JSON answer with HTTP 200, the status BIF uses for application errors too. */
    void write(final Context context, final JsonNode body) {
        write(context, 200, body);
    }

    /** Writes a JSON answer with the given HTTP status. */
    void write(final Context context, final int status, final JsonNode body) {
        try {
            context.status(status).contentType(JSON_CONTENT_TYPE).result(mapper.writeValueAsBytes(body));
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be serialized", e);
        }
    }
}
