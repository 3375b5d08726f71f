package org.banyan.identity.resolution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.banyan.crypto.BidSyntax;
import org.banyan.identity.BidResult;
import org.banyan.identity.ResultCode;
import org.banyan.identity.ddo.BidRecord;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.json.StrictJson;

/**
 * The W3C resolution view, {@code GET /1.0/identifiers/{did}} (DID Resolution v1.0 §12.1), as a pure function of the
 * path segment, the {@code Accept} header and a directory.
 *
 * <p>The DID may be percent-encoded. Checks run in this order: DID syntax (400 {@code INVALID_DID}), method
 * ({@code did:bid} only, else 501 {@code METHOD_NOT_SUPPORTED}), BID syntax (400), representation (406
 * {@code REPRESENTATION_NOT_SUPPORTED}), then the directory (404 {@code NOT_FOUND}). A deactivated DID answers 410
 * with {@code didDocument: null} and {@code didDocumentMetadata.deactivated: true}. Errors are RFC 9457 problem
 * objects in {@code didResolutionMetadata.error}; errors and deactivation are always answered with the resolution
 * result ({@code application/did-resolution}), whatever was asked for, since a bare document cannot carry them.
 */
public final class W3cView {

    /** The JSON-LD context of a resolution result. */
    public static final String RESOLUTION_CONTEXT = "https://w3id.org/did-resolution/v1";

    /** HTTP 410 Gone: the answer for a deactivated DID. */
    public static final int STATUS_DEACTIVATED = 410;

    private static final int STATUS_OK = 200;
    private static final Set<String> VERSION_OPTIONS = Set.of("versionId", "versionTime");
    private static final Pattern DID_SYNTAX = Pattern.compile(
        "did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+");

    private W3cView() {
    }

    /**
     * Resolves the DID in a request path segment for a client sending {@code accept} and the query parameters
     * {@code options} (DID Resolution §4.1): the version options {@code versionId} and {@code versionTime} answer 501
     * {@code FEATURE_NOT_SUPPORTED}, since the resolver serves the current version; any other option answers 400
     * {@code INVALID_OPTIONS}, so that a client never believes an option took effect.
     */
    public static HttpResponse resolve(final String pathSegment, final Optional<String> accept,
                                       final Set<String> options,
                                       final Function<String, BidResult<BidRecord>> directory) {
        final Optional<String> did = percentDecode(pathSegment);
        if (did.isEmpty() || !DID_SYNTAX.matcher(did.get()).matches()) {
            return error(ResolutionError.INVALID_DID, "'" + pathSegment + "' is not a DID");
        }
        if (!did.get().startsWith(BidSyntax.METHOD_PREFIX)) {
            return error(ResolutionError.METHOD_NOT_SUPPORTED, "this resolver resolves did:bid only, not "
                + did.get().substring(0, did.get().indexOf(':', 4)));
        }
        if (!BidSyntax.isValid(did.get())) {
            return error(ResolutionError.INVALID_DID, did.get() + " is not a valid BID");
        }
        final Optional<String> option = options.stream().sorted().findFirst();
        if (option.isPresent()) {
            return VERSION_OPTIONS.contains(option.get())
                ? error(ResolutionError.FEATURE_NOT_SUPPORTED, "the option " + option.get() + " is not supported:"
                    + " this resolver serves the current version of a document only")
                : error(ResolutionError.INVALID_OPTIONS, "the option '" + option.get() + "' is not known; this"
                    + " resolver takes none besides the Accept header");
        }
        final Optional<Representation> representation = Representation.negotiate(accept);
        if (representation.isEmpty()) {
            return error(ResolutionError.REPRESENTATION_NOT_SUPPORTED, "none of '" + accept.orElse("")
                + "' can be produced; offered are application/did-resolution, application/did+ld+json,"
                + " application/did+json and application/did");
        }
        final BidResult<BidRecord> found = directory.apply(did.get());
        if (!found.isOk()) {
            return error(errorFor(found.error().code()), found.error().message());
        }
        final BidRecord record = found.value();
        if (record.deactivated()) {
            return result(STATUS_DEACTIVATED, Optional.empty(), StrictJson.object(), metadata(record));
        }
        final BidDocument document = BidDocumentCodec.parse(record.documentJson().orElseThrow()).value().document();
        final ObjectNode didDocument = DidCoreDocument.render(document, representation.get().withContext());
        if (representation.get() != Representation.RESOLUTION_RESULT) {
            return new HttpResponse(STATUS_OK, representation.get().mediaType(), StrictJson.write(didDocument));
        }
        final ObjectNode resolutionMetadata = StrictJson.object()
            .put("contentType", Representation.DID_LD_JSON.mediaType());
        return result(STATUS_OK, Optional.of(didDocument), resolutionMetadata, metadata(record));
    }

    /**
     * The resolution error for a directory's result code: no document, or an AC code without a sub-chain, is 404;
     * a sub-chain resolver that failed is 500; a BID this resolver does not serve is 501; a malformed one is 400.
     */
    static ResolutionError errorFor(final ResultCode code) {
        return switch (code) {
            case NOT_FOUND, UNKNOWN_AC_CODE -> ResolutionError.NOT_FOUND;
            case NO_RESPONSE, BUSY, ERROR -> ResolutionError.INTERNAL_ERROR;
            case UNSUPPORTED -> ResolutionError.FEATURE_NOT_SUPPORTED;
            default -> ResolutionError.INVALID_DID;
        };
    }

    /** {@code didDocumentMetadata}: created, updated, the ledger of the last change as versionId, deactivation. */
    private static ObjectNode metadata(final BidRecord record) {
        final ObjectNode metadata = StrictJson.object().put("created", record.created()).put("updated", record.updated())
            .put("versionId", Long.toString(record.ledgerSeq()));
        if (record.deactivated()) {
            metadata.put("deactivated", true);
        }
        return metadata;
    }

    private static HttpResponse error(final ResolutionError error, final String detail) {
        final ObjectNode resolutionMetadata = StrictJson.object();
        resolutionMetadata.putObject("error").put("type", error.type()).put("title", error.title())
            .put("status", error.status()).put("detail", detail);
        return result(error.status(), Optional.empty(), resolutionMetadata, StrictJson.object());
    }

    private static HttpResponse result(final int status, final Optional<ObjectNode> didDocument,
                                       final ObjectNode resolutionMetadata, final ObjectNode documentMetadata) {
        final ObjectNode body = StrictJson.object().put("@context", RESOLUTION_CONTEXT);
        if (didDocument.isPresent()) {
            body.set("didDocument", didDocument.get());
        } else {
            body.putNull("didDocument");
        }
        body.set("didResolutionMetadata", resolutionMetadata);
        body.set("didDocumentMetadata", documentMetadata);
        return new HttpResponse(status, Representation.RESOLUTION_RESULT.mediaType(), StrictJson.write(body));
    }

    /** Decodes {@code %XX} escapes (and nothing else: '+' stays); empty if an escape is malformed or not UTF-8. */
    public static Optional<String> percentDecode(final String text) {
        if (text.indexOf('%') < 0) {
            return Optional.of(text);
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int index = 0; index < text.length(); index++) {
            final char character = text.charAt(index);
            if (character != '%') {
                bytes.writeBytes(String.valueOf(character).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (index + 2 >= text.length() || Character.digit(text.charAt(index + 1), 16) < 0
                || Character.digit(text.charAt(index + 2), 16) < 0) {
                return Optional.empty();
            }
            bytes.write(Character.digit(text.charAt(index + 1), 16) * 16 + Character.digit(text.charAt(index + 2), 16));
            index += 2;
        }
        final String decoded = bytes.toString(StandardCharsets.UTF_8);
        return decoded.contains("\uFFFD") ? Optional.empty() : Optional.of(decoded);
    }
}
