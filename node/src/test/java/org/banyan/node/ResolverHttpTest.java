package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.ResultCode;
import org.banyan.identity.ddo.BidRecord;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.ddo.DdoContract;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.registry.TrustedRegistryContract;
import org.banyan.ledger.Limits;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.BanyanException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The resolver's routes next to the BIF API's, their answers for every kind of request, and {@code /callContract}. */
class ResolverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrivateKey OWNER = TestTransactions.key(4);
    private static final String BID = TestTransactions.address(OWNER);
    private static TestNode node;

    @BeforeAll
    static void startNodeWithADocument() {
        node = TestNode.start();
        final BidDocument document = BidDocuments.signed(BidDocuments.first(BID, OWNER, TestTransactions.key(24), 60),
            OWNER, "#key-1");
        new IdentityChain(node).succeeds(OWNER, DdoCalls.creation(document));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static String callContractBody(final String address, final String input) {
        return JSON.createObjectNode().put("opt_type", 2).put("contract_address", address).put("input", input).toString();
    }

    @Test
    void resolverPathsLiveBesideTheBifApi() {
        assertThat(node.get("/getLedger").path("error_code").asInt()).isZero();
        final TestNode.Reply unknown = node.fetch("/favicon.ico");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error_desc").asText()).isEqualTo("no endpoint GET /favicon.ico");
        assertThat(node.fetch("/did:web:example.com").status()).isEqualTo(404);
        assertThat(node.fetch("/" + BID + "/colour").status()).isEqualTo(404);

        final TestNode.Reply notABid = node.fetch("/did:bid:nonsense");
        assertThat(notABid.status()).isEqualTo(200);
        assertThat(notABid.json().path("errorCode").asInt()).isEqualTo(ResultCode.PROTOCOL_ERROR.number());
        assertThat(node.fetch("/" + TestTransactions.address(TestTransactions.key(77))).json().path("errorCode").asInt())
            .isEqualTo(ResultCode.NOT_FOUND.number());
    }

    @Test
    void requestsJettyRefusesGetTheJsonEnvelopeToo() throws Exception {
        final String hugeHeader = "X-Filler: " + "a".repeat(20_000) + "\r\n";
        for (final String[] request : new String[][] {{"/1.0/identifiers/%zz", "400", ""},
            {"/1.0/identifiers/did:bid:%C0%AF", "400", ""}, {"/" + "a".repeat(9_000), "414", ""},
            {"/getLedger", "431", hugeHeader}}) {
            try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(node.url().substring(node.url().lastIndexOf(':') + 1)))) {
                socket.getOutputStream().write(("GET " + request[0] + " HTTP/1.1\r\nHost: x\r\n" + request[2]
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                final String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as(request[0]).startsWith("HTTP/1.1 " + request[1]).contains("application/json")
                    .contains("{\"error_code\":2,\"error_desc\":\"HTTP " + request[1]).doesNotContain("<html>");
            }
        }
    }

    @Test
    void theBifViewServesTheDocumentAndItsFields() {
        final JsonNode document = node.fetch("/" + BID).json();
        assertThat(document.path("errorCode").asInt()).isZero();
        assertThat(document.path("message").asText()).isEqualTo("success");
        assertThat(document.path("data").path("didDocument").path("id").asText()).isEqualTo(BID);
        assertThat(node.fetch("/" + BID).body()).as("a second, cached answer is the same").isEqualTo(node.fetch("/" + BID).body());

        assertThat(node.fetch("/" + BID + "/public-keys").json().path("data").path("publicKey")).hasSize(2);
        assertThat(node.fetch("/" + BID + "/public-keys/key-2").json().path("data").path("publicKey").path("id").asText())
            .isEqualTo(BID + "#key-2");
        assertThat(node.fetch("/" + BID + "/services?id=storage").json().path("data").path("service").path("type").asText())
            .isEqualTo("DIDStorage");
        assertThat(node.fetch("/" + BID + "/services").json().path("data").path("service")).hasSize(1);
        assertThat(node.fetch("/" + BID + "/attributes").json().path("errorCode").asInt())
            .isEqualTo(ResultCode.FIELD_NOT_FOUND.number());
        assertThat(node.fetch("/" + BID + "/acsns").json().path("errorCode").asInt())
            .isEqualTo(ResultCode.FIELD_NOT_FOUND.number());
        assertThat(node.fetch("/" + BID + "/verifiableCredentials").json().path("errorCode").asInt())
            .isEqualTo(ResultCode.FIELD_NOT_FOUND.number());
        final JsonNode verified = node.fetch("/" + BID + "?verify=true").json().path("data");
        assertThat(verified.path("verify").path("verified").asBoolean()).isTrue();
        assertThat(verified.path("didDocument").path("id").asText()).isEqualTo(BID);
    }

    @Test
    void theW3cViewAnswersWithDidResolutionStatusesAndContentTypes() {
        final TestNode.Reply result = node.fetch("/1.0/identifiers/" + BID);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.contentType()).isEqualTo("application/did-resolution");
        assertThat(result.json().path("didDocument").path("id").asText()).isEqualTo(BID);

        final TestNode.Reply encoded = node.fetch("/1.0/identifiers/" + BID.replace(":", "%3A"));
        assertThat(encoded.status()).isEqualTo(200);
        assertThat(encoded.json().path("didDocument").path("id").asText()).isEqualTo(BID);

        final TestNode.Reply plain = node.fetch("/1.0/identifiers/" + BID, "Accept", "application/did+json");
        assertThat(plain.contentType()).isEqualTo("application/did+json");
        assertThat(plain.json().has("@context")).isFalse();
        assertThat(node.fetch("/1.0/identifiers/" + BID, "Accept", "application/ld+json").contentType())
            .isEqualTo("application/did+ld+json");

        assertThat(node.fetch("/1.0/identifiers/" + BID, "Accept", "text/html").status()).isEqualTo(406);
        assertThat(node.fetch("/1.0/identifiers/not-a-did").status()).isEqualTo(400);
        assertThat(node.fetch("/1.0/identifiers/did:web:example.com").status()).isEqualTo(501);
        assertThat(node.fetch("/1.0/identifiers/did:bid:nonsense").status()).isEqualTo(400);
        assertThat(node.fetch("/1.0/identifiers/" + BID + "?versionTime=2024-01-01T00:00:00Z").status()).isEqualTo(501);
        assertThat(node.fetch("/1.0/identifiers/" + BID + "?colour=red").status()).isEqualTo(400);
        final TestNode.Reply missing = node.fetch("/1.0/identifiers/" + TestTransactions.address(TestTransactions.key(78)));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("didResolutionMetadata").path("error").path("type").asText())
            .isEqualTo("https://www.w3.org/ns/did#NOT_FOUND");
    }

    @Test
    void callContractRunsSystemContractQueriesInTheBifShape() throws Exception {
        final JsonNode answer = node.post("/callContract", callContractBody(DdoContract.ADDRESS, DdoCalls.queryBid(BID)));
        assertThat(answer.path("error_code").asInt()).isZero();
        final JsonNode ret = answer.path("result").path("query_rets").get(0).path("result");
        assertThat(ret.path("type").asText()).isEqualTo("string");
        assertThat(JSON.readTree(ret.path("value").asText()).path("id").asText()).isEqualTo(BID);
        final String record = node.post("/callContract", callContractBody(DdoContract.ADDRESS, DdoCalls.resolve(BID)))
            .path("result").path("query_rets").get(0).path("result").path("value").asText();
        assertThat(BidRecord.parse(record).value().id()).isEqualTo(BID);

        final JsonNode missing = node.post("/callContract", callContractBody(DdoContract.ADDRESS,
            DdoCalls.queryBid(TestTransactions.address(TestTransactions.key(79)))));
        assertThat(missing.path("error_code").asInt()).isEqualTo(151);
        assertThat(missing.path("error_desc").asText()).contains("\"errorCode\":6");
        assertThat(node.post("/callContract", callContractBody(TrustedRegistryContract.ADDRESS,
            "{\"method\":\"issuer\",\"params\":{\"id\":\"" + BID + "\"}}")).path("error_desc").asText())
            .contains("\"errorCode\":6");
        assertThat(node.post("/callContract", callContractBody(BID, "{}")).path("error_code").asInt())
            .as("no contract there").isEqualTo(4);
        assertThat(node.post("/callContract", "{\"opt_type\":0,\"contract_address\":\"" + BID + "\",\"input\":\"\"}")
            .path("error_code").asInt()).isEqualTo(2);
        assertThat(node.post("/callContract", "{\"contract_address\":\"x\",\"input\":\"\"}").path("error_code").asInt())
            .isEqualTo(2);
        assertThat(node.post("/callContract", "{\"contract_address\":\"" + BID + "\"}").path("error_code").asInt())
            .isEqualTo(2);
        assertThat(node.post("/callContract", "[]").path("error_code").asInt()).isEqualTo(2);
    }

    @Test
    void theSdkRunsContractQueries() throws Exception {
        final BanyanClient client = BanyanClient.connect(node.url());
        assertThat(JSON.readTree(client.callContract(DdoContract.ADDRESS, DdoCalls.queryBid(BID))).path("id").asText())
            .isEqualTo(BID);
        assertThatThrownBy(() -> client.callContract(DdoContract.ADDRESS,
            DdoCalls.queryBid(TestTransactions.address(TestTransactions.key(81)))))
            .isInstanceOfSatisfying(BanyanException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(151);
                assertThat(e.errorDesc()).contains("\"errorCode\":6");
            });
    }

    @Test
    void callContractBodiesAreCappedAtTheirLimit() {
        final int cap = 6 * Limits.MAX_QUERY_INPUT_BYTES + 4 * 1024;
        final String envelope = callContractBody(DdoContract.ADDRESS, "");
        final String atCap = envelope.replace("\"input\":\"\"", "\"input\":\"" + "x".repeat(cap - envelope.length()) + "\"");
        assertThat(atCap).hasSize(cap);
        final JsonNode read = node.post("/callContract", atCap);
        assertThat(read.path("error_desc").asText()).as("read, then refused by the ledger's input cap")
            .contains("a query input is at most");
        final TestNode.Reply over = node.post("/callContract", HttpRequest.BodyPublishers.ofString(atCap + " "),
            "application/json");
        assertThat(over.json().path("error_desc").asText()).contains("at most " + cap + " bytes are accepted");
    }
}
