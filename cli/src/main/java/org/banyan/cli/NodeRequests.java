package org.banyan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.NodeConnectionException;

/**
 * Plain HTTP requests to a node's endpoints that are not the BIF envelope, whose statuses matter: the resolver views
 * and the VC-API. Bounded by a timeout and a response cap.
 */
final class NodeRequests {

    /** How long to wait for an answer; resolving through a sub-chain takes at most a few seconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Largest answer read: a resolution result or a verification report is a few kilobytes. */
    static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(BanyanClient.DEFAULT_CONNECT_TIMEOUT).build();

    /** An answer: HTTP status and body. */
    record Answer(int status, String body) {
    }

    private NodeRequests() {
    }

    /** GETs {@code path} (no leading slash; DIDs are used as they are) from the node. */
    static Answer get(final String nodeUrl, final String path, final Optional<String> accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(nodeUrl, path)).GET();
        accept.ifPresent(value -> request.header("Accept", value));
        return send(request);
    }

    /** POSTs a JSON body to {@code path} on the node. */
    static Answer post(final String nodeUrl, final String path, final String json) {
        return send(HttpRequest.newBuilder(uri(nodeUrl, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static URI uri(final String nodeUrl, final String path) {
        // Concatenated, not resolved: a relative reference "did:bid:…" would parse as a URI with scheme "did".
        return URI.create(BanyanClient.connect(nodeUrl).nodeUri() + path);
    }

    private static Answer send(final HttpRequest.Builder request) {
        String target = request.build().uri().toString();
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_RESPONSE_BYTES + 1);
                if (bytes.length > MAX_RESPONSE_BYTES) {
                    throw new NodeConnectionException(target + " answered more than " + MAX_RESPONSE_BYTES + " bytes");
                }
                return new Answer(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new NodeConnectionException("cannot reach " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeConnectionException("interrupted while calling " + target, e);
        }
    }
}
