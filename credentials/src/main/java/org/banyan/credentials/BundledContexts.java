package org.banyan.credentials;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON-LD document loader of this module: it serves the contexts bundled as resources and
 * refuses every other URL, so canonicalization never touches the network and no remote party can
 * change what a signature covers. The sources and digests of the files are in
 * {@code contexts/README.md} beside them.
 */
public final class BundledContexts implements DocumentLoader {

    /** The VC Data Model 2.0 context; a credential's {@code @context} must start with it. */
    public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";

    /** The VC Data Model 2.0 examples context, which maps every undefined term into an examples vocabulary. */
    public static final String CREDENTIALS_EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";

    /** The Data Integrity 1.0 context, for documents secured outside the VC context. */
    public static final String DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2";

    /** The Multikey context of Controlled Identifiers 1.0. */
    public static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";

    /** The DID Core 1.0 context. */
    public static final String DID_V1 = "https://www.w3.org/ns/did/v1";

    /** The one instance; it holds only immutable parsed contexts. */
    public static final BundledContexts INSTANCE = new BundledContexts();

    private final Map<String, JsonStructure> contexts;

    private BundledContexts() {
        final Map<String, JsonStructure> loaded = new LinkedHashMap<>();
        loaded.put(CREDENTIALS_V2, read("credentials-v2.jsonld"));
        loaded.put(CREDENTIALS_EXAMPLES_V2, read("credentials-examples-v2.jsonld"));
        loaded.put(DATA_INTEGRITY_V2, read("data-integrity-v2.jsonld"));
        loaded.put(MULTIKEY_V1, read("multikey-v1.jsonld"));
        loaded.put(DID_V1, read("did-v1.jsonld"));
        this.contexts = Map.copyOf(loaded);
    }

    /** The URLs served. */
    public Set<String> urls() {
        return contexts.keySet();
    }

    /**
     * Serves a bundled context.
     *
     * @throws JsonLdError with {@link JsonLdErrorCode#LOADING_REMOTE_CONTEXT_FAILED} for any other URL
     */
    @Override
    public Document loadDocument(final URI url, final DocumentLoaderOptions options) throws JsonLdError {
        final JsonStructure context = contexts.get(url.toString());
        if (context == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "the JSON-LD context " + url
                    + " is not one of the contexts bundled with this node, and contexts are never fetched from"
                    + " the network; bundled: " + String.join(", ", new TreeSet<>(contexts.keySet())));
        }
        // A fresh wrapper per load: JsonDocument has setters, the parsed JSON inside does not.
        final JsonDocument document = JsonDocument.of(context);
        document.setDocumentUrl(url);
        return document;
    }

    private static JsonStructure read(final String file) {
        final String path = "contexts/" + file;
        try (InputStream stream = BundledContexts.class.getResourceAsStream(path)) {
            if (stream == null) {
                throw new IllegalStateException("the bundled context resource " + path + " is missing from the jar");
            }
            try (JsonReader reader = JsonText.PROVIDER.createReader(
                    new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                return reader.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled context " + path, e);
        }
    }
}
