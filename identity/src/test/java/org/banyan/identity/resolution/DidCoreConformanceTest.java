package org.banyan.identity.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.banyan.credentials.Multikey;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.TestDocuments;
import org.banyan.identity.document.AlsoKnownAs;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.PublicKeyEntry;
import org.banyan.identity.document.Service;
import org.junit.jupiter.api.Test;

/**
 * The DID Core 1.0 document property checks of w3c/did-test-suite (suites did-identifier and did-core-properties),
 * ported to JUnit and run on the DID Core view of a document using every BID feature that maps.
 */
class DidCoreConformanceTest {

    private static final Pattern DID = Pattern.compile(
        "did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+");

    private final PrivateKey owner = TestDocuments.key(1);
    private final PrivateKey sm2 = TestDocuments.key(KeyType.SM2, 1);
    private final String id = TestDocuments.bid(owner);

    private BidDocument richDocument() {
        final BidDocument base = TestDocuments.document(owner, TestDocuments.key(2), TestDocuments.CREATED);
        return new BidDocument(base.context(), base.version(), id,
            List.of(base.publicKeys().get(0), base.publicKeys().get(1), new PublicKeyEntry(id + "#key-3", id, sm2.publicKey())),
            List.of(id + "#key-1", id + "#key-3"),
            List.of(new AlsoKnownAs(101, TestDocuments.bid(sm2)), new AlsoKnownAs(102, "did:example:abc"),
                new AlsoKnownAs(103, "example.com"), new AlsoKnownAs(105, "@banyan")),
            base.extension(),
            List.of(Service.of(id + "#resolver", "DIDResolver", "https://resolver.example.com/1.0"),
                new Service(id + "#sub", "DIDSubResolver", "192.168.1.23", Optional.of("1.0.0"), OptionalInt.of(3),
                    OptionalInt.of(1), OptionalInt.of(8443)),
                new Service(id + "#udp", "DIDResolver", "resolver.example.com", Optional.empty(), OptionalInt.of(0),
                    OptionalInt.of(0), OptionalInt.empty()),
                new Service(id + "#bare", "DIDStorage", "storage.example.com", Optional.empty(), OptionalInt.empty(),
                    OptionalInt.empty(), OptionalInt.empty())),
            base.created(), base.updated(), Optional.empty());
    }

    private static boolean isUri(final String text) {
        try {
            return new URI(text).isAbsolute();
        } catch (final java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean isDidUrl(final String text) {
        final int hash = text.indexOf('#');
        return hash > 0 && DID.matcher(text.substring(0, hash)).matches() && isUri(text);
    }

    @Test
    void theDocumentMeetsTheDidCoreProperties() {
        final ObjectNode document = DidCoreDocument.render(richDocument(), true);

        assertThat(document.path("@context").get(0).textValue()).as("@context starts with DID v1")
            .isEqualTo("https://www.w3.org/ns/did/v1");
        assertThat(document.path("id").textValue()).matches(DID).isEqualTo(id);

        final Set<String> methodIds = new HashSet<>();
        for (final JsonNode method : document.path("verificationMethod")) {
            assertThat(isDidUrl(method.path("id").textValue())).as(method.toString()).isTrue();
            assertThat(methodIds.add(method.path("id").textValue())).as("unique ids").isTrue();
            assertThat(method.path("type").isTextual()).isTrue();
            assertThat(method.path("controller").textValue()).matches(DID);
            assertThat(method.has("publicKeyJwk") ^ method.has("publicKeyMultibase")).as("exactly one key format").isTrue();
            assertThat(Multikey.decodePublicKey(method.path("publicKeyMultibase").textValue()).encoded()).isNotEmpty();
        }
        assertThat(methodIds).hasSize(3);

        for (final JsonNode reference : document.path("authentication")) {
            assertThat(reference.isTextual()).isTrue();
            assertThat(methodIds).as("authentication references a verification method").contains(reference.textValue());
        }

        final Set<String> serviceIds = new HashSet<>();
        for (final JsonNode service : document.path("service")) {
            assertThat(isUri(service.path("id").textValue())).isTrue();
            assertThat(serviceIds.add(service.path("id").textValue())).as("unique service ids").isTrue();
            assertThat(service.path("type").isTextual()).isTrue();
            final JsonNode endpoint = service.path("serviceEndpoint");
            assertThat(endpoint.isObject() || (endpoint.isTextual() && isUri(endpoint.textValue())))
                .as("endpoint is a URI or a map: " + endpoint).isTrue();
        }

        for (final JsonNode alias : document.path("alsoKnownAs")) {
            assertThat(isUri(alias.textValue())).as(alias.textValue()).isTrue();
        }
    }

    @Test
    void bidSpecificPartsMapAsDocumented() {
        final ObjectNode document = DidCoreDocument.render(richDocument(), true);
        assertThat(document.path("@context").get(1).textValue()).isEqualTo(DidCoreDocument.MULTIKEY_CONTEXT);
        assertThat(document.path("verificationMethod").get(0).path("type").textValue()).isEqualTo("Multikey");
        assertThat(document.path("verificationMethod").get(0).path("publicKeyMultibase").textValue()).startsWith("z6Mk");
        assertThat(Multikey.decodePublicKey(document.path("verificationMethod").get(2).path("publicKeyMultibase")
            .textValue()).encoded()).isEqualTo(sm2.publicKey().encoded());
        assertThat(document.path("alsoKnownAs")).extracting(JsonNode::textValue)
            .containsExactly(TestDocuments.bid(sm2), "did:example:abc", "dns:example.com");
        assertThat(document.path("service").get(0).path("serviceEndpoint").textValue()).isEqualTo("https://resolver.example.com/1.0");
        assertThat(document.path("service").get(1).path("serviceEndpoint").textValue()).isEqualTo("https://192.168.1.23:8443");
        assertThat(document.path("service").get(2).path("serviceEndpoint").textValue()).isEqualTo("udp://resolver.example.com");
        assertThat(document.path("service").get(3).path("serviceEndpoint").path("host").textValue()).isEqualTo("storage.example.com");
        assertThat(document.has("extension") || document.has("proof") || document.has("publicKey")).isFalse();
        assertThat(DidCoreDocument.render(richDocument(), false).has("@context")).isFalse();
    }
}
