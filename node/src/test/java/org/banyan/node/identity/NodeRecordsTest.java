package org.banyan.node.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.banyan.identity.BidError;
import org.banyan.identity.BidResult;
import org.banyan.identity.ContractFailure;
import org.banyan.identity.ResultCode;
import org.banyan.identity.ddo.BidRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the record reader treats a remote node that answers badly: too much, not JSON, another BID's record, a
 * refusal, nothing at all. The remote is a real HTTP server on loopback that answers what each test sets.
 */
class NodeRecordsTest {

    private static final String BID = "did:bid:abcd:efJgt44mNDewKK1VEN454R17cjso3mSG";

    private final AtomicReference<byte[]> answer = new AtomicReference<>(new byte[0]);
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private URI uri;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callContract", exchange -> {
            final byte[] body = answer.get();
            if (body.length == 0) {
                awaitRelease();
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private BidResult<BidRecord> answering(final String body) {
        answer.set(body.getBytes(StandardCharsets.UTF_8));
        return new NodeRecords().find(uri, BID);
    }

    private static String envelope(final String value) {
        return "{\"error_code\":0,\"result\":{\"query_rets\":[{\"result\":{\"type\":\"string\",\"value\":"
            + com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(value) + "}}]}}";
    }

    @Test
    void aWellFormedRecordIsRead() {
        final BidRecord record = new BidRecord(BID, Optional.empty(), "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z",
            true, 9);
        assertThat(answering(envelope(record.toJson())).value()).isEqualTo(record);
    }

    @Test
    void anAnswerAtTheCapIsReadAndOneByteMoreIsRefused() {
        final BidRecord record = new BidRecord(BID, Optional.empty(), "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z",
            true, 9);
        final String body = envelope(record.toJson());
        final String padded = body + " ".repeat(NodeRecords.MAX_RESPONSE_BYTES - body.length());
        assertThat(answering(padded).value()).isEqualTo(record);
        final BidResult<BidRecord> over = answering(padded + " ");
        assertThat(over.error().code()).isEqualTo(ResultCode.ERROR);
        assertThat(over.error().message()).contains("more than " + NodeRecords.MAX_RESPONSE_BYTES + " bytes");
    }

    @Test
    void badAnswersAreErrorsAndRefusalsKeepTheirCode() {
        assertThat(answering("<html>").error().code()).isEqualTo(ResultCode.ERROR);
        assertThat(answering("{\"error_code\":0,\"result\":{}}").error().message()).contains("query_rets");
        assertThat(answering(envelope("{\"id\":\"" + BID + "\"}")).error().message()).contains("bad record");
        final String other = new BidRecord("did:bid:abcd:efzE8AcDgWUeNbgujA5hK3oUeuG9k19b", Optional.empty(),
            "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", true, 1).toJson();
        assertThat(answering(envelope(other)).error().message()).contains("it is the record of");
        final String refusal = ContractFailure.toLedgerError(new BidError(ResultCode.NOT_FOUND, "no document")).message();
        assertThat(answering("{\"error_code\":151,\"error_desc\":" + com.fasterxml.jackson.databind.node.JsonNodeFactory
            .instance.textNode(refusal) + "}").error().code()).isEqualTo(ResultCode.NOT_FOUND);
    }

    @Test
    void aNodeThatIsDownOrSilentGivesNoResponse() throws IOException {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(new NodeRecords().find(URI.create("http://127.0.0.1:" + closedPort + "/"), BID).error().code())
            .isEqualTo(ResultCode.NO_RESPONSE);
        final BidResult<BidRecord> silent = answering("");
        assertThat(silent.error().code()).as("no answer within " + NodeRecords.REQUEST_TIMEOUT).isEqualTo(ResultCode.NO_RESPONSE);
    }
}
