package org.banyan.identity.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.banyan.identity.TestDocuments;
import org.banyan.identity.ddo.BidRecord;
import org.banyan.identity.json.StrictJson;
import org.banyan.identity.document.DocumentProofs;
import org.junit.jupiter.api.Test;

class BifViewTest {

    private final ResolutionFixture fixture = new ResolutionFixture();

    private static JsonNode body(final BifResponse response) {
        final JsonNode json = StrictJson.parse(response.json()).value();
        assertThat(json.path("errorCode").intValue()).isEqualTo(response.errorCode());
        return json;
    }

    @Test
    void theDocumentIsServedAsStoredSoItsProofVerifies() {
        final BifResponse response = BifView.document(fixture.aliceBid, fixture.directory::find);
        final JsonNode json = body(response);
        assertThat(response.errorCode()).isZero();
        assertThat(json.path("message").textValue()).isEqualTo("success");
        final ObjectNode document = (ObjectNode) json.path("data").path("didDocument");
        assertThat(document.path("id").textValue()).isEqualTo(fixture.aliceBid);
        assertThat(DocumentProofs.verify(document, document.path("proof").path("signatureValue").textValue(),
            fixture.alice.publicKey())).isTrue();
    }

    @Test
    void fieldSubPathsAnswerWithVersionIdAndTheField() {
        final JsonNode keys = body(BifView.publicKeys(fixture.aliceBid, fixture.directory::find)).path("data");
        assertThat(keys.path("version").textValue()).isEqualTo(BifView.PROTOCOL_VERSION);
        assertThat(keys.path("id").textValue()).isEqualTo(fixture.aliceBid);
        assertThat(keys.path("publicKey")).hasSize(2);

        for (final String keyId : new String[] {"key-2", fixture.aliceBid + "#key-2"}) {
            final JsonNode key = body(BifView.publicKey(fixture.aliceBid, keyId, fixture.directory::find)).path("data");
            assertThat(key.path("publicKey").path("publicKeyHex").textValue()).isEqualTo(fixture.recovery.publicKey().encoded());
        }
        assertThat(body(BifView.attributes(fixture.aliceBid, fixture.directory::find)).path("data").path("attributes")
            .get(0).path("key").textValue()).isEqualTo("name");
        assertThat(body(BifView.services(fixture.aliceBid, Optional.of("resolver"), fixture.directory::find))
            .path("data").path("service").path("type").textValue()).isEqualTo("DIDResolver");
        assertThat(body(BifView.services(fixture.aliceBid, Optional.empty(), fixture.directory::find))
            .path("data").path("service").isArray()).isTrue();
    }

    @Test
    void missingFieldsAndEntriesAreFieldNotFound() {
        assertThat(BifView.acsns(fixture.aliceBid, fixture.directory::find).errorCode()).isEqualTo(8);
        assertThat(BifView.verifiableCredentials(fixture.aliceBid, fixture.directory::find).errorCode()).isEqualTo(8);
        final BifResponse noKey = BifView.publicKey(fixture.aliceBid, "key-9", fixture.directory::find);
        assertThat(noKey.errorCode()).isEqualTo(8);
        assertThat(body(noKey).path("message").textValue()).contains("has no publicKey entry key-9");
        assertThat(BifView.services(fixture.aliceBid, Optional.of("nothing"), fixture.directory::find).errorCode()).isEqualTo(8);
    }

    @Test
    void unknownDeactivatedAndInvalidBidsHaveTheirCodes() {
        final BifResponse unknown = BifView.document(fixture.nobodyBid, fixture.directory::find);
        assertThat(unknown.errorCode()).isEqualTo(6);
        assertThat(body(unknown).has("data")).isFalse();
        final BifResponse deactivated = BifView.document(fixture.bobBid, fixture.directory::find);
        assertThat(deactivated.errorCode()).isEqualTo(6);
        assertThat(body(deactivated).path("message").textValue()).contains("is deactivated");
        assertThat(BifView.publicKeys(fixture.bobBid, fixture.directory::find).errorCode()).isEqualTo(6);
        assertThat(BifView.document("did:bid:not a bid", fixture.directory::find).errorCode()).isEqualTo(4);
    }

    @Test
    void trustedResolutionChecksTheDocumentAgainstItsOwnKeys() {
        final JsonNode verified = body(BifView.verifiedDocument(fixture.aliceBid, fixture.directory::find)).path("data");
        assertThat(verified.path("didDocument").path("id").textValue()).isEqualTo(fixture.aliceBid);
        assertThat(verified.path("verify").path("verified").booleanValue()).isTrue();
        assertThat(verified.path("verify").path("delegateSign").textValue()).isEqualTo("absent");

        final ObjectNode tampered = (ObjectNode) StrictJson.parse(fixture.chain.record(fixture.aliceBid).orElseThrow()
            .documentJson().orElseThrow()).value();
        tampered.put("version", "9.9.9");
        final String tamperedRecord = new BidRecord(fixture.aliceBid,
            Optional.of(StrictJson.write(tampered)), TestDocuments.CREATED, TestDocuments.CREATED, false, 2).toJson();
        final JsonNode refused = body(BifView.verifiedDocument(fixture.aliceBid,
            bid -> BidRecord.parse(tamperedRecord))).path("data").path("verify");
        assertThat(refused.path("verified").booleanValue()).isFalse();
        assertThat(refused.path("detail").textValue()).contains("does not verify");
        assertThat(BifView.verifiedDocument(fixture.bobBid, fixture.directory::find).errorCode()).isEqualTo(6);
    }
}
