package org.banyan.credentials;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.banyan.crypto.PrivateKey;

/**
 * Signs as one party: issues credentials as their issuer, and signs presentations as their holder.
 *
 * <p>The party is identified by a controller (a DID) and one verification method of it; for a
 * {@code did:key} both follow from the key ({@link #didKey}). A node issuing under its BID passes
 * its {@code did:bid} and the method id its document lists. The creation time is a parameter.
 */
public final class CredentialSigner {

    private final String controller;
    private final String verificationMethod;
    private final PrivateKey key;

    /** A signer for the controller, signing with the key of the given verification method. */
    public CredentialSigner(final String controller, final String verificationMethod, final PrivateKey key) {
        if (!CredentialShape.isUrl(controller) || !CredentialShape.isUrl(verificationMethod)) {
            throw new IllegalArgumentException("the controller and verification method must be URLs, got "
                    + controller + " and " + verificationMethod);
        }
        this.controller = controller;
        this.verificationMethod = verificationMethod;
        this.key = key;
    }

    /** A signer whose identity is the {@code did:key} of its Ed25519 key. */
    public static CredentialSigner didKey(final PrivateKey key) {
        final DidKey didKey = new DidKey(key.publicKey());
        return new CredentialSigner(didKey.did(), didKey.verificationMethodId(), key);
    }

    /** The controller DID, which issued credentials must name as their issuer. */
    public String controller() {
        return controller;
    }

    /** The verification method id written into proofs. */
    public String verificationMethod() {
        return verificationMethod;
    }

    /**
     * Adds an {@code assertionMethod} proof to an unsigned credential.
     *
     * @throws CredentialException if the credential breaks a VC 2.0 rule, already has a proof, names
     *     another issuer, or cannot be canonicalized
     */
    public JsonObject issue(final JsonObject credential, final Cryptosuite suite, final Instant created) {
        requireUnsigned(credential, "credential");
        requireShape(CredentialShape.ofCredential(credential));
        final Optional<String> issuer = CredentialShape.issuerId(credential);
        if (!issuer.equals(Optional.of(controller))) {
            throw new CredentialException(ProblemType.MALFORMED_VALUE_ERROR, "the credential's issuer "
                    + issuer.orElse("(none)") + " is not this issuer " + controller);
        }
        return DataIntegrity.addProof(credential, ProofOptions.assertion(suite, verificationMethod, created), key);
    }

    /**
     * Adds an {@code authentication} proof bound to the verifier's challenge and domain to a presentation.
     *
     * @throws CredentialException if the presentation breaks a VC 2.0 rule, already has a proof, names
     *     another holder, or cannot be canonicalized
     */
    public JsonObject present(final JsonObject presentation, final Cryptosuite suite, final Instant created,
            final String challenge, final Optional<String> domain) {
        requireUnsigned(presentation, "presentation");
        requireShape(CredentialShape.ofPresentation(presentation));
        final Optional<String> holder = CredentialShape.holderId(presentation);
        if (holder.isPresent() && !holder.get().equals(controller)) {
            throw new CredentialException(ProblemType.MALFORMED_VALUE_ERROR, "the presentation's holder "
                    + holder.get() + " is not this signer " + controller);
        }
        return DataIntegrity.addProof(presentation,
                ProofOptions.authentication(suite, verificationMethod, created, challenge, domain), key);
    }

    private static void requireUnsigned(final JsonObject document, final String what) {
        if (JsonMembers.has(document, "proof")) {
            throw new CredentialException(ProblemType.MALFORMED_VALUE_ERROR, "the " + what
                    + " to sign already has a proof; send it without one");
        }
    }

    private static void requireShape(final List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new CredentialException(problems.get(0).type(),
                    problems.stream().map(Problem::detail).collect(Collectors.joining("; ")));
        }
    }
}
