package org.banyan.node.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before any endpoint sees them (a malformed or overlong URI, bad percent-encoding,
 * an invalid header) with the BIF error envelope instead of Jetty's HTML page: the status Jetty chose, and
 * {@code {"error_code":2,"error_desc":"HTTP <status>: <reason>"}}. No stack trace is ever shown.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final HttpField JSON_CONTENT_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, Responses.JSON_CONTENT_TYPE);
    private static final int INVALID_PARAMETER = 2;

    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(final Request request, final Response response, final int code, final String message,
                                    final Throwable cause, final Callback callback) throws IOException {
        response.getHeaders().put(JSON_CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body(code, message).getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String body(final int status, final String reason) {
        final String text = reason == null || reason.isBlank() ? "the request was refused" : reason;
        final StringBuilder escaped = new StringBuilder();
        for (final char character : text.toCharArray()) {
            if (character == '"' || character == '\\') {
                escaped.append('\\').append(character);
            } else if (character >= 0x20 && character < 0x7F) {
                escaped.append(character);
            }
        }
        return "{\"error_code\":" + INVALID_PARAMETER + ",\"error_desc\":\"HTTP " + status + ": " + escaped + "\"}";
    }
}
