package org.banyan.identity.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.ResultCode;
import org.banyan.identity.TestDocuments;
import org.banyan.identity.json.CanonicalJson;
import org.banyan.identity.json.StrictJson;
import org.junit.jupiter.api.Test;

/** The signed examples of RFC-004 §6.1.6.4 and RFC-005 §5.4.4, reproduced byte for byte. */
class DocumentProofVectorsTest {

    /** The RFC's test key; its public key and address are the spec's checked vectors. */
    private static final PrivateKey RFC_KEY = PrivateKey.parse("priSPKp8oiiAXGZaXFBMKEAoL2b6J6UDQCw4x39ereXYtyAejM");

    /** RFC-004 §6.1.6.4 example 1, a credential, as printed (its proof is left out of what is signed). */
    private static final String CREDENTIAL = """
        {
            "issuer": "did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG",
            "issuanceDate": "2021-01-20T12:01:20Z",
            "effectiveDate": "2021-01-20T12:01:20Z",
            "expirationDate": "2021-04-02T12:01:20Z",
            "revocationId": "did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG#revocation",
            "credentialSubject": {
                "id": "did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG",
                "type": 202,
                "name": "asc",
                "content": {"registerCapital": "1000.0", "status": "2"}
            },
            "proof": [{
                "creator": "did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx#key-1",
                "signatureValue": "4TWzvxXDgejyWK7syUeg68WFd6Kf5cGV8bnEYR35UaKX18VRwemnnBuuGkMHGrSP2qbDac9WwhTffLQhyzz2Vp5m"
            }]
        }""";

    /** RFC-005 §5.4.4.1's sorted, compact form of the credential. */
    private static final String CREDENTIAL_CANONICAL = "{\"credentialSubject\":{\"content\":{\"registerCapital\":\"1000.0\","
        + "\"status\":\"2\"},\"id\":\"did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG\",\"name\":\"asc\",\"type\":202},"
        + "\"effectiveDate\":\"2021-01-20T12:01:20Z\",\"expirationDate\":\"2021-04-02T12:01:20Z\","
        + "\"issuanceDate\":\"2021-01-20T12:01:20Z\",\"issuer\":\"did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG\","
        + "\"revocationId\":\"did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG#revocation\"}";

    /** RFC-004 §6.1.6.4 example 2, a BID document, with the printed proof's stray spaces removed. */
    private static final String DOCUMENT = """
        {
            "@context": ["https://w3.org/ns/did/v1"],
            "id": "did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx",
            "created": "2021-06-24T09:10:09Z",
            "updated": "2021-06-24T09:10:09Z",
            "extension": {
                "recovery": ["did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx#key-1"],
                "attributes": [{
                    "key": "contract",
                    "encrypt": 1,
                    "format": "text",
                    "desc": "contract address",
                    "value": "did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG"
                }],
                "ttl": 86400,
                "type": 105
            },
            "authentication": ["did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx#key-1"],
            "publicKey": [{
                "controller": "did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx",
                "id": "did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx#key-1",
                "publicKeyHex": "b06566f76733ae048fda721d47afe8780b572636496c93253db86dc8d5427fc54e9a06",
                "type": "Ed25519"
            }],
            "proof": {
                "creator": "did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx#key-1",
                "signatureValue": "5jFX6UKMVTg73LCWamNdeZACCMftMjSrJvZpL86ULefr3216SKRfgH6YkrmHT5DACYSpVEeN9RcnNES8cAHBVsMw"
            },
            "version": "1.1.0"
        }""";

    /** RFC-004 §6.1.6.4's sorted form of the document, made compact. */
    private static final String DOCUMENT_CANONICAL = "{\"@context\":[\"https://w3.org/ns/did/v1\"],\"authentication\":"
        + "[\"did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx#key-1\"],\"created\":\"2021-06-24T09:10:09Z\",\"extension\":"
        + "{\"attributes\":[{\"desc\":\"contract address\",\"encrypt\":1,\"format\":\"text\",\"key\":\"contract\","
        + "\"value\":\"did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG\"}],\"recovery\":[\"did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx#key-1\"],"
        + "\"ttl\":86400,\"type\":105},\"id\":\"did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx\",\"publicKey\":[{\"controller\":"
        + "\"did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx\",\"id\":\"did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx#key-1\","
        + "\"publicKeyHex\":\"b06566f76733ae048fda721d47afe8780b572636496c93253db86dc8d5427fc54e9a06\",\"type\":\"Ed25519\"}],"
        + "\"updated\":\"2021-06-24T09:10:09Z\",\"version\":\"1.1.0\"}";

    private static ObjectNode object(final String text) {
        return StrictJson.parseObject(text).value();
    }

    @Test
    void theRfcKeyIsTheSpecsCheckedVector() {
        assertThat(RFC_KEY.publicKey().encoded()).isEqualTo("b06566f76733ae048fda721d47afe8780b572636496c93253db86dc8d5427fc54e9a06");
        assertThat(TestDocuments.bid(RFC_KEY)).isEqualTo("did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx");
    }

    @Test
    void theCredentialExampleReproducesByteForByte() {
        final ObjectNode credential = object(CREDENTIAL);
        assertThat(new String(DocumentProofs.signingInput(credential), StandardCharsets.UTF_8)).isEqualTo(CREDENTIAL_CANONICAL);
        assertThat(DocumentProofs.signatureValue(credential, RFC_KEY))
            .isEqualTo("4TWzvxXDgejyWK7syUeg68WFd6Kf5cGV8bnEYR35UaKX18VRwemnnBuuGkMHGrSP2qbDac9WwhTffLQhyzz2Vp5m");
    }

    @Test
    void theDocumentExampleReproducesByteForByte() {
        final ObjectNode document = object(DOCUMENT);
        assertThat(new String(DocumentProofs.signingInput(document), StandardCharsets.UTF_8)).isEqualTo(DOCUMENT_CANONICAL);
        final String signature = DocumentProofs.signatureValue(document, RFC_KEY);
        assertThat(signature).isEqualTo("5jFX6UKMVTg73LCWamNdeZACCMftMjSrJvZpL86ULefr3216SKRfgH6YkrmHT5DACYSpVEeN9RcnNES8cAHBVsMw");
        assertThat(DocumentProofs.verify(document, signature, RFC_KEY.publicKey())).isTrue();
    }

    @Test
    void theDocumentExampleVerifiesWhateverItsMemberOrderAndWhitespace() {
        final ObjectNode reordered = object(CanonicalJson.text(object(DOCUMENT)));
        assertThat(DocumentProofs.verify(reordered, document().proof().orElseThrow().signatureValue(),
            RFC_KEY.publicKey())).isTrue();
    }

    @Test
    void theDocumentExampleIsRefusedAsADocumentForItsMisspelledContext() {
        final var parsed = BidDocumentCodec.parse(DOCUMENT);
        assertThat(parsed.error().code()).isEqualTo(ResultCode.PROTOCOL_ERROR);
        assertThat(parsed.error().message()).contains("@context must include https://www.w3.org/ns/did/v1");

        final BidDocument corrected = BidDocumentCodec.parse(DOCUMENT.replace("https://w3.org/", "https://www.w3.org/"))
            .value().document();
        assertThat(corrected.proof().orElseThrow().creator()).isEqualTo("did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx#key-1");
        assertThat(corrected.extension().ttl()).hasValue(86_400);
    }

    @Test
    void aChangeAnywhereBreaksTheProof() {
        final ObjectNode document = object(DOCUMENT);
        final String signature = document.get("proof").get("signatureValue").textValue();
        final ObjectNode changed = document.deepCopy();
        ((ObjectNode) changed.get("extension")).put("ttl", 86_401);
        assertThat(DocumentProofs.verify(changed, signature, RFC_KEY.publicKey())).isFalse();
        assertThat(DocumentProofs.verify(document, signature, TestDocuments.key(1).publicKey())).isFalse();
        assertThat(DocumentProofs.verify(document, "not base58 0OIl", RFC_KEY.publicKey())).isFalse();
    }

    @Test
    void sm2ProofsSignAndVerify() {
        final PrivateKey owner = TestDocuments.key(KeyType.SM2, 1);
        final BidDocument signed = TestDocuments.signed(owner, TestDocuments.key(KeyType.SM2, 2), TestDocuments.CREATED);
        final ObjectNode json = BidDocumentCodec.toJson(signed);
        final String signature = signed.proof().orElseThrow().signatureValue();
        assertThat(signed.id()).startsWith("did:bid:zf");
        assertThat(DocumentProofs.verify(json, signature, owner.publicKey())).isTrue();
        assertThat(DocumentProofs.signatureValue(json, owner)).as("deterministic SM2 signing").isEqualTo(signature);
        json.put("version", "2.0.0");
        assertThat(DocumentProofs.verify(json, signature, owner.publicKey())).isFalse();
    }

    private static BidDocument document() {
        return BidDocumentCodec.parse(DOCUMENT.replace("https://w3.org/", "https://www.w3.org/")).value().document();
    }
}
