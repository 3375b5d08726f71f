package org.banyan.credentials;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.banyan.crypto.PrivateKey;

/**
 * BIF-style credentials (RFC-008 §6.1, verified per RFC-014): a VC 1.1-shaped JSON payload signed as
 * a {@link CompactJws} by the issuer's BID key, with BIF's own fields {@code validBefore},
 * {@code templateId} and {@code revocationId}.
 *
 * <p>The issuer's key is found by the JWS {@code kid} ({@code did:bid:…#key-1}) through the
 * {@link VerificationMethodResolver}, which must list it under {@code assertionMethod}, and the
 * credential's {@code issuer} must be that key's controller. Time is a parameter.
 */
public final class BifCredentials {

    /** The context BIF credentials carry (VC Data Model 1.1). */
    public static final String CREDENTIALS_V1 = "https://www.w3.org/2018/credentials/v1";

    private final VerificationMethodResolver resolver;
    private final RevocationCheck revocation;

    /** A verifier that finds issuer keys with the resolver and asks the registry about revocation. */
    public BifCredentials(final VerificationMethodResolver resolver, final RevocationCheck revocation) {
        this.resolver = resolver;
        this.revocation = revocation;
    }

    /**
     * Signs a credential as the issuer whose key has the given id.
     *
     * @throws CredentialException with {@link ProblemType#MALFORMED_VALUE_ERROR} if the credential breaks
     *     a BIF rule or names an issuer other than the key's controller
     */
    public static String issue(final JsonObject credential, final PrivateKey key, final String keyId) {
        final List<Problem> problems = shape(credential);
        if (!problems.isEmpty()) {
            throw new CredentialException(ProblemType.MALFORMED_VALUE_ERROR,
                    problems.stream().map(Problem::detail).collect(Collectors.joining("; ")));
        }
        final String issuer = JsonMembers.string(credential, "issuer").orElseThrow();
        if (!issuer.equals(controllerOf(keyId))) {
            throw new CredentialException(ProblemType.MALFORMED_VALUE_ERROR,
                    "the credential's issuer " + issuer + " does not own the signing key " + keyId);
        }
        return CompactJws.sign(credential, key, keyId);
    }

    /**
     * The signed request that asks the on-chain registry to revoke a credential (RFC-008 §6.5.4):
     * payload {@code {issuer, id, revocation_id, reason}} signed by the issuer's key.
     */
    public static String revocationRequest(final String credentialId, final String revocationId, final String reason,
            final PrivateKey key, final String keyId) {
        return CompactJws.sign(JsonText.PROVIDER.createObjectBuilder()
                .add("issuer", controllerOf(keyId))
                .add("id", credentialId)
                .add("revocation_id", revocationId)
                .add("reason", reason)
                .build(), key, keyId);
    }

    /** Verifies a credential token at the given time; never throws on bad input. */
    public VerificationResult verify(final String token, final Instant now) {
        final CompactJws jws;
        try {
            jws = CompactJws.parse(token);
        } catch (CredentialException e) {
            return VerificationResult.failure(e.problem());
        }
        final VerificationReport report = new VerificationReport();
        report.errors(shape(jws.payload()));
        report.record("proof", checkSignature(jws));
        report.record("validity", validity(jws.payload(), now));
        JsonMembers.string(jws.payload(), "issuer").ifPresent(issuer -> report.revocation(revocation.statusOf(
                new RevocationQuery(issuer, JsonMembers.string(jws.payload(), "id"), List.of(),
                        JsonMembers.string(jws.payload(), "revocationId")))));
        return report.result(List.of());
    }

    private List<Problem> checkSignature(final CompactJws jws) {
        final MethodResolution resolution = resolver.resolve(jws.keyId());
        if (resolution instanceof MethodResolution.NotFound) {
            return List.of(new Problem(ProblemType.PROOF_VERIFICATION_ERROR, "the signing key cannot be resolved: "
                    + ((MethodResolution.NotFound) resolution).reason()));
        }
        final VerificationMethod method = ((MethodResolution.Found) resolution).method();
        if (!method.isAuthorizedFor(ProofPurpose.ASSERTION_METHOD)) {
            return List.of(new Problem(ProblemType.MISMATCHED_PROOF_PURPOSE_ERROR, "the key " + jws.keyId()
                    + " is not listed under assertionMethod by its controller"));
        }
        if (method.publicKey().type() != jws.algorithm().keyType()) {
            return List.of(new Problem(ProblemType.PROOF_VERIFICATION_ERROR, "the JWS alg "
                    + jws.algorithm().headerName() + " does not fit the " + method.publicKey().type() + " key " + jws.keyId()));
        }
        if (!jws.verifies(method.publicKey())) {
            return List.of(new Problem(ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR, "the JWS signature by " + jws.keyId()
                    + " does not match: the credential was changed after signing or signed with another key"));
        }
        final Optional<String> issuer = JsonMembers.string(jws.payload(), "issuer");
        if (issuer.isPresent() && !issuer.get().equals(method.controller())) {
            return List.of(new Problem(ProblemType.PROOF_VERIFICATION_ERROR, "the issuer " + issuer.get()
                    + " does not control the signing key " + jws.keyId()));
        }
        return List.of();
    }

    /** The rules of RFC-008 §6.1 that a verifier can check without the trusted dataset. */
    private static List<Problem> shape(final JsonObject credential) {
        final List<Problem> problems = new ArrayList<>();
        if (!JsonMembers.strings(credential, "@context").orElse(List.of()).contains(CREDENTIALS_V1)) {
            problems.add(malformed("@context must include " + CREDENTIALS_V1));
        }
        if (!JsonMembers.strings(credential, "type").orElse(List.of()).contains(CredentialShape.CREDENTIAL_TYPE)) {
            problems.add(malformed("type must include " + CredentialShape.CREDENTIAL_TYPE));
        }
        if (JsonMembers.string(credential, "issuer").filter(CredentialShape::isUrl).isEmpty()) {
            problems.add(malformed("issuer must be the issuer's BID"));
        }
        if (JsonMembers.string(credential, "issuanceDate").flatMap(XmlDateTime::parse).isEmpty()) {
            problems.add(malformed("issuanceDate must be a dateTime such as 2010-01-01T19:23:24Z"));
        }
        if (JsonMembers.has(credential, "validBefore")
                && JsonMembers.string(credential, "validBefore").flatMap(XmlDateTime::parse).isEmpty()) {
            problems.add(malformed("validBefore must be a dateTime such as 2010-01-01T19:23:24Z"));
        }
        final JsonValue subject = credential.get("credentialSubject");
        if (!(subject instanceof JsonObject) || JsonMembers.string((JsonObject) subject, "id").isEmpty()) {
            problems.add(malformed("credentialSubject must be an object with the subject's id"));
        }
        return problems;
    }

    private static List<Problem> validity(final JsonObject credential, final Instant now) {
        final List<Problem> problems = new ArrayList<>();
        JsonMembers.string(credential, "issuanceDate").flatMap(XmlDateTime::parse)
                .filter(issued -> issued.isAfter(now))
                .ifPresent(issued -> problems.add(new Problem(ProblemType.NOT_YET_VALID,
                        "the credential is issued at " + issued + ", after the verification time " + now)));
        JsonMembers.string(credential, "validBefore").flatMap(XmlDateTime::parse)
                .filter(validBefore -> validBefore.isBefore(now))
                .ifPresent(validBefore -> problems.add(new Problem(ProblemType.EXPIRED,
                        "the credential was valid before " + validBefore + ", not at the verification time " + now)));
        return problems;
    }

    private static String controllerOf(final String keyId) {
        final int hash = keyId.indexOf('#');
        return hash < 0 ? keyId : keyId.substring(0, hash);
    }

    private static Problem malformed(final String detail) {
        return new Problem(ProblemType.MALFORMED_VALUE_ERROR, detail);
    }
}
