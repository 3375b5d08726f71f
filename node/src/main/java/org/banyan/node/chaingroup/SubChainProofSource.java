package org.banyan.node.chaingroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.banyan.ledger.Outcome;
import org.banyan.protocol.ERRORCODE;

/**
 * Asks a sub-chain's registered endpoint for a proof of its own data up to an anchored height. The answer is not
 * trusted: the caller (the SDK) checks it against the anchor the main chain holds, so a lying sub-chain node can only
 * make the proof fail.
 */
public final class SubChainProofSource {

    /** Longest answer read: a transaction proof of at most 1,024 headers and a Merkle path, in base64. */
    public static final int MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    /** The {@code proof} member of {@code GET <endpoint>/chaingroup/<path>?<parameters>}, or why there is none. */
    public Outcome<String> proof(final String endpoint, final String path, final Map<String, String> parameters) {
        final String query = parameters.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        final URI uri;
        try {
            uri = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/").resolve("chaingroup/" + path + "?" + query);
        } catch (final IllegalArgumentException e) {
            return Outcome.failed(ERRORCODE.ERRCODE_INTERNAL_ERROR, "the sub-chain's endpoint '" + endpoint
                + "' is not a URL");
        }
        final byte[] answer;
        try {
            final HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream stream = response.body()) {
                answer = stream.readNBytes(MAX_RESPONSE_BYTES + 1);
            }
        } catch (final IOException e) {
            return Outcome.failed(ERRORCODE.ERRCODE_INTERNAL_ERROR, "the sub-chain at " + endpoint + " did not answer: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(ERRORCODE.ERRCODE_INTERNAL_ERROR, "interrupted while asking " + endpoint);
        }
        if (answer.length > MAX_RESPONSE_BYTES) {
            return Outcome.failed(ERRORCODE.ERRCODE_INTERNAL_ERROR, "the sub-chain at " + endpoint + " answered more than "
                + MAX_RESPONSE_BYTES + " bytes");
        }
        try {
            final JsonNode envelope = JSON.readTree(answer);
            if (envelope == null || envelope.path("error_code").asInt(-1) != 0) {
                return Outcome.failed(ERRORCODE.ERRCODE_NOT_EXIST, "the sub-chain at " + endpoint + " has no proof: "
                    + (envelope == null ? "an empty answer" : envelope.path("error_desc").asText("no error_code")));
            }
            final JsonNode proof = envelope.path("result").path("proof");
            return proof.isTextual() ? Outcome.ok(proof.textValue()) : Outcome.failed(ERRORCODE.ERRCODE_INTERNAL_ERROR,
                "the sub-chain at " + endpoint + " answered without result.proof");
        } catch (final IOException e) {
            return Outcome.failed(ERRORCODE.ERRCODE_INTERNAL_ERROR, "the sub-chain at " + endpoint
                + " answered something that is not JSON");
        }
    }
}
