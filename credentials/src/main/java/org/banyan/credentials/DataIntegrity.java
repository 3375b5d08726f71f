package org.banyan.credentials;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;

/**
 * Adding and verifying Data Integrity proofs (VC Data Integrity 1.0 §4) with the EdDSA suites.
 *
 * <p>Signing input (vc-di-eddsa §3.2.4, §3.3.4): {@code SHA-256(canonical proof configuration) ||
 * SHA-256(canonical unsecured document)}, where the proof configuration is the proof without
 * {@code proofValue} and with the document's {@code @context}. {@code eddsa-jcs-2022} also keeps
 * that {@code @context} in the proof it adds; {@code eddsa-rdfc-2022} does not.
 *
 * <p>A document may carry a proof set (an array of independent proofs, each over the document without
 * any proof). Proof chains ({@code previousProof}) are rejected with a clear error rather than
 * verified partially.
 */
public final class DataIntegrity {

    /** The only proof type of Data Integrity 1.0. */
    public static final String PROOF_TYPE = "DataIntegrityProof";

    private static final int SIGNATURE_LENGTH_BYTES = 64;

    private DataIntegrity() {
    }

    /**
     * The document with one more proof, made with the key under the options.
     *
     * @throws CredentialException with {@link ProblemType#PROOF_GENERATION_ERROR} if the key is not
     *     Ed25519 or the document already holds {@link Limits#MAX_PROOFS_PER_DOCUMENT} proofs, or with
     *     {@link ProblemType#PROOF_TRANSFORMATION_ERROR} if the document has no canonical form
     */
    public static JsonObject addProof(final JsonObject document, final ProofOptions options, final PrivateKey key) {
        if (key.type() != KeyType.ED25519) {
            throw new CredentialException(ProblemType.PROOF_GENERATION_ERROR,
                    options.cryptosuite().id() + " signs with Ed25519 keys only, got a " + key.type() + " key");
        }
        final List<JsonValue> existing = JsonMembers.oneOrMany(document, "proof");
        if (existing.size() >= Limits.MAX_PROOFS_PER_DOCUMENT) {
            throw new CredentialException(ProblemType.PROOF_GENERATION_ERROR, "the document already has "
                    + existing.size() + " proofs; at most " + Limits.MAX_PROOFS_PER_DOCUMENT + " are allowed");
        }
        final JsonObject unsecured = JsonMembers.without(document, "proof");
        final JsonObjectBuilder proof = JsonText.PROVIDER.createObjectBuilder()
                .add("type", PROOF_TYPE)
                .add("cryptosuite", options.cryptosuite().id())
                .add("created", XmlDateTime.format(options.created()))
                .add("verificationMethod", options.verificationMethod())
                .add("proofPurpose", options.purpose().term());
        options.challenge().ifPresent(challenge -> proof.add("challenge", challenge));
        options.domain().ifPresent(domain -> proof.add("domain", domain));
        final JsonObject proofOptions = proof.build();
        final JsonObject configuration = withContext(proofOptions, unsecured);
        final byte[] signature = key.sign(hashData(options.cryptosuite(), configuration, unsecured));
        final JsonObject signed = JsonText.PROVIDER.createObjectBuilder(
                        options.cryptosuite().proofCarriesContext() ? configuration : proofOptions)
                .add("proofValue", Multibase.encodeBase58Btc(signature))
                .build();
        final JsonValue proofs = existing.isEmpty() ? signed : append(existing, signed);
        return JsonText.PROVIDER.createObjectBuilder(document).add("proof", proofs).build();
    }

    /**
     * Checks every proof of a secured document. Never throws on bad input: each problem found is in
     * the result, typed as Data Integrity §4.7 names it.
     */
    public static ProofVerification verify(final JsonObject document, final ProofExpectations expectations,
            final VerificationMethodResolver resolver) {
        final List<JsonValue> proofs = JsonMembers.oneOrMany(document, "proof");
        if (proofs.isEmpty()) {
            return failure(ProblemType.MALFORMED_PROOF_ERROR, "the document has no proof");
        }
        if (proofs.size() > Limits.MAX_PROOFS_PER_DOCUMENT) {
            return failure(ProblemType.RANGE_ERROR, "the document has " + proofs.size() + " proofs; at most "
                    + Limits.MAX_PROOFS_PER_DOCUMENT + " are verified");
        }
        final JsonObject unsecured = JsonMembers.without(document, "proof");
        final List<VerificationMethod> provers = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        for (final JsonValue proof : proofs) {
            try {
                provers.add(verifyOne(proof, unsecured, expectations, resolver));
            } catch (CredentialException e) {
                problems.add(e.problem());
            }
        }
        return new ProofVerification(problems.isEmpty() ? provers : List.of(), problems);
    }

    /** The signing input of a suite: the two SHA-256 digests side by side, proof configuration first. */
    static byte[] hashData(final Cryptosuite suite, final JsonObject configuration, final JsonObject unsecured) {
        final byte[] hashData = new byte[2 * Hashes.DIGEST_LENGTH_BYTES];
        System.arraycopy(Hashes.sha256(suite.canonicalize(configuration)), 0, hashData, 0, Hashes.DIGEST_LENGTH_BYTES);
        System.arraycopy(Hashes.sha256(suite.canonicalize(unsecured)), 0, hashData, Hashes.DIGEST_LENGTH_BYTES,
                Hashes.DIGEST_LENGTH_BYTES);
        return hashData;
    }

    private static VerificationMethod verifyOne(final JsonValue value, final JsonObject document,
            final ProofExpectations expectations, final VerificationMethodResolver resolver) {
        if (!(value instanceof JsonObject)) {
            throw new CredentialException(ProblemType.MALFORMED_PROOF_ERROR, "a proof must be a JSON object");
        }
        final JsonObject proof = (JsonObject) value;
        final String type = required(proof, "type");
        if (!type.equals(PROOF_TYPE)) {
            throw new CredentialException(ProblemType.PROOF_VERIFICATION_ERROR,
                    "the proof type '" + type + "' is not supported; expected " + PROOF_TYPE);
        }
        final String suiteId = required(proof, "cryptosuite");
        final Cryptosuite suite = Cryptosuite.fromId(suiteId).orElseThrow(() -> new CredentialException(
                ProblemType.PROOF_VERIFICATION_ERROR, "the cryptosuite '" + suiteId
                        + "' is not supported; supported: eddsa-rdfc-2022, eddsa-jcs-2022"));
        final String methodId = required(proof, "verificationMethod");
        final ProofPurpose purpose = checkPurpose(required(proof, "proofPurpose"), expectations);
        final byte[] signature = decodeProofValue(required(proof, "proofValue"));
        checkTimes(proof, expectations.now());
        checkBinding(proof, expectations);
        if (JsonMembers.has(proof, "previousProof")) {
            throw new CredentialException(ProblemType.PROOF_VERIFICATION_ERROR,
                    "proof chains (previousProof) are not supported");
        }
        final VerificationMethod method = resolve(resolver, methodId, purpose);
        final JsonObject options = JsonMembers.without(proof, "proofValue");
        final JsonObject unsecured = suite.proofCarriesContext() ? jcsDocument(document, options) : document;
        final JsonObject configuration = suite.proofCarriesContext() ? options : withContext(options, unsecured);
        if (!method.publicKey().verify(hashData(suite, configuration, unsecured), signature)) {
            throw new CredentialException(ProblemType.CRYPTOGRAPHIC_SECURITY_ERROR, "the " + suite.id()
                    + " signature by " + methodId + " does not match the document: it was changed after signing"
                    + " or signed with another key");
        }
        return method;
    }

    private static ProofPurpose checkPurpose(final String term, final ProofExpectations expectations) {
        if (!term.equals(expectations.purpose().term())) {
            throw new CredentialException(ProblemType.MISMATCHED_PROOF_PURPOSE_ERROR, "the proof purpose is '"
                    + term + "' but '" + expectations.purpose().term() + "' is required here");
        }
        return expectations.purpose();
    }

    private static byte[] decodeProofValue(final String proofValue) {
        final byte[] signature;
        try {
            signature = Multibase.decodeBase58Btc(proofValue);
        } catch (IllegalArgumentException e) {
            throw new CredentialException(ProblemType.MALFORMED_PROOF_ERROR,
                    "the proofValue is not base58btc multibase: " + e.getMessage(), e);
        }
        if (signature.length != SIGNATURE_LENGTH_BYTES) {
            throw new CredentialException(ProblemType.MALFORMED_PROOF_ERROR, "the proofValue decodes to "
                    + signature.length + " bytes; an Ed25519 signature has " + SIGNATURE_LENGTH_BYTES);
        }
        return signature;
    }

    private static void checkTimes(final JsonObject proof, final Instant now) {
        if (JsonMembers.has(proof, "created")) {
            dateTime(proof, "created");
        }
        if (JsonMembers.has(proof, "expires") && dateTime(proof, "expires").isBefore(now)) {
            throw new CredentialException(ProblemType.PROOF_VERIFICATION_ERROR,
                    "the proof expired at " + JsonMembers.string(proof, "expires").orElseThrow());
        }
    }

    private static Instant dateTime(final JsonObject proof, final String name) {
        return JsonMembers.string(proof, name).flatMap(XmlDateTime::parse).orElseThrow(() -> new CredentialException(
                ProblemType.MALFORMED_PROOF_ERROR, "the proof's " + name
                        + " must be an XML Schema dateTimeStamp such as 2023-02-24T23:36:38Z"));
    }

    private static void checkBinding(final JsonObject proof, final ProofExpectations expectations) {
        if (expectations.domain().isPresent()) {
            final Optional<List<String>> domains = JsonMembers.strings(proof, "domain");
            if (domains.isEmpty() || !domains.get().equals(List.of(expectations.domain().get()))) {
                throw new CredentialException(ProblemType.INVALID_DOMAIN_ERROR, "the proof's domain "
                        + proof.getOrDefault("domain", JsonValue.NULL) + " is not the expected domain \""
                        + expectations.domain().get() + "\"");
            }
        }
        if (expectations.challenge().isPresent()
                && !JsonMembers.string(proof, "challenge").equals(expectations.challenge())) {
            throw new CredentialException(ProblemType.INVALID_CHALLENGE_ERROR, "the proof's challenge "
                    + proof.getOrDefault("challenge", JsonValue.NULL) + " is not the challenge the verifier issued");
        }
    }

    private static VerificationMethod resolve(
            final VerificationMethodResolver resolver, final String methodId, final ProofPurpose purpose) {
        final MethodResolution resolution = resolver.resolve(methodId);
        if (resolution instanceof MethodResolution.NotFound) {
            throw new CredentialException(ProblemType.PROOF_VERIFICATION_ERROR,
                    "the verification method cannot be resolved: " + ((MethodResolution.NotFound) resolution).reason());
        }
        final VerificationMethod method = ((MethodResolution.Found) resolution).method();
        if (method.publicKey().type() != KeyType.ED25519) {
            throw new CredentialException(ProblemType.PROOF_VERIFICATION_ERROR, "the verification method "
                    + methodId + " holds a " + method.publicKey().type() + " key; the EdDSA suites need Ed25519");
        }
        if (!method.isAuthorizedFor(purpose)) {
            throw new CredentialException(ProblemType.MISMATCHED_PROOF_PURPOSE_ERROR, "the verification method "
                    + methodId + " is not listed under " + purpose.term() + " by its controller " + method.controller());
        }
        return method;
    }

    /**
     * The document as eddsa-jcs-2022 verification sees it (vc-di-eddsa §3.3.2): the proof's context
     * must be a prefix of the document's, and then replaces it.
     */
    private static JsonObject jcsDocument(final JsonObject document, final JsonObject options) {
        if (!JsonMembers.has(options, "@context")) {
            return document;
        }
        final List<JsonValue> proofContext = JsonMembers.oneOrMany(options, "@context");
        final List<JsonValue> documentContext = JsonMembers.oneOrMany(document, "@context");
        if (proofContext.size() > documentContext.size()
                || !documentContext.subList(0, proofContext.size()).equals(proofContext)) {
            throw new CredentialException(ProblemType.PROOF_VERIFICATION_ERROR,
                    "the proof's @context is not the start of the document's @context");
        }
        return JsonText.PROVIDER.createObjectBuilder(document).add("@context", options.get("@context")).build();
    }

    private static JsonObject withContext(final JsonObject options, final JsonObject document) {
        final JsonObjectBuilder builder = JsonText.PROVIDER.createObjectBuilder(options).remove("@context");
        if (JsonMembers.has(document, "@context")) {
            builder.add("@context", document.get("@context"));
        }
        return builder.build();
    }

    private static JsonArray append(final List<JsonValue> existing, final JsonObject proof) {
        final JsonArrayBuilder array = JsonText.PROVIDER.createArrayBuilder();
        existing.forEach(array::add);
        return array.add(proof).build();
    }

    private static String required(final JsonObject proof, final String name) {
        return JsonMembers.string(proof, name).orElseThrow(() -> new CredentialException(
                ProblemType.MALFORMED_PROOF_ERROR, "the proof's " + name + " is missing or not a string"));
    }

    private static ProofVerification failure(final ProblemType type, final String detail) {
        return new ProofVerification(List.of(), List.of(new Problem(type, detail)));
    }
}
