package org.banyan.node.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.banyan.identity.BidError;
import org.banyan.identity.BidResult;
import org.banyan.identity.ContractFailure;
import org.banyan.identity.ResultCode;
import org.banyan.identity.ddo.BidRecord;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.ddo.DdoContract;
import org.banyan.identity.document.BidDocumentCodec;

/**
 * Reads BID records from another node over HTTP: {@code POST {node}/callContract} with the DDO contract's
 * {@code resolve} query. The standalone resolver reads its node this way, and a main-chain node reads a sub-chain's
 * records from the resolver URL in the sub-chain's AC-code document.
 *
 * <p>Every call is bounded: a connect and a request timeout, and a cap on the answer's size. A node that does not
 * answer in time gives {@link ResultCode#NO_RESPONSE}; one that answers something other than a BID record gives
 * {@link ResultCode#ERROR}; a refusal by the remote DDO contract keeps its own result code.
 */
public final class NodeRecords {

    /** How long to wait for a TCP connection: nodes of one network answer within milliseconds. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** How long to wait for an answer, so that a stuck sub-chain cannot hold a resolver thread for long. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Largest answer read: a record holds a document of at most 32 KB, which the BIF envelope carries as an escaped
     * JSON string (up to six bytes per character in the worst case) inside a small envelope.
     */
    public static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;

    /** A reader over its own keep-alive HTTP client. */
    public NodeRecords() {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The record of {@code bid} on the node at {@code node} (its base URL). */
    public BidResult<BidRecord> find(final URI node, final String bid) {
        final String body = JSON.createObjectNode().put("opt_type", 2).put("contract_address", DdoContract.ADDRESS)
            .put("input", DdoCalls.resolve(bid)).toString();
        final HttpRequest request = HttpRequest.newBuilder(node.resolve("callContract")).timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        final byte[] answer;
        try {
            final HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream stream = response.body()) {
                answer = stream.readNBytes(MAX_RESPONSE_BYTES + 1);
            }
            if (response.statusCode() != 200) {
                return BidResult.failed(ResultCode.ERROR, node + " answered HTTP " + response.statusCode());
            }
        } catch (final IOException e) {
            return BidResult.failed(ResultCode.NO_RESPONSE, node + " did not answer: " + describe(e));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return BidResult.failed(ResultCode.NO_RESPONSE, "interrupted while asking " + node);
        }
        if (answer.length > MAX_RESPONSE_BYTES) {
            return BidResult.failed(ResultCode.ERROR, node + " answered more than " + MAX_RESPONSE_BYTES + " bytes");
        }
        return read(node, bid, answer);
    }

    private static BidResult<BidRecord> read(final URI node, final String bid, final byte[] answer) {
        final JsonNode envelope;
        try {
            envelope = JSON.readTree(answer);
        } catch (final IOException e) {
            return BidResult.failed(ResultCode.ERROR, node + " answered something that is not JSON");
        }
        if (envelope == null || !envelope.path("error_code").canConvertToInt()) {
            return BidResult.failed(ResultCode.ERROR, node + " answered without an error_code");
        }
        if (envelope.path("error_code").intValue() != 0) {
            final String description = envelope.path("error_desc").asText("");
            final Optional<BidError> error = ContractFailure.fromDescription(description);
            return error.<BidResult<BidRecord>>map(BidResult::failed).orElseGet(() -> BidResult.failed(ResultCode.ERROR,
                node + " refused the query with error " + envelope.path("error_code").intValue() + ": " + description));
        }
        final JsonNode value = envelope.path("result").path("query_rets").path(0).path("result").path("value");
        if (!value.isTextual()) {
            return BidResult.failed(ResultCode.ERROR, node + " answered without result.query_rets[0].result.value");
        }
        final BidResult<BidRecord> record = BidRecord.parse(value.textValue()).then(parsed -> check(parsed, bid));
        return record.isOk() ? record : BidResult.failed(ResultCode.ERROR, node + " answered a bad record for " + bid
            + ": " + record.error().message());
    }

    /** A record from elsewhere is served only if it is the one asked for and its document is valid. */
    private static BidResult<BidRecord> check(final BidRecord record, final String bid) {
        if (!record.id().equals(bid)) {
            return BidResult.failed(ResultCode.ERROR, "it is the record of " + record.id());
        }
        if (record.documentJson().isEmpty()) {
            return BidResult.ok(record);
        }
        return BidDocumentCodec.parse(record.documentJson().get()).then(parsed -> parsed.document().id().equals(bid)
            ? BidResult.ok(record) : BidResult.failed(ResultCode.ERROR, "its document is that of " + parsed.document().id()));
    }

    private static String describe(final IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
