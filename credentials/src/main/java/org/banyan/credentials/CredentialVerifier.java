package org.banyan.credentials;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies VC 2.0 credentials and presentations secured with Data Integrity proofs.
 *
 * <p>A credential verifies when its shape follows VC 2.0, every proof holds for
 * {@code assertionMethod}, the issuer controls a key that signed it, the verification time lies in
 * its validity period, and the revocation registry does not list it. A presentation verifies when
 * its shape is right, its {@code authentication} proof holds with the verifier's challenge (and
 * domain, if given), its holder (if named) signed it, and every credential in it verifies. Time is a
 * parameter: the verifier reads no clock.
 */
public final class CredentialVerifier {

    private final VerificationMethodResolver resolver;
    private final RevocationCheck revocation;

    /** A verifier that finds keys with the resolver and asks the registry about revocation. */
    public CredentialVerifier(final VerificationMethodResolver resolver, final RevocationCheck revocation) {
        this.resolver = resolver;
        this.revocation = revocation;
    }

    /** Verifies a credential at the given time; never throws on bad input. */
    public VerificationResult verifyCredential(final JsonObject credential, final Instant now) {
        final VerificationReport report = new VerificationReport();
        report.errors(CredentialShape.ofCredential(credential));
        final ProofVerification proofs = DataIntegrity.verify(credential, ProofExpectations.assertion(now), resolver);
        report.record("proof", proofs.problems());
        final Optional<String> issuer = CredentialShape.issuerId(credential);
        if (proofs.verified() && issuer.isPresent()) {
            report.record("issuer", controlledBy(proofs, issuer.get(), "issuer"));
        }
        report.record("validity", CredentialShape.ofValidity(credential, now));
        issuer.ifPresent(id -> checkRevocation(credential, id, report));
        return report.result(List.of());
    }

    /** Verifies a presentation and each credential in it at the given time; never throws on bad input. */
    public VerificationResult verifyPresentation(
            final JsonObject presentation, final PresentationExpectations expectations, final Instant now) {
        final VerificationReport report = new VerificationReport();
        final List<Problem> shape = CredentialShape.ofPresentation(presentation);
        report.errors(shape);
        final ProofVerification proofs = DataIntegrity.verify(presentation, new ProofExpectations(
                ProofPurpose.AUTHENTICATION, Optional.of(expectations.challenge()), expectations.domain(), now),
                resolver);
        report.record("proof", proofs.problems());
        final Optional<String> holder = CredentialShape.holderId(presentation);
        if (proofs.verified() && holder.isPresent()) {
            report.record("holder", controlledBy(proofs, holder.get(), "holder"));
        }
        final List<VerificationResult> credentialResults = new ArrayList<>();
        if (shape.isEmpty()) {
            for (final JsonValue credential : JsonMembers.oneOrMany(presentation, "verifiableCredential")) {
                credentialResults.add(verifyCredential((JsonObject) credential, now));
            }
        }
        return report.result(credentialResults);
    }

    private void checkRevocation(final JsonObject credential, final String issuer, final VerificationReport report) {
        final List<JsonObject> statuses = new ArrayList<>();
        for (final JsonValue status : JsonMembers.oneOrMany(credential, "credentialStatus")) {
            if (status instanceof JsonObject) {
                statuses.add((JsonObject) status);
            }
        }
        report.revocation(revocation.statusOf(new RevocationQuery(issuer,
                JsonMembers.string(credential, "id"), statuses, JsonMembers.string(credential, "revocationId"))));
    }

    /** The VC data model binds a credential to its issuer (and a presentation to its holder) through the signing key. */
    private static List<Problem> controlledBy(final ProofVerification proofs, final String party, final String role) {
        final boolean signed = proofs.provers().stream().anyMatch(method -> method.controller().equals(party));
        return signed ? List.of() : List.of(new Problem(ProblemType.PROOF_VERIFICATION_ERROR, "the " + role + " "
                + party + " does not control any key that signed this document; signed by "
                + proofs.provers().stream().map(VerificationMethod::controller).distinct().toList()));
    }
}
