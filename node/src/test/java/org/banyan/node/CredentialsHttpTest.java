package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.banyan.credentials.CredentialSigner;
import org.banyan.credentials.Cryptosuite;
import org.banyan.credentials.Limits;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.ResultCode;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.registry.RegistryCalls;
import org.banyan.identity.registry.TrustedRegistryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VC-API on a node that issues with a configured key: issue, verify against the issuer's BID document and the
 * trusted registry, revoke on chain, and verify presentations by a BID holder.
 */
class CredentialsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrivateKey ISSUER = TestTransactions.key(3);
    private static final String ISSUER_BID = TestTransactions.address(ISSUER);
    private static final PrivateKey HOLDER = TestTransactions.key(4);
    private static final String HOLDER_BID = TestTransactions.address(HOLDER);

    @TempDir
    static Path directory;

    private static TestNode node;
    private static IdentityChain chain;

    @BeforeAll
    static void startIssuingNode() throws Exception {
        final Path keyFile = directory.resolve("issuer.json");
        Files.writeString(keyFile, JSON.createObjectNode().put("address", ISSUER_BID)
            .put("public_key", ISSUER.publicKey().encoded()).put("private_key", ISSUER.encoded()).toString());
        node = TestNode.start(config -> config.withIssuer(new IssuerSettings(keyFile, Optional.empty())));
        chain = new IdentityChain(node);
        for (final PrivateKey subject : new PrivateKey[] {ISSUER, HOLDER}) {
            final String bid = TestTransactions.address(subject);
            chain.succeeds(subject, DdoCalls.creation(BidDocuments.signed(BidDocuments.first(bid, subject,
                TestTransactions.key(40), 0), subject, "#key-1")));
        }
        assertThat(chain.call(TrustedRegistryContract.ADDRESS, TestNode.GENESIS_KEY,
            RegistryCalls.registerIssuer(ISSUER_BID, "Banyan Test Works"))).isEqualTo(ResultCode.SUCCESS);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static String credential(final String id) {
        return """
            {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "%s",
             "type": ["VerifiableCredential"], "issuer": "%s", "validFrom": "2024-01-01T00:00:00Z",
             "credentialSubject": {"id": "%s", "name": "Holder"}}""".formatted(id, ISSUER_BID, HOLDER_BID);
    }

    private static TestNode.Reply post(final String path, final String body) {
        return node.post(path, HttpRequest.BodyPublishers.ofString(body), "application/json");
    }

    private static JsonNode issue(final String id) {
        final TestNode.Reply issued = post("/credentials/issue", "{\"credential\": " + credential(id) + "}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().path("verifiableCredential");
    }

    private static TestNode.Reply verify(final JsonNode credential) {
        return post("/credentials/verify", JSON.createObjectNode().set("verifiableCredential", credential).toString());
    }

    @Test
    void anIssuedCredentialVerifiesUntilItsIssuerRevokesItOnChain() {
        final JsonNode credential = issue("urn:uuid:issued-1");
        assertThat(credential.path("proof").path("verificationMethod").asText()).isEqualTo(ISSUER_BID + "#key-1");
        assertThat(credential.path("proof").path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");

        final TestNode.Reply verified = verify(credential);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().path("verified").asBoolean()).isTrue();
        assertThat(verified.json().path("warnings")).as("listed issuer, not revoked").isEmpty();

        assertThat(chain.call(TrustedRegistryContract.ADDRESS, ISSUER, RegistryCalls.revoke("urn:uuid:issued-1",
            "issued to the wrong holder"))).isEqualTo(ResultCode.SUCCESS);
        final TestNode.Reply revoked = verify(credential);
        assertThat(revoked.status()).isEqualTo(400);
        assertThat(revoked.json().path("verified").asBoolean()).isFalse();
        assertThat(revoked.body()).contains("REVOKED").contains("issued to the wrong holder");
        assertThat(verify(issue("urn:uuid:issued-2")).status()).as("other credentials stay valid").isEqualTo(200);
    }

    @Test
    void aProofByAKeyOutsideAuthenticationIsRefused() {
        final CredentialSigner recoveryKeySigner = new CredentialSigner(ISSUER_BID, ISSUER_BID + "#key-2",
            TestTransactions.key(40));
        final JsonObject signed = recoveryKeySigner.issue(jakarta(credential("urn:uuid:recovery")),
            Cryptosuite.EDDSA_JCS_2022, Instant.parse("2024-06-01T00:00:00Z"));
        final TestNode.Reply refused = post("/credentials/verify", "{\"verifiableCredential\": " + signed + "}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("MISMATCHED_PROOF_PURPOSE_ERROR");
    }

    @Test
    void aPresentationByABidHolderVerifiesWithItsChallenge() {
        final JsonObject credential = jakarta(issue("urn:uuid:presented").toString());
        final JsonObject presentation = Json.createObjectBuilder()
            .add("@context", Json.createArrayBuilder().add("https://www.w3.org/ns/credentials/v2"))
            .add("type", Json.createArrayBuilder().add("VerifiablePresentation"))
            .add("holder", HOLDER_BID)
            .add("verifiableCredential", Json.createArrayBuilder().add(credential)).build();
        final JsonObject signed = new CredentialSigner(HOLDER_BID, HOLDER_BID + "#key-1", HOLDER).present(presentation,
            Cryptosuite.EDDSA_JCS_2022, Instant.parse("2024-06-01T00:00:00Z"), "challenge-1", Optional.empty());
        final String request = "{\"verifiablePresentation\": " + signed + ", \"options\": {\"challenge\": \"%s\"}}";
        final TestNode.Reply verified = post("/presentations/verify", request.formatted("challenge-1"));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().path("credentialResults").get(0).path("verified").asBoolean()).isTrue();
        assertThat(post("/presentations/verify", request.formatted("replayed")).status()).isEqualTo(400);
    }

    @Test
    void requestBodiesAreCappedAndMalformedOnesAnswerProblems() {
        final int cap = 4 * Limits.MAX_JSON_LENGTH_CHARS;
        final TestNode.Reply over = post("/credentials/verify", " ".repeat(cap + 1));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.body()).contains("PARSING_ERROR").contains("at most " + cap + " bytes");
        final TestNode.Reply atCap = post("/credentials/verify", "{}" + " ".repeat(cap - 2));
        assertThat(atCap.status()).isEqualTo(400);
        assertThat(atCap.body()).as("read in full, then refused by the API's own length cap").doesNotContain("bytes are accepted");
        final TestNode.Reply malformed = post("/credentials/issue", "{\"credential\": 7}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("type").asText()).endsWith("MALFORMED_VALUE_ERROR");
    }

    @Test
    void aNodeWithoutAnIssuerKeyAnswers501ToIssue() {
        try (TestNode verifierOnly = TestNode.start(config -> config)) {
            final TestNode.Reply refused = verifierOnly.post("/credentials/issue", HttpRequest.BodyPublishers.ofString(
                "{\"credential\": " + credential("urn:uuid:x") + "}"), "application/json");
            assertThat(refused.status()).isEqualTo(501);
            final ObjectNode problem = (ObjectNode) refused.json();
            assertThat(problem.path("detail").asText()).contains("no issuer key");
        }
    }

    private static JsonObject jakarta(final String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
