package org.banyan.credentials;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The VC-API (W3C CCG, now VCALM) endpoints that the node serves, without the HTTP: each method takes
 * the request body and the current time and returns the status and body to send.
 *
 * <ul>
 *   <li>{@code POST /credentials/issue} {@code {credential, options: {cryptosuite?, created?}}} →
 *       201 {@code {verifiableCredential}}, or 400 with an RFC 9457 problem.</li>
 *   <li>{@code POST /credentials/verify} {@code {verifiableCredential, options?}} → 200 when verified,
 *       400 otherwise, both with {@code {verified, checks, warnings, errors}}. A string credential is
 *       taken as a BIF JWS credential.</li>
 *   <li>{@code POST /presentations/verify} {@code {verifiablePresentation, options: {challenge,
 *       domain?}}} → the same shapes, plus {@code credentialResults}.</li>
 * </ul>
 *
 * <p>Bodies are capped by {@link Limits#MAX_JSON_LENGTH_CHARS} and {@link Limits#MAX_JSON_NESTING_DEPTH};
 * unknown request members and options are rejected rather than ignored, so that a client never
 * believes an option it sent took effect.
 */
public final class CredentialsApi {

    private static final int OK = 200;
    private static final int CREATED = 201;
    private static final int BAD_REQUEST = 400;
    private static final int NOT_IMPLEMENTED = 501;

    private final Optional<CredentialSigner> issuer;
    private final Cryptosuite defaultSuite;
    private final CredentialVerifier verifier;
    private final BifCredentials bifVerifier;

    /**
     * An API that issues with the signer, if one is configured, and verifies with the resolver and
     * revocation registry.
     */
    public CredentialsApi(final Optional<CredentialSigner> issuer, final Cryptosuite defaultSuite,
            final VerificationMethodResolver resolver, final RevocationCheck revocation) {
        this.issuer = issuer;
        this.defaultSuite = defaultSuite;
        this.verifier = new CredentialVerifier(resolver, revocation);
        this.bifVerifier = new BifCredentials(resolver, revocation);
    }

    /** {@code POST /credentials/issue}. */
    public ApiResponse issue(final String requestBody, final Instant now) {
        if (issuer.isEmpty()) {
            return new ApiResponse(NOT_IMPLEMENTED, JsonText.write(new Problem(ProblemType.PROOF_GENERATION_ERROR,
                    "this node has no issuer key configured").toJson()));
        }
        try {
            final JsonObject request = JsonText.parseObject(requestBody, "the request body");
            requireOnly(request, Set.of("credential", "options"), "request member");
            final JsonObject options = options(request);
            requireOnly(options, Set.of("cryptosuite", "created"), "issue option");
            final JsonObject signed = issuer.get().issue(object(request, "credential"), suite(options), created(options, now));
            return new ApiResponse(CREATED, JsonText.write(
                    JsonText.PROVIDER.createObjectBuilder().add("verifiableCredential", signed).build()));
        } catch (CredentialException e) {
            return new ApiResponse(BAD_REQUEST, JsonText.write(e.problem().toJson()));
        }
    }

    /** {@code POST /credentials/verify}. */
    public ApiResponse verifyCredential(final String requestBody, final Instant now) {
        final VerificationResult result;
        try {
            final JsonObject request = JsonText.parseObject(requestBody, "the request body");
            requireOnly(request, Set.of("verifiableCredential", "options"), "request member");
            requireOnly(options(request), Set.of(), "verify option");
            final JsonValue credential = request.get("verifiableCredential");
            result = credential instanceof JsonString
                    ? bifVerifier.verify(((JsonString) credential).getString(), now)
                    : verifier.verifyCredential(object(request, "verifiableCredential"), now);
        } catch (CredentialException e) {
            return verification(VerificationResult.failure(e.problem()));
        }
        return verification(result);
    }

    /** {@code POST /presentations/verify}. */
    public ApiResponse verifyPresentation(final String requestBody, final Instant now) {
        final VerificationResult result;
        try {
            final JsonObject request = JsonText.parseObject(requestBody, "the request body");
            requireOnly(request, Set.of("verifiablePresentation", "options"), "request member");
            final JsonObject options = options(request);
            requireOnly(options, Set.of("challenge", "domain"), "verify option");
            final String challenge = JsonMembers.string(options, "challenge").filter(text -> !text.isEmpty())
                    .orElseThrow(() -> new CredentialException(ProblemType.MALFORMED_VALUE_ERROR,
                            "options.challenge is required: the verifier's challenge stops replayed presentations"));
            final PresentationExpectations expectations =
                    new PresentationExpectations(challenge, optionalString(options, "domain"));
            result = verifier.verifyPresentation(object(request, "verifiablePresentation"), expectations, now);
        } catch (CredentialException e) {
            return verification(VerificationResult.failure(e.problem()));
        }
        return verification(result);
    }

    private static ApiResponse verification(final VerificationResult result) {
        return new ApiResponse(result.verified() ? OK : BAD_REQUEST, JsonText.write(result.toJson()));
    }

    private Cryptosuite suite(final JsonObject options) {
        if (!JsonMembers.has(options, "cryptosuite")) {
            return defaultSuite;
        }
        final String id = optionalString(options, "cryptosuite").orElse("");
        return Cryptosuite.fromId(id).orElseThrow(() -> new CredentialException(ProblemType.MALFORMED_VALUE_ERROR,
                "options.cryptosuite '" + id + "' is not supported; supported: eddsa-rdfc-2022, eddsa-jcs-2022"));
    }

    private static Instant created(final JsonObject options, final Instant now) {
        if (!JsonMembers.has(options, "created")) {
            return now;
        }
        return optionalString(options, "created").flatMap(XmlDateTime::parse).orElseThrow(() ->
                new CredentialException(ProblemType.MALFORMED_VALUE_ERROR,
                        "options.created must be an XML Schema dateTimeStamp such as 2023-02-24T23:36:38Z"));
    }

    private static JsonObject options(final JsonObject request) {
        return JsonMembers.has(request, "options") ? object(request, "options") : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static JsonObject object(final JsonObject request, final String name) {
        final JsonValue value = request.get(name);
        if (!(value instanceof JsonObject)) {
            throw new CredentialException(ProblemType.MALFORMED_VALUE_ERROR,
                    "the request's " + name + " must be a JSON object");
        }
        return (JsonObject) value;
    }

    private static Optional<String> optionalString(final JsonObject options, final String name) {
        if (JsonMembers.has(options, name) && JsonMembers.string(options, name).isEmpty()) {
            throw new CredentialException(ProblemType.MALFORMED_VALUE_ERROR, "options." + name + " must be a string");
        }
        return JsonMembers.string(options, name);
    }

    private static void requireOnly(final JsonObject object, final Set<String> allowed, final String what) {
        for (final String name : object.keySet()) {
            if (!allowed.contains(name)) {
                throw new CredentialException(ProblemType.MALFORMED_VALUE_ERROR, "unknown " + what + " '" + name
                        + "'; accepted: " + (allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed))));
            }
        }
    }
}
