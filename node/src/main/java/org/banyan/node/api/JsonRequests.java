package org.banyan.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a JSON request body within {@link HttpApi#MAX_REQUEST_BODY_BYTES}, whatever the request's content type says: the
 * official BIF SDK posts JSON labelled {@code application/x-www-form-urlencoded}.
 */
final class JsonRequests {

    private final ObjectMapper mapper;

    JsonRequests(final ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body parsed as a JSON object. */
    JsonNode readObject(final Context context) {
        final byte[] body = readBody(context);
        if (body.length == 0) {
            throw ApiException.invalidParameter("the request body is empty; expected a JSON object");
        }
        final JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (final JsonProcessingException e) {
            throw ApiException.invalidParameter("request must be in json format: " + e.getOriginalMessage());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        if (json == null || !json.isObject()) {
            throw ApiException.invalidParameter("the request body must be a JSON object");
        }
        return json;
    }

    private static byte[] readBody(final Context context) {
        final long declaredLength = context.req().getContentLengthLong();
        if (declaredLength > HttpApi.MAX_REQUEST_BODY_BYTES) {
            throw tooLarge(declaredLength + " bytes");
        }
        try (InputStream input = context.req().getInputStream()) {
            final byte[] body = input.readNBytes(HttpApi.MAX_REQUEST_BODY_BYTES + 1);
            if (body.length > HttpApi.MAX_REQUEST_BODY_BYTES) {
                throw tooLarge("more than " + HttpApi.MAX_REQUEST_BODY_BYTES + " bytes");
            }
            return body;
        } catch (final IOException e) {
            throw ApiException.invalidParameter("the request body could not be read: " + e.getMessage());
        }
    }

    private static ApiException tooLarge(final String size) {
        return ApiException.invalidParameter("the request body is " + size + "; at most " + HttpApi.MAX_REQUEST_BODY_BYTES
            + " bytes are accepted");
    }
}
