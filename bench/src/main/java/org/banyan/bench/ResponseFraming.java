package org.banyan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the HTTP/1.1 responses in the bytes a kept-alive connection has received so far: where the first complete one
 * ends, and its status. Responses must carry {@code Content-Length}, as the node's do; a chunked response is refused
 * rather than misread.
 */
final class ResponseFraming {

    /** Longest status line and headers: the node's are about two hundred bytes. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private ResponseFraming() {
    }

    /** A complete response: its status and its length in bytes, headers and body. */
    record Framed(int status, int lengthBytes) {
    }

    /**
     * The first complete response in {@code bytes[from, to)}, or empty when more bytes are needed.
     *
     * @throws IOException if the bytes are not an HTTP/1.x response with a length, or its headers are too long
     */
    static Optional<Framed> first(final byte[] bytes, final int from, final int to) throws IOException {
        final int headerEnd = indexOf(bytes, from, to);
        if (headerEnd < 0) {
            if (to - from > MAX_HEADER_BYTES) {
                throw new IOException("a response's headers are longer than " + MAX_HEADER_BYTES + " bytes");
            }
            return Optional.empty();
        }
        final String[] lines = new String(bytes, from, headerEnd - from, StandardCharsets.ISO_8859_1).split("\r\n");
        final String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + lines[0]);
        }
        long contentLength = -1;
        for (int index = 1; index < lines.length; index++) {
            final String header = lines[index].toLowerCase(Locale.ROOT);
            if (header.startsWith("content-length:")) {
                contentLength = Long.parseLong(header.substring("content-length:".length()).trim());
            } else if (header.startsWith("transfer-encoding:")) {
                throw new IOException("the load client reads answers with Content-Length only, not " + lines[index]);
            }
        }
        if (contentLength < 0) {
            throw new IOException("an answer without Content-Length cannot be framed on a kept-alive connection");
        }
        final long length = headerEnd + HEADER_END.length - from + contentLength;
        return to - from < length ? Optional.empty()
            : Optional.of(new Framed(Integer.parseInt(statusLine[1]), (int) length));
    }

    private static int indexOf(final byte[] bytes, final int from, final int to) {
        for (int at = from; at + HEADER_END.length <= to; at++) {
            if (bytes[at] == '\r' && bytes[at + 1] == '\n' && bytes[at + 2] == '\r' && bytes[at + 3] == '\n') {
                return at;
            }
        }
        return -1;
    }
}
