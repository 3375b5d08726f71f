package org.banyan.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PresentationTest {

    private static final CredentialVerifier VERIFIER = Fixtures.verifier(new RevocationStatus.Active());
    private static final String CHALLENGE = "c0ae1c8e-c7e7-469f-b252-86e6a0e7387e";
    private static final String DOMAIN = "verifier.example";
    private static final PresentationExpectations EXPECTED = new PresentationExpectations(CHALLENGE, Optional.of(DOMAIN));

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void aHolderSignedPresentationVerifiesWithItsCredential(final Cryptosuite suite) {
        final VerificationResult result = VERIFIER.verifyPresentation(signed(suite, unsigned(credential())), EXPECTED,
                Fixtures.NOW);

        assertThat(result.errors()).isEmpty();
        assertThat(result.verified()).isTrue();
        assertThat(result.checks()).containsExactly("proof", "holder");
        assertThat(result.credentialResults()).singleElement().satisfies(credential -> assertThat(credential.verified()).isTrue());
        assertThat(result.toJson().getJsonArray("credentialResults")).hasSize(1);
    }

    @Test
    void aWrongChallengeOrDomainIsRejectedWithItsOwnError() {
        final JsonObject presentation = signed(Cryptosuite.EDDSA_RDFC_2022, unsigned(credential()));

        assertThat(Fixtures.errorTypes(VERIFIER.verifyPresentation(presentation,
                new PresentationExpectations("another-challenge", Optional.of(DOMAIN)), Fixtures.NOW)))
                .containsExactly(ProblemType.INVALID_CHALLENGE_ERROR);
        assertThat(Fixtures.errorTypes(VERIFIER.verifyPresentation(presentation,
                new PresentationExpectations(CHALLENGE, Optional.of("evil.example")), Fixtures.NOW)))
                .containsExactly(ProblemType.INVALID_DOMAIN_ERROR);
        assertThat(VERIFIER.verifyPresentation(presentation, new PresentationExpectations(CHALLENGE, Optional.empty()),
                Fixtures.NOW).verified()).isTrue();
    }

    @Test
    void aCredentialProofIsNotAcceptedAsAPresentationProof() {
        final JsonObject presentation = DataIntegrity.addProof(unsigned(credential()), ProofOptions.assertion(
                Cryptosuite.EDDSA_JCS_2022, Fixtures.HOLDER.verificationMethod(), Fixtures.ISSUED), Fixtures.HOLDER_KEY);

        assertThat(Fixtures.errorTypes(VERIFIER.verifyPresentation(presentation, EXPECTED, Fixtures.NOW)))
                .containsExactly(ProblemType.MISMATCHED_PROOF_PURPOSE_ERROR);
    }

    @Test
    void aTamperedEmbeddedCredentialFailsThePresentation() {
        final JsonObject credential = credential();
        final JsonObject tampered = Fixtures.with(credential, "validUntil", "2030-12-31T23:59:59Z");

        final VerificationResult result = VERIFIER.verifyPresentation(
                signed(Cryptosuite.EDDSA_RDFC_2022, unsigned(tampered)), EXPECTED, Fixtures.NOW);

        assertThat(result.errors()).isEmpty();
        assertThat(result.verified()).isFalse();
        assertThat(Fixtures.errorTypes(result.credentialResults().get(0)))
                .containsExactly(ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR);
        assertThat(result.toJson().getBoolean("verified")).isFalse();
    }

    @Test
    void aHolderWhoDidNotSignIsRejected() {
        final JsonObject presentation = DataIntegrity.addProof(unsigned(credential()), ProofOptions.authentication(
                Cryptosuite.EDDSA_RDFC_2022, Fixtures.ISSUER.verificationMethod(), Fixtures.ISSUED, CHALLENGE,
                Optional.of(DOMAIN)), Fixtures.ISSUER_KEY);

        final VerificationResult result = VERIFIER.verifyPresentation(presentation, EXPECTED, Fixtures.NOW);

        assertThat(Fixtures.errorTypes(result)).containsExactly(ProblemType.PROOF_VERIFICATION_ERROR);
        assertThat(result.errors().get(0).detail()).contains("holder " + Fixtures.HOLDER.controller());
        assertThatThrownBy(() -> Fixtures.ISSUER.present(unsigned(credential()), Cryptosuite.EDDSA_RDFC_2022,
                Fixtures.ISSUED, CHALLENGE, Optional.empty())).isInstanceOf(CredentialException.class)
                .hasMessageContaining("is not this signer");
    }

    @Test
    void credentialsPerPresentationAreCappedAtTheLimit() {
        final JsonObject credential = credential();
        final JsonObject atCap = unsigned(credentials(credential, Limits.MAX_CREDENTIALS_PER_PRESENTATION));
        final JsonObject overCap = unsigned(credentials(credential, Limits.MAX_CREDENTIALS_PER_PRESENTATION + 1));

        final VerificationResult result = VERIFIER.verifyPresentation(
                signed(Cryptosuite.EDDSA_JCS_2022, atCap), EXPECTED, Fixtures.NOW);
        assertThat(result.verified()).isTrue();
        assertThat(result.credentialResults()).hasSize(Limits.MAX_CREDENTIALS_PER_PRESENTATION);
        assertThatThrownBy(() -> signed(Cryptosuite.EDDSA_JCS_2022, overCap)).isInstanceOf(CredentialException.class)
                .hasMessageContaining("RANGE_ERROR");
    }

    @Test
    void presentationShapeRulesAreEnforced() {
        final JsonObject presentation = unsigned(credential());

        assertThat(Fixtures.errorTypes(VERIFIER.verifyPresentation(
                Fixtures.with(signed(Cryptosuite.EDDSA_JCS_2022, presentation), "type", "VerifiableCredential"),
                EXPECTED, Fixtures.NOW))).contains(ProblemType.MALFORMED_VALUE_ERROR);
        assertThat(Fixtures.errorTypes(VERIFIER.verifyPresentation(
                Fixtures.with(signed(Cryptosuite.EDDSA_JCS_2022, presentation), "verifiableCredential", "eyJhbGciOi"),
                EXPECTED, Fixtures.NOW))).contains(ProblemType.MALFORMED_VALUE_ERROR);
        assertThatThrownBy(() -> new PresentationExpectations("", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonObject credential() {
        return Fixtures.signedCredential(Cryptosuite.EDDSA_RDFC_2022);
    }

    private static JsonObject unsigned(final JsonObject credentials) {
        final JsonObject presentation = JsonText.parseObject("""
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
                 "holder": "%s"}""".formatted(Fixtures.HOLDER.controller()), "presentation");
        return Fixtures.with(presentation, "verifiableCredential",
                credentials.containsKey("proof") ? credentials : credentials.get("verifiableCredential"));
    }

    private static JsonObject credentials(final JsonObject credential, final int count) {
        final JsonArrayBuilder array = JsonText.PROVIDER.createArrayBuilder();
        for (int index = 0; index < count; index++) {
            array.add(credential);
        }
        return JsonText.PROVIDER.createObjectBuilder().add("verifiableCredential", array).build();
    }

    private static JsonObject signed(final Cryptosuite suite, final JsonObject presentation) {
        return Fixtures.HOLDER.present(presentation, suite, Fixtures.ISSUED, CHALLENGE, Optional.of(DOMAIN));
    }
}
