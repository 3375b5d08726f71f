package org.banyan.credentials;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;

/** Keys, credentials and registries that the verification tests share. */
final class Fixtures {

    static final PrivateKey ISSUER_KEY = key(1);
    static final PrivateKey HOLDER_KEY = key(2);
    static final CredentialSigner ISSUER = CredentialSigner.didKey(ISSUER_KEY);
    static final CredentialSigner HOLDER = CredentialSigner.didKey(HOLDER_KEY);
    static final Instant ISSUED = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private Fixtures() {
    }

    static PrivateKey key(final int seed) {
        final byte[] raw = new byte[32];
        raw[31] = (byte) seed;
        raw[0] = 0x42;
        return PrivateKey.fromRaw(KeyType.ED25519, raw);
    }

    /** An unsigned credential from {@link #ISSUER} about the holder, valid through 2026. */
    static JsonObject unsignedCredential() {
        return JsonText.parseObject("""
                {
                  "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
                  "id": "urn:uuid:7c1f3d6e-0d1c-4a4e-9e1b-0c2f3a4b5c6d",
                  "type": ["VerifiableCredential", "EnterpriseCredential"],
                  "issuer": "%s",
                  "validFrom": "2025-01-01T00:00:00Z",
                  "validUntil": "2026-12-31T23:59:59Z",
                  "credentialSubject": {"id": "%s", "legalName": "Banyan Test Works", "employees": 42}
                }""".formatted(ISSUER.controller(), HOLDER.controller()), "credential");
    }

    /** The credential signed by {@link #ISSUER} with the suite. */
    static JsonObject signedCredential(final Cryptosuite suite) {
        return ISSUER.issue(unsignedCredential(), suite, ISSUED);
    }

    /** A verifier that resolves did:key and knows no revocations. */
    static CredentialVerifier verifier(final RevocationStatus status) {
        return new CredentialVerifier(VerificationMethodResolver.didKey(), query -> status);
    }

    /** The object with one member replaced. */
    static JsonObject with(final JsonObject object, final String name, final JsonValue value) {
        return JsonText.PROVIDER.createObjectBuilder(object).add(name, value).build();
    }

    /** The object with one member replaced by a string. */
    static JsonObject with(final JsonObject object, final String name, final String value) {
        return with(object, name, JsonText.PROVIDER.createValue(value));
    }

    /** The object with a member removed. */
    static JsonObject without(final JsonObject object, final String name) {
        return JsonMembers.without(object, name);
    }

    /** The credential's proof with one member replaced. */
    static JsonObject withProofMember(final JsonObject document, final String name, final String value) {
        return with(document, "proof", with(document.getJsonObject("proof"), name, value));
    }

    /** The problem types of a result's errors. */
    static List<ProblemType> errorTypes(final VerificationResult result) {
        final List<ProblemType> types = new ArrayList<>();
        result.errors().forEach(problem -> types.add(problem.type()));
        return types;
    }
}
