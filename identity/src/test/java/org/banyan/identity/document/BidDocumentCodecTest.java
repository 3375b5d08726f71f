package org.banyan.identity.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.BidError;
import org.banyan.identity.ResultCode;
import org.banyan.identity.TestDocuments;
import org.banyan.identity.json.CanonicalJson;
import org.banyan.identity.json.StrictJson;
import org.junit.jupiter.api.Test;

class BidDocumentCodecTest {

    private static final PrivateKey OWNER = TestDocuments.key(1);
    private static final PrivateKey RECOVERY = TestDocuments.key(2);
    private static final String ID = TestDocuments.bid(OWNER);
    /** Keys for generated documents, made once: SM2 key derivation is slow enough to dominate a property run. */
    private static final List<PrivateKey> KEYS = java.util.stream.IntStream.range(0, 8)
        .mapToObj(index -> TestDocuments.key(index % 2 == 0 ? KeyType.ED25519 : KeyType.SM2, 10 + index)).toList();

    private static ObjectNode valid() {
        return BidDocumentCodec.toJson(TestDocuments.signed(OWNER, RECOVERY, TestDocuments.CREATED));
    }

    private static BidError rejection(final Consumer<ObjectNode> change) {
        final ObjectNode json = valid();
        change.accept(json);
        final var parsed = BidDocumentCodec.parse(json);
        assertThat(parsed.isOk()).as("accepted " + json).isFalse();
        return parsed.error();
    }

    private static ObjectNode extension(final ObjectNode json) {
        return (ObjectNode) json.get("extension");
    }

    private static ObjectNode firstKey(final ObjectNode json) {
        return (ObjectNode) json.get("publicKey").get(0);
    }

    private static ObjectNode firstService(final ObjectNode json) {
        return (ObjectNode) json.get("service").get(0);
    }

    @Test
    void aRenderedDocumentParsesBackEqual() {
        final var document = TestDocuments.signed(OWNER, RECOVERY, TestDocuments.CREATED);
        final var parsed = BidDocumentCodec.parse(TestDocuments.json(document)).value();
        assertThat(parsed.document()).isEqualTo(document);
        assertThat(CanonicalJson.text(parsed.json())).isEqualTo(CanonicalJson.text(BidDocumentCodec.toJson(document)));
    }

    @Test
    void documentsOfEverySizeRoundTrip() {
        qt().forAll(integers().between(1, 8), integers().between(0, 8), integers().between(0, 8)).checkAssert(
            (keys, services, attributes) -> {
                final var document = generated(keys, services, attributes);
                assertThat(BidDocumentCodec.parse(TestDocuments.json(document)).value().document()).isEqualTo(document);
            });
    }

    @Test
    void sm2KeysAndTheSdksKeyTypeSpellingAreAccepted() {
        final PrivateKey sm2 = TestDocuments.key(KeyType.SM2, 3);
        final var document = TestDocuments.signed(sm2, RECOVERY, TestDocuments.CREATED);
        assertThat(BidDocumentCodec.parse(TestDocuments.json(document)).value().document()).isEqualTo(document);

        final ObjectNode json = valid();
        firstKey(json).put("type", "ED25519");
        assertThat(BidDocumentCodec.parse(json).isOk()).isTrue();
    }

    @Test
    void missingRequiredMembersAreFieldNotFound() {
        for (final String member : List.of("@context", "version", "id", "authentication", "extension", "created", "updated")) {
            final BidError error = rejection(json -> json.remove(member));
            assertThat(error.code()).as(member).isEqualTo(ResultCode.FIELD_NOT_FOUND);
            assertThat(error.message()).contains(member);
        }
        assertThat(rejection(json -> extension(json).remove("type")).code()).isEqualTo(ResultCode.FIELD_NOT_FOUND);
        assertThat(rejection(json -> firstKey(json).remove("publicKeyHex")).message())
            .contains("publicKey[0].publicKeyHex is missing");
        assertThat(rejection(json -> ((ObjectNode) json.get("proof")).remove("creator")).code())
            .isEqualTo(ResultCode.FIELD_NOT_FOUND);
        assertThat(rejection(json -> extension(json).putArray("attributes").addObject().put("desc", "no key")).message())
            .contains("extension.attributes[0].key is missing");
    }

    @Test
    void malformedDocumentsAreProtocolErrorsNamingTheMember() {
        final List<Object[]> cases = List.of(
            new Object[] {(Consumer<ObjectNode>) json -> json.put("colour", "red"), "unknown member 'colour'"},
            new Object[] {(Consumer<ObjectNode>) json -> extension(json).put("delegateSign ", "x"), "unknown member 'delegateSign '"},
            new Object[] {(Consumer<ObjectNode>) json -> json.putArray("@context").add("https://example.com"), "@context must include"},
            new Object[] {(Consumer<ObjectNode>) json -> json.put("id", "did:bid:nothing"), "is neither a BID address"},
            new Object[] {(Consumer<ObjectNode>) json -> json.put("version", ""), "version must be a non-empty string"},
            new Object[] {(Consumer<ObjectNode>) json -> json.put("version", 1), "version must be a non-empty string"},
            new Object[] {(Consumer<ObjectNode>) json -> json.putArray("authentication"), "authentication must not be empty"},
            new Object[] {(Consumer<ObjectNode>) json -> json.putArray("authentication").add(ID + "#key-9"), "not a publicKey id"},
            new Object[] {(Consumer<ObjectNode>) json -> ((ArrayNode) json.get("authentication")).add(ID + "#key-1"), "twice"},
            new Object[] {(Consumer<ObjectNode>) json -> firstKey(json).put("publicKeyHex", "b06566ff"), "not a BIF public key"},
            new Object[] {(Consumer<ObjectNode>) json -> firstKey(json).put("type", "SM2"), "does not match the key"},
            new Object[] {(Consumer<ObjectNode>) json -> firstKey(json).put("controller", TestDocuments.bid(RECOVERY)), "must be its controller"},
            new Object[] {(Consumer<ObjectNode>) json -> firstKey(json).put("id", ID + "#key 1"), "must be a BID followed by #<name>"},
            new Object[] {(Consumer<ObjectNode>) json -> ((ObjectNode) json.get("publicKey").get(1)).put("id", ID + "#key-1"), "publicKey ids list"},
            new Object[] {(Consumer<ObjectNode>) json -> extension(json).put("type", 300), "extension.type 300 is not one of"},
            new Object[] {(Consumer<ObjectNode>) json -> extension(json).put("type", 102.0), "must be an integer"},
            new Object[] {(Consumer<ObjectNode>) json -> extension(json).put("type", "102"), "must be an integer"},
            new Object[] {(Consumer<ObjectNode>) json -> extension(json).put("type", 205), "credential documents"},
            new Object[] {(Consumer<ObjectNode>) json -> extension(json).put("type", 206), "for AC-code documents"},
            new Object[] {(Consumer<ObjectNode>) json -> extension(json).put("ttl", -1), "extension.ttl must be 0 to"},
            new Object[] {(Consumer<ObjectNode>) json -> extension(json).putArray("recovery").add(ID + "#key-7"), "extension.recovery names"},
            new Object[] {(Consumer<ObjectNode>) json -> extension(json).putArray("acsns").add("ABCD"), "is not an AC code"},
            new Object[] {(Consumer<ObjectNode>) json -> extension(json).putArray("acsns").add("abcd").add("abcd"), "acsns list 'abcd' twice"},
            new Object[] {(Consumer<ObjectNode>) json -> extension(json).putObject("attributes"), "must be a JSON array"},
            new Object[] {(Consumer<ObjectNode>) json -> ((ObjectNode) extension(json).get("attributes").get(0)).put("encrypt", 2), "encrypt 2 is not one of"},
            new Object[] {(Consumer<ObjectNode>) json -> extension(json).putArray("verifiableCredentials").addObject().put("id", ID).put("type", 205), "type 205 is not one of"},
            new Object[] {(Consumer<ObjectNode>) json -> extension(json).putArray("verifiableCredentials").addObject().put("id", "x").put("type", 201), "is not a BID"},
            new Object[] {(Consumer<ObjectNode>) json -> firstService(json).put("protocol", 4), "protocol 4 is not one of"},
            new Object[] {(Consumer<ObjectNode>) json -> firstService(json).put("port", 70_000), "port must be 1 to 65535"},
            new Object[] {(Consumer<ObjectNode>) json -> firstService(json).put("id", "resolver"), "must be a BID followed by #<name>"},
            new Object[] {(Consumer<ObjectNode>) json -> ((ArrayNode) json.get("service")).add(firstService(json).deepCopy()), "service ids list"},
            new Object[] {(Consumer<ObjectNode>) json -> json.put("created", "2023-11-14 22:00:00"), "not a time of the form"},
            new Object[] {(Consumer<ObjectNode>) json -> json.put("created", "2023-02-30T22:00:00Z"), "not a time of the form"},
            new Object[] {(Consumer<ObjectNode>) json -> json.put("updated", "2023-11-14T21:59:59Z"), "is before created"},
            new Object[] {(Consumer<ObjectNode>) json -> ((ObjectNode) json.get("proof")).put("signatureValue", "0OIl"), "not BIF-Base58"},
            new Object[] {(Consumer<ObjectNode>) json -> json.put("proof", "signed"), "proof must be a JSON object"});
        for (final Object[] testCase : cases) {
            @SuppressWarnings("unchecked")
            final BidError error = rejection((Consumer<ObjectNode>) testCase[0]);
            assertThat(error.code()).as((String) testCase[1]).isEqualTo(ResultCode.PROTOCOL_ERROR);
            assertThat(error.message()).contains((String) testCase[1]);
        }
    }

    @Test
    void anIpServiceNeedsAPortAndASubResolverItsProtocolFields() {
        assertThat(rejection(json -> firstService(json).put("serverType", 1)).message()).contains("port is required");
        assertThat(rejection(json -> firstService(json).put("type", TypeCodes.SUB_RESOLVER)).message())
            .contains("service[0].version is missing");
    }

    @Test
    void anAcCodeDocumentHasTypeAcCodeAndASubResolver() {
        final ObjectNode json = valid();
        json.put("id", "did:bid:abcd");
        extension(json).put("type", 206);
        assertThat(BidDocumentCodec.parse(json).error().message()).contains("needs a DIDSubResolver service");
        firstService(json).put("type", TypeCodes.SUB_RESOLVER).put("version", "1.0.0").put("protocol", 3)
            .put("serverType", 1).put("port", 8443);
        assertThat(BidDocumentCodec.parse(json).value().document().isAcCodeDocument()).isTrue();
        extension(json).put("type", 102);
        assertThat(BidDocumentCodec.parse(json).error().message()).contains("must have extension.type 206");
    }

    @Test
    void malformedJsonTextIsAProtocolError() {
        for (final String text : List.of("", "[]", "{", "{\"id\":1,\"id\":2}", TestDocuments.json(
            TestDocuments.document(OWNER, RECOVERY, TestDocuments.CREATED)) + "x")) {
            assertThat(BidDocumentCodec.parse(text).error().code()).as(text).isEqualTo(ResultCode.PROTOCOL_ERROR);
        }
    }

    @Test
    void everyListIsCappedAtTheLimit() {
        final ObjectNode atCap = valid();
        final ArrayNode aliases = atCap.putArray("alsoKnownAs");
        for (int index = 0; index < DocumentLimits.MAX_LIST_ENTRIES; index++) {
            aliases.addObject().put("type", 103).put("id", "name" + index + ".example.com");
        }
        assertThat(BidDocumentCodec.parse(atCap).isOk()).isTrue();
        aliases.addObject().put("type", 103).put("id", "one-more.example.com");
        final BidError over = BidDocumentCodec.parse(atCap).error();
        assertThat(over.code()).isEqualTo(ResultCode.PROTOCOL_ERROR);
        assertThat(over.message()).contains("alsoKnownAs has " + (DocumentLimits.MAX_LIST_ENTRIES + 1) + " entries");
    }

    @Test
    void theTtlIsCappedAtTheLimit() {
        final ObjectNode json = valid();
        extension(json).put("ttl", DocumentLimits.MAX_TTL_SECONDS);
        assertThat(BidDocumentCodec.parse(json).isOk()).isTrue();
        extension(json).put("ttl", DocumentLimits.MAX_TTL_SECONDS + 1);
        assertThat(BidDocumentCodec.parse(json).error().message()).contains("extension.ttl must be 0 to");
    }

    @Test
    void theDocumentSizeIsCappedAtTheLimit() {
        final ObjectNode json = valid();
        final ObjectNode attribute = (ObjectNode) extension(json).get("attributes").get(0);
        attribute.put("value", "");
        final int base = CanonicalJson.bytes(json).length;
        attribute.put("value", "x".repeat(DocumentLimits.MAX_DOCUMENT_BYTES - base));
        assertThat(CanonicalJson.bytes(json)).hasSize(DocumentLimits.MAX_DOCUMENT_BYTES);
        assertThat(BidDocumentCodec.parse(json).isOk()).isTrue();
        attribute.put("value", "x".repeat(DocumentLimits.MAX_DOCUMENT_BYTES - base + 1));
        final BidError over = BidDocumentCodec.parse(json).error();
        assertThat(over.code()).isEqualTo(ResultCode.PROTOCOL_ERROR);
        assertThat(over.message()).contains("at most " + DocumentLimits.MAX_DOCUMENT_BYTES);
    }

    @Test
    void attributeValuesAreFreeJsonKeptExactly() {
        final ObjectNode json = valid();
        ((ObjectNode) extension(json).get("attributes").get(0)).putObject("value").put("b", 1.5).putArray("a").add(true);
        final var parsed = BidDocumentCodec.parse(json).value();
        assertThat(parsed.document().extension().attributes().get(0).value().orElseThrow().get("b").doubleValue()).isEqualTo(1.5);
        assertThat(CanonicalJson.text(BidDocumentCodec.toJson(parsed.document()))).isEqualTo(CanonicalJson.text(json));
    }

    private static BidDocument generated(final int keys, final int services, final int attributes) {
        final var base = TestDocuments.document(OWNER, RECOVERY, TestDocuments.CREATED);
        final List<PublicKeyEntry> keyEntries = new ArrayList<>();
        for (int index = 0; index < keys; index++) {
            final PrivateKey key = KEYS.get(index);
            keyEntries.add(new PublicKeyEntry(ID + "#key-" + index, ID, key.publicKey()));
        }
        final List<Service> serviceEntries = new ArrayList<>();
        for (int index = 0; index < services; index++) {
            serviceEntries.add(new Service(ID + "#service-" + index, "DIDStorage", "10.0.0." + index,
                Optional.of("1.0.0"), OptionalInt.of(index % 4), OptionalInt.of(1), OptionalInt.of(8000 + index)));
        }
        final List<Attribute> attributeEntries = new ArrayList<>();
        for (int index = 0; index < attributes; index++) {
            attributeEntries.add(new Attribute("key" + index, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                index % 2 == 0 ? Optional.empty() : Optional.of(StrictJson.object().put("n", index))));
        }
        final Extension extension = new Extension(List.of(ID + "#key-0"), java.util.OptionalLong.empty(),
            Optional.of(new DelegateSign(ID + "#key-0", "abc")), 999, attributeEntries, List.of("ab12"), List.of(
                new CredentialReference(ID, 201)));
        return new BidDocument(base.context(), "1.0.0", ID, keyEntries, List.of(ID + "#key-0"), List.of(), extension,
            serviceEntries, TestDocuments.CREATED, "2024-01-01T00:00:00Z", Optional.of(new Proof(ID + "#key-0", "3xyz")));
    }
}
