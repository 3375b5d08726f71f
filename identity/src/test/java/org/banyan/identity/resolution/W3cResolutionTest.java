package org.banyan.identity.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.banyan.identity.BidResult;
import org.banyan.identity.ResultCode;
import org.banyan.identity.json.StrictJson;
import org.junit.jupiter.api.Test;

/**
 * The HTTP resolution checks of w3c/did-resolution-test-suite (the mocha suite) and the resolution suite of
 * w3c/did-test-suite (expected outcomes default, invalidDid, notFound, representationNotSupported, deactivated),
 * ported to JUnit against the pure view.
 */
class W3cResolutionTest {

    /** did-test-suite's datetime rule for document metadata. */
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private final ResolutionFixture fixture = new ResolutionFixture();

    private HttpResponse get(final String did, final String accept) {
        return W3cView.resolve(did, Optional.ofNullable(accept), Set.of(), fixture.directory::find);
    }

    private static JsonNode json(final HttpResponse response) {
        return StrictJson.parse(response.body()).value();
    }

    private static void assertError(final HttpResponse response, final ResolutionError error) {
        assertThat(response.status()).isEqualTo(error.status());
        assertThat(response.contentType()).contains("application/did-resolution");
        final JsonNode body = json(response);
        assertThat(body.path("didDocument").isNull()).as("didDocument is null on error").isTrue();
        final JsonNode problem = body.path("didResolutionMetadata").path("error");
        assertThat(problem.path("type").textValue()).isEqualTo("https://www.w3.org/ns/did#" + error.name());
        assertThat(problem.path("title").textValue()).isNotBlank();
        assertThat(problem.path("detail").textValue()).isNotBlank();
        assertThat(problem.path("status").intValue()).isEqualTo(error.status());
        assertThat(body.path("didDocumentMetadata").isEmpty()).isTrue();
    }

    @Test
    void aValidDidResolvesToAResolutionResult() {
        final HttpResponse response = get(fixture.aliceBid, "application/did-resolution");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).contains("application/did-resolution");
        final JsonNode body = json(response);
        assertThat(body.path("didDocument").path("id").textValue()).as("document id equals the DID").isEqualTo(fixture.aliceBid);
        assertThat(body.path("didResolutionMetadata").path("contentType").textValue()).isEqualTo("application/did+ld+json");
        assertThat(body.path("didResolutionMetadata").has("error")).isFalse();
        final JsonNode metadata = body.path("didDocumentMetadata");
        assertThat(metadata.path("created").textValue()).matches(DATETIME);
        assertThat(metadata.path("updated").textValue()).matches(DATETIME);
        assertThat(metadata.path("versionId").textValue()).isNotBlank();
        assertThat(metadata.has("deactivated")).isFalse();
    }

    @Test
    void noAcceptHeaderOrAWildcardGivesTheResolutionResult() {
        for (final String accept : new String[] {null, "*/*", "application/*",
            "application/ld+json;profile=\"https://w3id.org/did-resolution\""}) {
            final HttpResponse response = get(fixture.aliceBid, accept);
            assertThat(response.status()).as(accept).isEqualTo(200);
            assertThat(json(response).has("didResolutionMetadata")).as(accept).isTrue();
        }
    }

    @Test
    void aUrlEncodedDidIsAccepted() {
        final HttpResponse response = get(URLEncoder.encode(fixture.aliceBid, StandardCharsets.UTF_8), null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).path("didDocument").path("id").textValue()).isEqualTo(fixture.aliceBid);
        assertError(get("did%3Abid%3", null), ResolutionError.INVALID_DID);
    }

    @Test
    void invalidDidsAre400() {
        assertError(get("not-a-did", null), ResolutionError.INVALID_DID);
        assertError(get("did:bid:", null), ResolutionError.INVALID_DID);
        assertError(get("did:bid:abc", null), ResolutionError.INVALID_DID);
        assertError(get("did:bid:ef!!!", null), ResolutionError.INVALID_DID);
        assertError(get(fixture.aliceBid + "#key-1", null), ResolutionError.INVALID_DID);
    }

    @Test
    void otherMethodsAre501() {
        assertError(get("did:example:123", null), ResolutionError.METHOD_NOT_SUPPORTED);
        assertError(get("did:unsupported:abc", "application/did-resolution"), ResolutionError.METHOD_NOT_SUPPORTED);
    }

    @Test
    void unknownDidsAre404() {
        assertError(get(fixture.nobodyBid, null), ResolutionError.NOT_FOUND);
        assertError(get("did:bid:zz99:" + fixture.nobodyBid.substring("did:bid:".length()), null), ResolutionError.NOT_FOUND);
    }

    @Test
    void deactivatedDidsAre410WithTheFlag() {
        final HttpResponse response = get(fixture.bobBid, "application/did-resolution");
        assertThat(response.status()).isEqualTo(W3cView.STATUS_DEACTIVATED);
        final JsonNode body = json(response);
        assertThat(body.path("didDocument").isNull()).isTrue();
        assertThat(body.path("didDocumentMetadata").path("deactivated").booleanValue()).isTrue();
        assertThat(body.path("didDocumentMetadata").path("updated").textValue()).matches(DATETIME);
        assertThat(body.path("didResolutionMetadata").has("error")).isFalse();
    }

    @Test
    void unsupportedRepresentationsAre406() {
        assertError(get(fixture.aliceBid, "text/html"), ResolutionError.REPRESENTATION_NOT_SUPPORTED);
        assertError(get(fixture.aliceBid, "application/did+ld+json;q=0"), ResolutionError.REPRESENTATION_NOT_SUPPORTED);
    }

    @Test
    void documentMediaTypesGiveTheBareDocument() {
        final HttpResponse ldJson = get(fixture.aliceBid, "application/did+ld+json");
        assertThat(ldJson.contentType()).isEqualTo("application/did+ld+json");
        assertThat(json(ldJson).path("@context").get(0).textValue()).isEqualTo("https://www.w3.org/ns/did/v1");
        assertThat(json(ldJson).path("id").textValue()).isEqualTo(fixture.aliceBid);

        final HttpResponse plainJson = get(fixture.aliceBid, "application/did+json");
        assertThat(plainJson.contentType()).isEqualTo("application/did+json");
        assertThat(json(plainJson).has("@context")).as("no JSON-LD member in plain JSON").isFalse();

        assertThat(get(fixture.aliceBid, "application/ld+json").contentType())
            .as("the Universal Resolver's Accept").isEqualTo("application/did+ld+json");
        assertThat(get(fixture.aliceBid, "application/did").contentType()).isEqualTo("application/did");
        assertThat(get(fixture.aliceBid, "text/html;q=0.9, application/did+json;q=0.5, application/did+ld+json;q=0.8")
            .contentType()).as("highest acceptable quality wins").isEqualTo("application/did+ld+json");
    }

    @Test
    void percentDecodingIsStrict() {
        assertThat(W3cView.percentDecode("did%3Abid%3Aab12")).contains("did:bid:ab12");
        assertThat(W3cView.percentDecode("a+b")).contains("a+b");
        assertThat(W3cView.percentDecode("%zz")).isEmpty();
        assertThat(W3cView.percentDecode("%ff")).as("not UTF-8").isEmpty();
    }

    @Test
    void versionOptionsAreNotSupportedAndUnknownOptionsAreInvalid() {
        final HttpResponse version = W3cView.resolve(fixture.aliceBid, Optional.empty(), Set.of("versionTime"),
            fixture.directory::find);
        assertError(version, ResolutionError.FEATURE_NOT_SUPPORTED);
        assertThat(version.status()).isEqualTo(501);
        assertError(W3cView.resolve(fixture.aliceBid, Optional.empty(), Set.of("colour"), fixture.directory::find),
            ResolutionError.INVALID_OPTIONS);
        assertError(W3cView.resolve("not-a-did", Optional.empty(), Set.of("versionId"), fixture.directory::find),
            ResolutionError.INVALID_DID);
    }

    @Test
    void directoryErrorsMapToTheirStatus() {
        for (final ResultCode code : ResultCode.values()) {
            if (code == ResultCode.SUCCESS) {
                continue;
            }
            final HttpResponse response = W3cView.resolve(fixture.aliceBid, Optional.empty(), Set.of(),
                bid -> BidResult.failed(code, "directory says " + code.title()));
            final ResolutionError expected = switch (code) {
                case NOT_FOUND, UNKNOWN_AC_CODE -> ResolutionError.NOT_FOUND;
                case NO_RESPONSE, BUSY, ERROR -> ResolutionError.INTERNAL_ERROR;
                case UNSUPPORTED -> ResolutionError.FEATURE_NOT_SUPPORTED;
                default -> ResolutionError.INVALID_DID;
            };
            assertError(response, expected);
            assertThat(json(response).path("didResolutionMetadata").path("error").path("detail").textValue())
                .contains(code.title());
        }
    }
}
