package org.banyan.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.banyan.crypto.Hex;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BifCredentialsTest {

    private static final PrivateKey ED25519 = PrivateKey.parse("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");
    private static final PrivateKey SM2 = PrivateKey.fromRaw(KeyType.SM2,
            Hex.decode("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8"));
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final BifCredentials VERIFIER = new BifCredentials(
            VerificationMethodResolver.of(List.of(method(ED25519), method(SM2))), query -> new RevocationStatus.Active());

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aCredentialSignedWithEitherKeyTypeVerifies(final KeyType type) {
        final PrivateKey key = key(type);
        final String token = BifCredentials.issue(credential(key), key, keyId(key));
        final CompactJws jws = CompactJws.parse(token);

        assertThat(jws.header().getString("alg")).isEqualTo(type == KeyType.SM2 ? "SM2" : "EdDSA");
        assertThat(jws.keyId()).isEqualTo(keyId(key));
        assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .isEqualTo(JsonCanonicalization.canonicalize(credential(key)));
        final VerificationResult result = VERIFIER.verify(token, NOW);
        assertThat(result.errors()).isEmpty();
        assertThat(result.checks()).containsExactly("proof", "validity", "revocation");
    }

    @Test
    void theEd25519KeyIsTheBidOfThePublishedVector() {
        assertThat(ED25519.publicKey().address().toString()).isEqualTo("did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aChangedPayloadIsDetectedAsTampering(final KeyType type) {
        final PrivateKey key = key(type);
        final String[] parts = BifCredentials.issue(credential(key), key, keyId(key)).split("\\.");
        final JsonObject changed = Fixtures.with(credential(key), "validBefore", "2099-01-01T00:00:00Z");
        final String tampered = parts[0] + '.' + base64Url(JsonCanonicalization.canonicalize(changed)) + '.' + parts[2];

        assertThat(Fixtures.errorTypes(VERIFIER.verify(tampered, NOW))).containsExactly(ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR);
    }

    @Test
    void bifsHexTextSignatureFormIsAlsoAccepted() {
        final String[] parts = BifCredentials.issue(credential(SM2), SM2, keyId(SM2)).split("\\.");
        final String hexText = Hex.encode(Base64.getUrlDecoder().decode(parts[2]));
        final String bifForm = parts[0] + '.' + parts[1] + '.' + base64Url(hexText);

        assertThat(VERIFIER.verify(bifForm, NOW).verified()).isTrue();
        assertThat(Fixtures.errorTypes(VERIFIER.verify(parts[0] + '.' + parts[1] + '.' + base64Url("zz".repeat(64)), NOW)))
                .containsExactly(ProblemType.MALFORMED_PROOF_ERROR);
    }

    @Test
    void anAlgorithmThatDoesNotFitTheKeyIsRejected() {
        final String header = base64Url("{\"alg\":\"EdDSA\",\"kid\":\"" + keyId(SM2) + "\"}");
        final String token = header + '.' + base64Url(JsonCanonicalization.canonicalize(credential(SM2))) + '.'
                + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);

        final VerificationResult result = VERIFIER.verify(token, NOW);

        assertThat(Fixtures.errorTypes(result)).containsExactly(ProblemType.PROOF_VERIFICATION_ERROR);
        assertThat(result.errors().get(0).detail()).contains("does not fit the SM2 key");
    }

    @Test
    void malformedTokensAreRejectedWithClearErrors() {
        final String valid = BifCredentials.issue(credential(ED25519), ED25519, keyId(ED25519));
        final String[] parts = valid.split("\\.");

        assertThat(firstError("a.b")).isEqualTo(ProblemType.PARSING_ERROR);
        assertThat(firstError(parts[0] + "=." + parts[1] + '.' + parts[2])).isEqualTo(ProblemType.PARSING_ERROR);
        assertThat(firstError(parts[0] + ".!!!." + parts[2])).isEqualTo(ProblemType.PARSING_ERROR);
        assertThat(firstError(base64Url("{\"alg\":\"none\",\"kid\":\"x\"}") + '.' + parts[1] + '.'))
                .isEqualTo(ProblemType.MALFORMED_PROOF_ERROR);
        assertThat(firstError("eyJhbGciOiJTTTIifQ." + parts[1] + '.' + parts[2])).isEqualTo(ProblemType.MALFORMED_PROOF_ERROR);
        assertThat(firstError(parts[0] + '.' + parts[1] + ".AAAA")).isEqualTo(ProblemType.MALFORMED_PROOF_ERROR);
        assertThat(firstError(parts[0] + '.' + base64Url("[1]") + '.' + parts[2])).isEqualTo(ProblemType.PARSING_ERROR);
    }

    @Test
    void tokensAreAcceptedUpToTheLengthCapAndRejectedBeyond() {
        final String atCap = "a".repeat(Limits.MAX_JWS_LENGTH_CHARS);

        assertThat(VERIFIER.verify(atCap, NOW).errors().get(0).detail()).contains("three parts");
        assertThat(VERIFIER.verify(atCap + "a", NOW).errors().get(0).detail())
                .contains("at most " + Limits.MAX_JWS_LENGTH_CHARS);
    }

    @Test
    void anUnknownKeyAnotherIssuerAndTheValidityPeriodAreChecked() {
        final PrivateKey stranger = PrivateKey.parse("priSPKiwJR7PwjN3bGPRvXRoC6Dny1H5H3kASHgTEugjtUDknW");
        final String unknown = BifCredentials.issue(credential(stranger), stranger, keyId(stranger));
        final String foreign = CompactJws.sign(Fixtures.with(credential(ED25519), "issuer",
                SM2.publicKey().address().toString()), ED25519, keyId(ED25519));
        final String valid = BifCredentials.issue(credential(ED25519), ED25519, keyId(ED25519));

        assertThat(Fixtures.errorTypes(VERIFIER.verify(unknown, NOW))).containsExactly(ProblemType.PROOF_VERIFICATION_ERROR);
        assertThat(Fixtures.errorTypes(VERIFIER.verify(foreign, NOW))).containsExactly(ProblemType.PROOF_VERIFICATION_ERROR);
        assertThat(Fixtures.errorTypes(VERIFIER.verify(valid, Instant.parse("2024-12-31T00:00:00Z"))))
                .containsExactly(ProblemType.NOT_YET_VALID);
        assertThat(Fixtures.errorTypes(VERIFIER.verify(valid, Instant.parse("2031-01-01T00:00:00Z"))))
                .containsExactly(ProblemType.EXPIRED);
        assertThatThrownBy(() -> BifCredentials.issue(credential(ED25519), SM2, keyId(SM2)))
                .isInstanceOf(CredentialException.class).hasMessageContaining("does not own the signing key");
        assertThatThrownBy(() -> BifCredentials.issue(Fixtures.without(credential(ED25519), "issuanceDate"), ED25519,
                keyId(ED25519))).isInstanceOf(CredentialException.class).hasMessageContaining("issuanceDate");
    }

    @Test
    void theRegistryIsAskedWithTheRevocationIdAndRevocationRequestsAreSigned() {
        final List<RevocationQuery> queries = new ArrayList<>();
        final BifCredentials verifier = new BifCredentials(VerificationMethodResolver.of(List.of(method(ED25519))), query -> {
            queries.add(query);
            return new RevocationStatus.Revoked("listed on chain");
        });

        final VerificationResult result = verifier.verify(BifCredentials.issue(credential(ED25519), ED25519,
                keyId(ED25519)), NOW);
        final CompactJws request = CompactJws.parse(BifCredentials.revocationRequest(
                "urn:uuid:bif-1872", "20100101NN30d398", "licence withdrawn", ED25519, keyId(ED25519)));

        assertThat(Fixtures.errorTypes(result)).containsExactly(ProblemType.REVOKED);
        assertThat(queries).singleElement().satisfies(query -> assertThat(query.revocationId()).contains("20100101NN30d398"));
        assertThat(request.payload().getString("issuer")).isEqualTo(ED25519.publicKey().address().toString());
        assertThat(request.payload().getString("revocation_id")).isEqualTo("20100101NN30d398");
        assertThat(request.verifies(ED25519.publicKey())).isTrue();
        assertThat(request.verifies(SM2.publicKey())).isFalse();
    }

    private static PrivateKey key(final KeyType type) {
        return type == KeyType.SM2 ? SM2 : ED25519;
    }

    private static String keyId(final PrivateKey key) {
        return key.publicKey().address() + "#key-1";
    }

    private static VerificationMethod method(final PrivateKey key) {
        return new VerificationMethod(keyId(key), key.publicKey().address().toString(), key.publicKey(),
                Set.copyOf(EnumSet.of(ProofPurpose.ASSERTION_METHOD, ProofPurpose.AUTHENTICATION)));
    }

    private static JsonObject credential(final PrivateKey issuer) {
        return JsonText.parseObject("""
                {"@context": ["https://www.w3.org/2018/credentials/v1"], "id": "urn:uuid:bif-1872",
                 "type": ["VerifiableCredential", "AlumniCredential"], "issuer": "%s",
                 "issuanceDate": "2025-01-01T19:23:24Z", "templateId": "20100101T23Nedex",
                 "validBefore": "2030-10-01T19:23:24Z", "revocationId": "20100101NN30d398",
                 "credentialSubject": {"id": "did:bid:efzE8AcDgWUeNbgujA5hK3oUeuG9k19b", "alumniOf": "Example University"}}
                """.formatted(issuer.publicKey().address()), "credential");
    }

    private static String base64Url(final String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ProblemType firstError(final String token) {
        return VERIFIER.verify(token, NOW).errors().get(0).type();
    }
}
