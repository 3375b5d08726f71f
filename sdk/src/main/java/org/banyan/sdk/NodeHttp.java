package org.banyan.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP leg of {@link BanyanClient}: one keep-alive {@link HttpClient}, bounded responses, and the BIF envelope
 * rule (HTTP 200 with a non-zero {@code error_code} is an application error).
 */
final class NodeHttp {

    /**
     * Largest response body read: the biggest legitimate answer is the transaction history of a full ledger
     * (16 MB of transactions, a few times larger as JSON); anything past this is a broken or hostile node.
     */
    static final int MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI nodeUri;
    private final HttpClient client;
    private final Duration requestTimeout;

    NodeHttp(final URI nodeUri, final Duration connectTimeout, final Duration requestTimeout) {
        this.nodeUri = nodeUri;
        this.requestTimeout = requestTimeout;
        // HTTP/1.1 keeps connections alive by default; HTTP/2 over clear text would add an upgrade round trip.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    URI nodeUri() {
        return nodeUri;
    }

    /** GETs {@code path?params} and returns the envelope after checking its error code. */
    JsonNode get(final String path, final Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = nodeUri.resolve(query.isEmpty() ? path : path + "?" + query);
        return exchange(path, HttpRequest.newBuilder(uri).GET());
    }

    /** POSTs a JSON body to {@code path} and returns the envelope after checking its error code. */
    JsonNode post(final String path, final JsonNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree built in memory", e);
        }
        return exchange(path, HttpRequest.newBuilder(nodeUri.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private JsonNode exchange(final String path, final HttpRequest.Builder request) {
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.timeout(requestTimeout).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new NodeConnectionException("node " + nodeUri + " did not answer " + path + " within "
                    + requestTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new NodeConnectionException("cannot reach node " + nodeUri + " (" + path + "): " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeConnectionException("interrupted while calling " + path + " on node " + nodeUri, e);
        }
        byte[] body;
        try (InputStream stream = response.body()) {
            body = readBounded(stream, MAX_RESPONSE_BYTES);
        } catch (IOException e) {
            throw new NodeConnectionException("lost the connection to node " + nodeUri + " while reading " + path, e);
        }
        if (response.statusCode() != 200) {
            throw new NodeConnectionException("node " + nodeUri + " answered " + path + " with HTTP "
                    + response.statusCode() + snippet(body));
        }
        return checkEnvelope(path, parse(path, body));
    }

    /**
     * Reads the whole stream, failing when it holds more than {@code maxBytes}.
     *
     * @throws NodeConnectionException when the stream is longer than {@code maxBytes}
     */
    static byte[] readBounded(final InputStream stream, final int maxBytes) throws IOException {
        byte[] body = stream.readNBytes(maxBytes);
        if (body.length == maxBytes && stream.read() != -1) {
            throw new NodeConnectionException("node response is larger than " + maxBytes + " bytes");
        }
        return body;
    }

    private JsonNode parse(final String path, final byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new NodeConnectionException("node " + nodeUri + " answered " + path
                        + " with something that is not a JSON object" + snippet(body));
            }
            return root;
        } catch (IOException e) {
            throw new NodeConnectionException("node " + nodeUri + " answered " + path + " with invalid JSON"
                    + snippet(body), e);
        }
    }

    private static JsonNode checkEnvelope(final String path, final JsonNode root) {
        JsonNode code = root.get("error_code");
        if (code != null && code.asInt() != 0) {
            JsonNode desc = root.get("error_desc");
            throw new BanyanException(code.asInt(), desc == null || desc.isNull() ? path + " failed" : desc.asText());
        }
        return root;
    }

    private static String describe(final IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused; is the node running?";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String snippet(final byte[] body) {
        int shown = Math.min(body.length, 200);
        return shown == 0 ? "" : ": " + new String(body, 0, shown, StandardCharsets.UTF_8).strip();
    }
}
