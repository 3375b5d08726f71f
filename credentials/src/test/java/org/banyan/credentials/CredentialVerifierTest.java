package org.banyan.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CredentialVerifierTest {

    private static final CredentialVerifier VERIFIER = Fixtures.verifier(new RevocationStatus.Active());

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void anIssuedCredentialVerifiesWithEveryCheck(final Cryptosuite suite) {
        final VerificationResult result = VERIFIER.verifyCredential(Fixtures.signedCredential(suite), Fixtures.NOW);

        assertThat(result.errors()).isEmpty();
        assertThat(result.verified()).isTrue();
        assertThat(result.checks()).containsExactly("proof", "issuer", "validity", "revocation");
        assertThat(result.toJson().getBoolean("verified")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void changingAClaimAfterSigningIsDetectedAsTampering(final Cryptosuite suite) {
        final JsonObject signed = Fixtures.signedCredential(suite);
        final JsonObject subject = Fixtures.with(signed.getJsonObject("credentialSubject"), "legalName", "Mallory Ltd");

        final VerificationResult result = VERIFIER.verifyCredential(
                Fixtures.with(signed, "credentialSubject", subject), Fixtures.NOW);

        assertThat(result.verified()).isFalse();
        assertThat(Fixtures.errorTypes(result)).containsExactly(ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR);
    }

    @ParameterizedTest
    @EnumSource(Cryptosuite.class)
    void changingTheProofsCreationTimeIsDetectedAsTampering(final Cryptosuite suite) {
        final JsonObject tampered = Fixtures.withProofMember(
                Fixtures.signedCredential(suite), "created", "2025-01-02T00:00:00Z");

        assertThat(Fixtures.errorTypes(VERIFIER.verifyCredential(tampered, Fixtures.NOW)))
                .containsExactly(ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR);
    }

    @Test
    void changingTheNumberTypeOfAClaimIsDetectedUnderJcs() {
        final JsonObject signed = Fixtures.signedCredential(Cryptosuite.EDDSA_JCS_2022);
        final JsonObject subject = Fixtures.with(signed.getJsonObject("credentialSubject"), "employees", "42");

        assertThat(Fixtures.errorTypes(VERIFIER.verifyCredential(Fixtures.with(signed, "credentialSubject", subject),
                Fixtures.NOW))).containsExactly(ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR);
    }

    @Test
    void eachBrokenProofMemberHasItsOwnError() {
        final JsonObject signed = Fixtures.signedCredential(Cryptosuite.EDDSA_RDFC_2022);

        assertThat(errors(Fixtures.withProofMember(signed, "proofPurpose", "authentication")))
                .containsExactly(ProblemType.MISMATCHED_PROOF_PURPOSE_ERROR);
        assertThat(errors(Fixtures.withProofMember(signed, "proofValue", "z3mm")))
                .containsExactly(ProblemType.MALFORMED_PROOF_ERROR);
        assertThat(errors(Fixtures.withProofMember(signed, "proofValue", "u" + "A".repeat(86))))
                .containsExactly(ProblemType.MALFORMED_PROOF_ERROR);
        assertThat(errors(Fixtures.withProofMember(signed, "cryptosuite", "ecdsa-rdfc-2019")))
                .containsExactly(ProblemType.PROOF_VERIFICATION_ERROR);
        assertThat(errors(Fixtures.withProofMember(signed, "type", "Ed25519Signature2020")))
                .containsExactly(ProblemType.PROOF_VERIFICATION_ERROR);
        assertThat(errors(Fixtures.withProofMember(signed, "created", "2025-01-02")))
                .containsExactly(ProblemType.MALFORMED_PROOF_ERROR);
        assertThat(errors(Fixtures.withProofMember(signed, "expires", "2025-02-01T00:00:00Z")))
                .containsExactly(ProblemType.PROOF_VERIFICATION_ERROR);
        assertThat(errors(Fixtures.withProofMember(signed, "previousProof", "urn:uuid:1")))
                .containsExactly(ProblemType.PROOF_VERIFICATION_ERROR);
        assertThat(errors(Fixtures.with(signed, "proof", Fixtures.without(signed.getJsonObject("proof"), "verificationMethod"))))
                .containsExactly(ProblemType.MALFORMED_PROOF_ERROR);
        assertThat(errors(Fixtures.without(signed, "proof"))).containsExactly(ProblemType.MALFORMED_PROOF_ERROR);
        assertThat(errors(Fixtures.with(signed, "proof", "not an object"))).containsExactly(ProblemType.MALFORMED_PROOF_ERROR);
    }

    @Test
    void aKeyOfAnotherDidOrAnUnresolvableMethodFails() {
        final JsonObject signed = Fixtures.signedCredential(Cryptosuite.EDDSA_RDFC_2022);
        final String holderMethod = Fixtures.HOLDER.verificationMethod();

        final VerificationResult otherKey = VERIFIER.verifyCredential(
                Fixtures.withProofMember(signed, "verificationMethod", holderMethod), Fixtures.NOW);

        assertThat(Fixtures.errorTypes(otherKey)).containsExactly(ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR);
        assertThat(errors(Fixtures.withProofMember(signed, "verificationMethod", "did:bid:efzE8AcDgWUeNbgujA5hK3oUeuG9k19b#key-1")))
                .containsExactly(ProblemType.PROOF_VERIFICATION_ERROR);
    }

    @Test
    void aCredentialSignedByAKeyTheIssuerDoesNotControlFails() {
        final JsonObject forged = Fixtures.HOLDER.issue(
                Fixtures.with(Fixtures.unsignedCredential(), "issuer", Fixtures.HOLDER.controller()),
                Cryptosuite.EDDSA_JCS_2022, Fixtures.ISSUED);
        final JsonObject claimed = DataIntegrity.addProof(Fixtures.unsignedCredential(),
                ProofOptions.assertion(Cryptosuite.EDDSA_JCS_2022, Fixtures.HOLDER.verificationMethod(), Fixtures.ISSUED),
                Fixtures.HOLDER_KEY);

        assertThat(VERIFIER.verifyCredential(forged, Fixtures.NOW).verified()).isTrue();
        final VerificationResult result = VERIFIER.verifyCredential(claimed, Fixtures.NOW);
        assertThat(Fixtures.errorTypes(result)).containsExactly(ProblemType.PROOF_VERIFICATION_ERROR);
        assertThat(result.errors().get(0).detail()).contains("does not control any key that signed");
    }

    @Test
    void theRecommendationsVectorPassesItsProofButNotTheIssuerBinding() {
        final VerificationResult result = VERIFIER.verifyCredential(Vectors.json("eddsa-rdfc-2022/signed.json"), Vectors.NOW);

        assertThat(result.checks()).contains("proof", "validity");
        assertThat(result.errors()).singleElement().satisfies(problem -> assertThat(problem.detail())
                .contains("issuer https://vc.example/issuers/5678 does not control"));
    }

    @Test
    void theValidityPeriodIsJudgedAtTheTimePassedIn() {
        final JsonObject signed = Fixtures.signedCredential(Cryptosuite.EDDSA_RDFC_2022);

        assertThat(Fixtures.errorTypes(VERIFIER.verifyCredential(signed, Instant.parse("2024-12-31T23:59:59Z"))))
                .containsExactly(ProblemType.NOT_YET_VALID);
        assertThat(Fixtures.errorTypes(VERIFIER.verifyCredential(signed, Instant.parse("2027-01-01T00:00:00Z"))))
                .containsExactly(ProblemType.EXPIRED);
        assertThat(VERIFIER.verifyCredential(signed, Instant.parse("2025-01-01T00:00:00Z")).verified()).isTrue();
        assertThat(VERIFIER.verifyCredential(signed, Instant.parse("2026-12-31T23:59:59Z")).verified()).isTrue();
    }

    @Test
    void theRevocationRegistryDecidesRevokedAndUnknownOnlyWarns() {
        final JsonObject signed = Fixtures.signedCredential(Cryptosuite.EDDSA_RDFC_2022);
        final List<RevocationQuery> queries = new ArrayList<>();
        final CredentialVerifier recording = new CredentialVerifier(VerificationMethodResolver.didKey(), query -> {
            queries.add(query);
            return new RevocationStatus.Revoked("issuer request 7");
        });

        final VerificationResult revoked = recording.verifyCredential(signed, Fixtures.NOW);
        final VerificationResult unknown = Fixtures.verifier(new RevocationStatus.Unknown("registry unreachable"))
                .verifyCredential(signed, Fixtures.NOW);

        assertThat(Fixtures.errorTypes(revoked)).containsExactly(ProblemType.REVOKED);
        assertThat(revoked.errors().get(0).detail()).contains("issuer request 7");
        assertThat(queries).singleElement().satisfies(query -> {
            assertThat(query.issuer()).isEqualTo(Fixtures.ISSUER.controller());
            assertThat(query.credentialId()).contains("urn:uuid:7c1f3d6e-0d1c-4a4e-9e1b-0c2f3a4b5c6d");
        });
        assertThat(unknown.verified()).isTrue();
        assertThat(unknown.warnings()).extracting(Problem::type).containsExactly(ProblemType.REVOCATION_STATUS_UNKNOWN);
        assertThat(new CredentialVerifier(VerificationMethodResolver.didKey(), RevocationCheck.none())
                .verifyCredential(signed, Fixtures.NOW).warnings()).hasSize(1);
    }

    @Test
    void vc20ShapeRulesAreEnforcedWithMalformedValueErrors() {
        final JsonObject signed = Fixtures.signedCredential(Cryptosuite.EDDSA_JCS_2022);

        assertThat(shapeErrors(Fixtures.with(signed, "@context", BundledContexts.CREDENTIALS_V2)))
                .anyMatch(detail -> detail.contains("@context must be an array"));
        assertThat(shapeErrors(Fixtures.without(signed, "issuer"))).anyMatch(detail -> detail.contains("must have an issuer"));
        assertThat(shapeErrors(Fixtures.with(signed, "issuer", "not a url"))).anyMatch(detail -> detail.contains("issuer must"));
        assertThat(shapeErrors(Fixtures.with(signed, "type", "EnterpriseCredential")))
                .anyMatch(detail -> detail.contains("includes VerifiableCredential"));
        assertThat(shapeErrors(Fixtures.without(signed, "credentialSubject")))
                .anyMatch(detail -> detail.contains("credentialSubject"));
        assertThat(shapeErrors(Fixtures.with(signed, "validUntil", "2026-12-31")))
                .anyMatch(detail -> detail.contains("validUntil must be an XML Schema dateTimeStamp"));
        assertThat(shapeErrors(Fixtures.with(signed, "validUntil", "2024-12-31T23:59:59Z")))
                .anyMatch(detail -> detail.contains("earlier than validFrom"));
        assertThat(shapeErrors(Fixtures.with(signed, "id", "7c1f3d6e"))).anyMatch(detail -> detail.contains("id must be a URL"));
        assertThat(shapeErrors(Fixtures.with(signed, "credentialStatus", JsonText.parseObject("{\"id\":\"urn:x:1\"}", "s"))))
                .anyMatch(detail -> detail.contains("credentialStatus must be an object with a type"));
    }

    @Test
    void proofSetsVerifyEveryProofAndAreCapped() {
        JsonObject document = Fixtures.signedCredential(Cryptosuite.EDDSA_RDFC_2022);
        document = DataIntegrity.addProof(document, ProofOptions.assertion(
                Cryptosuite.EDDSA_JCS_2022, Fixtures.HOLDER.verificationMethod(), Fixtures.ISSUED), Fixtures.HOLDER_KEY);

        final ProofVerification both = DataIntegrity.verify(document, ProofExpectations.assertion(Fixtures.NOW),
                VerificationMethodResolver.didKey());
        assertThat(both.verified()).isTrue();
        assertThat(both.provers()).extracting(VerificationMethod::controller)
                .containsExactly(Fixtures.ISSUER.controller(), Fixtures.HOLDER.controller());
        assertThat(VERIFIER.verifyCredential(document, Fixtures.NOW).verified()).isTrue();

        for (int proof = 2; proof < Limits.MAX_PROOFS_PER_DOCUMENT; proof++) {
            document = DataIntegrity.addProof(document, ProofOptions.assertion(Cryptosuite.EDDSA_JCS_2022,
                    Fixtures.ISSUER.verificationMethod(), Fixtures.ISSUED), Fixtures.ISSUER_KEY);
        }
        final JsonObject atCap = document;
        assertThat(DataIntegrity.verify(atCap, ProofExpectations.assertion(Fixtures.NOW), VerificationMethodResolver.didKey())
                .provers()).hasSize(Limits.MAX_PROOFS_PER_DOCUMENT);
        assertThatThrownBy(() -> DataIntegrity.addProof(atCap, ProofOptions.assertion(Cryptosuite.EDDSA_JCS_2022,
                Fixtures.ISSUER.verificationMethod(), Fixtures.ISSUED), Fixtures.ISSUER_KEY))
                .isInstanceOf(CredentialException.class).hasMessageContaining("PROOF_GENERATION_ERROR");
        final JsonObject overCap = Fixtures.with(atCap, "proof", JsonText.PROVIDER.createArrayBuilder(atCap.getJsonArray("proof"))
                .add(atCap.getJsonArray("proof").get(0)).build());
        assertThat(errors(overCap)).containsExactly(ProblemType.RANGE_ERROR);
    }

    @Test
    void aJcsProofWhoseContextIsNotThePrefixOfTheDocumentsFails() {
        final JsonObject signed = Fixtures.signedCredential(Cryptosuite.EDDSA_JCS_2022);
        final JsonObject proof = Fixtures.with(signed.getJsonObject("proof"), "@context",
                JsonText.PROVIDER.createArrayBuilder().add(BundledContexts.DATA_INTEGRITY_V2).build());

        final VerificationResult result = VERIFIER.verifyCredential(Fixtures.with(signed, "proof", proof), Fixtures.NOW);

        assertThat(Fixtures.errorTypes(result)).containsExactly(ProblemType.PROOF_VERIFICATION_ERROR);
        assertThat(result.errors().get(0).detail()).contains("not the start of the document's @context");
    }

    @Test
    void issuingRefusesAnotherIssuerAnExistingProofAndABrokenShape() {
        final JsonObject unsigned = Fixtures.unsignedCredential();

        assertThatThrownBy(() -> Fixtures.HOLDER.issue(unsigned, Cryptosuite.EDDSA_RDFC_2022, Fixtures.ISSUED))
                .isInstanceOf(CredentialException.class).hasMessageContaining("is not this issuer");
        assertThatThrownBy(() -> Fixtures.ISSUER.issue(Fixtures.signedCredential(Cryptosuite.EDDSA_RDFC_2022),
                Cryptosuite.EDDSA_RDFC_2022, Fixtures.ISSUED)).isInstanceOf(CredentialException.class)
                .hasMessageContaining("already has a proof");
        assertThatThrownBy(() -> Fixtures.ISSUER.issue(Fixtures.without(unsigned, "credentialSubject"),
                Cryptosuite.EDDSA_RDFC_2022, Fixtures.ISSUED)).isInstanceOf(CredentialException.class)
                .hasMessageContaining("MALFORMED_VALUE_ERROR");
        final JsonObject withoutVocabulary = Fixtures.with(unsigned, "@context",
                JsonText.PROVIDER.createArrayBuilder().add(BundledContexts.CREDENTIALS_V2).build());
        assertThatThrownBy(() -> Fixtures.ISSUER.issue(withoutVocabulary, Cryptosuite.EDDSA_RDFC_2022, Fixtures.ISSUED))
                .isInstanceOf(CredentialException.class).hasMessageContaining("PROOF_TRANSFORMATION_ERROR");
    }

    private static List<ProblemType> errors(final JsonObject credential) {
        return Fixtures.errorTypes(VERIFIER.verifyCredential(credential, Fixtures.NOW));
    }

    private static List<String> shapeErrors(final JsonObject credential) {
        return VERIFIER.verifyCredential(credential, Fixtures.NOW).errors().stream()
                .filter(problem -> problem.type() == ProblemType.MALFORMED_VALUE_ERROR).map(Problem::detail).toList();
    }
}
