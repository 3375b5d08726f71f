package org.banyan.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Reads a JSON request body within {@link HttpApi#MAX_REQUEST_BODY_BYTES} (or a smaller cap), whatever the request's content type says: the
 * official BIF SDK posts JSON labelled {@code application/x-www-form-urlencoded}.
 */
final class JsonRequests {

    private final ObjectMapper mapper;

    JsonRequests(final ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body parsed as a JSON object. */
    JsonNode readObject(final Context context) {
        return readObject(context, HttpApi.MAX_REQUEST_BODY_BYTES);
    }

    /** The body, at most {@code maxBytes}, parsed as a JSON object. */
    JsonNode readObject(final Context context, final int maxBytes) {
        final byte[] body = readBody(context, maxBytes);
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

    /** The raw body; more than {@code maxBytes} is refused with the size in the message. */
    static byte[] readBody(final Context context, final int maxBytes) {
        final long declaredLength = context.req().getContentLengthLong();
        try (InputStream input = context.req().getInputStream()) {
            final byte[] body = input.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                // Read the rest (the server caps it at MAX_REQUEST_BODY_BYTES) so the refusal reaches a client still
                // sending, instead of the connection closing under it.
                input.transferTo(OutputStream.nullOutputStream());
                throw tooLarge(declaredLength > maxBytes ? declaredLength + " bytes" : "more than " + maxBytes + " bytes",
                    maxBytes);
            }
            return body;
        } catch (final IOException e) {
            throw ApiException.invalidParameter("the request body could not be read: " + e.getMessage());
        }
    }

    private static ApiException tooLarge(final String size, final int maxBytes) {
        return ApiException.invalidParameter("the request body is " + size + "; at most " + maxBytes
            + " bytes are accepted");
    }
}
