package org.banyan.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsApiTest {

    private static final CredentialsApi API = new CredentialsApi(Optional.of(Fixtures.ISSUER), Cryptosuite.EDDSA_RDFC_2022,
            VerificationMethodResolver.didKey(), query -> new RevocationStatus.Active());

    @Test
    void issueReturnsTheSignedCredentialWith201() {
        final ApiResponse response = API.issue(issueRequest("{}"), Fixtures.ISSUED);
        final JsonObject signed = body(response).getJsonObject("verifiableCredential");

        assertThat(response.status()).isEqualTo(201);
        assertThat(signed.getJsonObject("proof").getString("cryptosuite")).isEqualTo("eddsa-rdfc-2022");
        assertThat(signed.getJsonObject("proof").getString("created")).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(signed).isEqualTo(Fixtures.signedCredential(Cryptosuite.EDDSA_RDFC_2022));
    }

    @Test
    void issueHonoursTheCryptosuiteAndCreatedOptions() {
        final ApiResponse response = API.issue(issueRequest(
                "{\"cryptosuite\":\"eddsa-jcs-2022\",\"created\":\"2025-02-03T04:05:06Z\"}"), Fixtures.NOW);
        final JsonObject proof = body(response).getJsonObject("verifiableCredential").getJsonObject("proof");

        assertThat(proof.getString("cryptosuite")).isEqualTo("eddsa-jcs-2022");
        assertThat(proof.getString("created")).isEqualTo("2025-02-03T04:05:06Z");
        assertThat(proof.containsKey("@context")).isTrue();
    }

    @Test
    void issueRejectsBadRequestsWithAProblemAnd400() {
        assertProblem(API.issue(issueRequest("{\"credentialId\":\"urn:x\"}"), Fixtures.NOW), 400, "unknown issue option");
        assertProblem(API.issue(issueRequest("{\"cryptosuite\":\"bbs-2023\"}"), Fixtures.NOW), 400, "bbs-2023");
        assertProblem(API.issue(issueRequest("{\"created\":\"yesterday\"}"), Fixtures.NOW), 400, "options.created");
        assertProblem(API.issue("{\"credential\":[]}", Fixtures.NOW), 400, "must be a JSON object");
        assertProblem(API.issue("{\"credential\":{},\"extra\":1}", Fixtures.NOW), 400, "unknown request member 'extra'");
        assertProblem(API.issue("not json", Fixtures.NOW), 400, "not valid JSON");
        final CredentialsApi verifyOnly = new CredentialsApi(Optional.empty(), Cryptosuite.EDDSA_RDFC_2022,
                VerificationMethodResolver.didKey(), RevocationCheck.none());
        assertProblem(verifyOnly.issue(issueRequest("{}"), Fixtures.NOW), 501, "no issuer key");
    }

    @Test
    void verifyAnswers200WhenVerifiedAnd400WithTheErrorsOtherwise() {
        final JsonObject signed = Fixtures.signedCredential(Cryptosuite.EDDSA_JCS_2022);
        final JsonObject tampered = Fixtures.with(signed, "validUntil", "2099-01-01T00:00:00Z");

        final ApiResponse verified = API.verifyCredential(verifyRequest(signed), Fixtures.NOW);
        final ApiResponse rejected = API.verifyCredential(verifyRequest(tampered), Fixtures.NOW);

        assertThat(verified.status()).isEqualTo(200);
        assertThat(body(verified).getBoolean("verified")).isTrue();
        assertThat(body(verified).getJsonArray("checks")).hasSize(4);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(body(rejected).getBoolean("verified")).isFalse();
        assertThat(body(rejected).getJsonArray("errors").getJsonObject(0).getString("type"))
                .isEqualTo("https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR");
    }

    @Test
    void verifyTakesAStringCredentialAsABifJws() {
        final JsonObject credential = JsonText.parseObject("""
                {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
                 "issuer": "%s", "issuanceDate": "2025-01-01T00:00:00Z", "credentialSubject": {"id": "did:bid:x"}}
                """.formatted(Fixtures.ISSUER.controller()), "credential");
        final String token = BifCredentials.issue(credential, Fixtures.ISSUER_KEY, Fixtures.ISSUER.verificationMethod());

        final ApiResponse verified = API.verifyCredential("{\"verifiableCredential\":\"" + token + "\"}", Fixtures.NOW);
        final ApiResponse truncated = API.verifyCredential(
                "{\"verifiableCredential\":\"" + token.substring(0, token.length() - 2) + "\"}", Fixtures.NOW);

        assertThat(verified.status()).isEqualTo(200);
        assertThat(body(verified).getJsonArray("checks")).hasSize(3);
        assertThat(truncated.status()).isEqualTo(400);
        assertThat(body(truncated).getJsonArray("errors").toString()).contains("MALFORMED_PROOF_ERROR");
    }

    @Test
    void presentationVerifyNeedsTheChallengeAndChecksIt() {
        final JsonObject unsigned = Fixtures.with(JsonText.parseObject(
                "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":\"VerifiablePresentation\"}", "vp"),
                "verifiableCredential", Fixtures.signedCredential(Cryptosuite.EDDSA_RDFC_2022));
        final JsonObject presentation = Fixtures.HOLDER.present(
                unsigned, Cryptosuite.EDDSA_RDFC_2022, Fixtures.ISSUED, "abc123", Optional.empty());
        final String vp = JsonText.write(presentation);

        final ApiResponse verified = API.verifyPresentation(
                "{\"verifiablePresentation\":" + vp + ",\"options\":{\"challenge\":\"abc123\"}}", Fixtures.NOW);
        final ApiResponse replayed = API.verifyPresentation(
                "{\"verifiablePresentation\":" + vp + ",\"options\":{\"challenge\":\"other\"}}", Fixtures.NOW);
        final ApiResponse noChallenge = API.verifyPresentation("{\"verifiablePresentation\":" + vp + "}", Fixtures.NOW);

        assertThat(verified.status()).isEqualTo(200);
        assertThat(body(verified).getJsonArray("credentialResults")).hasSize(1);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(body(replayed).toString()).contains("INVALID_CHALLENGE_ERROR");
        assertThat(noChallenge.status()).isEqualTo(400);
        assertThat(body(noChallenge).toString()).contains("options.challenge is required");
    }

    @Test
    void requestBodiesAreAcceptedAtTheLengthCapAndRejectedBeyond() {
        final String empty = issueRequestWithDescription("");
        final String atCap = issueRequestWithDescription("x".repeat(Limits.MAX_JSON_LENGTH_CHARS - empty.length()));
        final String overCap = issueRequestWithDescription("x".repeat(Limits.MAX_JSON_LENGTH_CHARS - empty.length() + 1));

        assertThat(atCap).hasSize(Limits.MAX_JSON_LENGTH_CHARS);
        assertThat(API.issue(atCap, Fixtures.ISSUED).status()).isEqualTo(201);
        assertProblem(API.issue(overCap, Fixtures.ISSUED), 400, "at most 262144 are accepted");
        assertThat(API.verifyCredential(overCap, Fixtures.NOW).body()).contains("PARSING_ERROR");
    }

    @Test
    void requestBodiesAreAcceptedAtTheDepthCapAndRejectedBeyond() {
        final int arrays = Limits.MAX_JSON_NESTING_DEPTH - 3;
        final String atCap = "{\"verifiableCredential\":{\"credentialSubject\":{\"id\":\"did:x:1\",\"deep\":"
                + "[".repeat(arrays) + "]".repeat(arrays) + "}}}";
        final String overCap = atCap.replace("\"deep\":[", "\"deep\":[[").replace("]}}}", "]]}}}");

        assertThat(List.of(body(API.verifyCredential(atCap, Fixtures.NOW)).getJsonArray("errors").toString()))
                .noneMatch(errors -> errors.contains("PARSING_ERROR"));
        assertThat(body(API.verifyCredential(overCap, Fixtures.NOW)).getJsonArray("errors").toString())
                .contains("PARSING_ERROR").contains("nests deeper than 32");
    }

    private static String issueRequest(final String options) {
        return "{\"credential\":" + JsonText.write(Fixtures.unsignedCredential()) + ",\"options\":" + options + "}";
    }

    private static String issueRequestWithDescription(final String description) {
        return "{\"credential\":" + JsonText.write(Fixtures.with(Fixtures.unsignedCredential(), "description", description))
                + "}";
    }

    private static String verifyRequest(final JsonObject credential) {
        return "{\"verifiableCredential\":" + JsonText.write(credential) + ",\"options\":{}}";
    }

    private static JsonObject body(final ApiResponse response) {
        return JsonText.parseObject(response.body(), "response");
    }

    private static void assertProblem(final ApiResponse response, final int status, final String detail) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(body(response).getString("detail")).contains(detail);
        assertThat(body(response).getString("type")).isNotBlank();
    }
}
