package org.banyan.identity.resolution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.banyan.credentials.Multikey;
import org.banyan.identity.document.AlsoKnownAs;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.PublicKeyEntry;
import org.banyan.identity.document.Service;
import org.banyan.identity.document.TypeCodes;
import org.banyan.identity.json.StrictJson;

/**
 * A BID document as a DID Core 1.0 document: {@code id}; every {@code publicKey} as a {@code Multikey}
 * {@code verificationMethod}; {@code authentication} as references to them; {@code service} with URI endpoints; and
 * {@code alsoKnownAs} as URIs. BIF-only parts ({@code extension}, {@code proof}, times) are left out: times go to the
 * document metadata.
 *
 * <p>Mappings where BIF differs: an alias that is already a URI (a BID, another DID) is kept, a domain name (type
 * 103) becomes {@code dns:<name>} (RFC 4501), and others (UID, handle) have no URI and are left out. A service
 * endpoint that is a URI is kept; a bare host with a {@code protocol} becomes {@code <scheme>://host[:port]}
 * (udp, tcp, http, https); any other becomes the map {@code {"host": …, "port": …}}, which DID Core allows.
 */
public final class DidCoreDocument {

    /** The Multikey context, which defines {@code Multikey} and {@code publicKeyMultibase}. */
    public static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";

    private static final String[] SCHEMES = {"udp", "tcp", "http", "https"};
    private static final Pattern ABSOLUTE_URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.+");

    private DidCoreDocument() {
    }

    /** The DID Core document; {@code withContext} adds the JSON-LD {@code @context}. */
    public static ObjectNode render(final BidDocument document, final boolean withContext) {
        final ObjectNode json = StrictJson.object();
        if (withContext) {
            json.putArray("@context").add(BidDocumentCodec.DID_CONTEXT).add(MULTIKEY_CONTEXT);
        }
        json.put("id", document.id());
        final ArrayNode aliases = StrictJson.object().arrayNode();
        document.alsoKnownAs().stream().map(DidCoreDocument::aliasUri).flatMap(Optional::stream).forEach(aliases::add);
        if (!aliases.isEmpty()) {
            json.set("alsoKnownAs", aliases);
        }
        if (!document.publicKeys().isEmpty()) {
            final ArrayNode methods = json.putArray("verificationMethod");
            for (final PublicKeyEntry key : document.publicKeys()) {
                methods.addObject().put("id", key.id()).put("type", "Multikey").put("controller", key.controller())
                    .put("publicKeyMultibase", Multikey.encode(key.publicKey()));
            }
        }
        final ArrayNode authentication = json.putArray("authentication");
        document.authentication().forEach(authentication::add);
        if (!document.services().isEmpty()) {
            final ArrayNode services = json.putArray("service");
            for (final Service service : document.services()) {
                final ObjectNode entry = services.addObject().put("id", service.id()).put("type", service.type());
                endpoint(service, entry);
            }
        }
        return json;
    }

    private static Optional<String> aliasUri(final AlsoKnownAs alias) {
        if (isAbsoluteUri(alias.id())) {
            return Optional.of(alias.id());
        }
        if (alias.type() == TypeCodes.ALIAS_DOMAIN && isAbsoluteUri("dns:" + alias.id())) {
            return Optional.of("dns:" + alias.id());
        }
        return Optional.empty();
    }

    private static void endpoint(final Service service, final ObjectNode entry) {
        final String endpoint = service.serviceEndpoint();
        if (isAbsoluteUri(endpoint) && !endpoint.matches("[^/]*:\\d+")) {
            entry.put("serviceEndpoint", endpoint);
            return;
        }
        if (service.protocol().isPresent()) {
            final String host = endpoint.contains(":") && !endpoint.startsWith("[") ? "[" + endpoint + "]" : endpoint;
            final String uri = SCHEMES[service.protocol().getAsInt()] + "://" + host
                + (service.port().isPresent() ? ":" + service.port().getAsInt() : "");
            if (isAbsoluteUri(uri)) {
                entry.put("serviceEndpoint", uri);
                return;
            }
        }
        final ObjectNode map = entry.putObject("serviceEndpoint").put("host", endpoint);
        service.port().ifPresent(port -> map.put("port", port));
    }

    private static boolean isAbsoluteUri(final String text) {
        if (!ABSOLUTE_URI.matcher(text).matches()) {
            return false;
        }
        try {
            return new URI(text).isAbsolute();
        } catch (final URISyntaxException e) {
            return false;
        }
    }
}
