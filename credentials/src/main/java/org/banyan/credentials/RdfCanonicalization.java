package org.banyan.credentials;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonObject;
import java.io.StringWriter;

/**
 * JSON-LD to canonical N-Quads (RDFC-1.0 with SHA-256), which {@code eddsa-rdfc-2022} signs.
 *
 * <p>Expansion loads contexts only from {@link BundledContexts} and fails on any term that no
 * context defines ("safe mode", Data Integrity §4.1): JSON-LD would otherwise drop such a term
 * silently, leaving it outside the signature while a reader of the JSON still sees it.
 * Canonicalization stops after {@link Limits#MAX_CANONICALIZATION_STEPS} steps.
 */
public final class RdfCanonicalization {

    private RdfCanonicalization() {
    }

    /**
     * The canonical N-Quads of a JSON-LD document, one quad per line, each line ending in a newline.
     *
     * @throws CredentialException with {@link ProblemType#PROOF_TRANSFORMATION_ERROR} for an unknown
     *     context, an undefined term, invalid JSON-LD, or a graph that needs too many steps
     */
    public static String canonicalize(final JsonObject document) {
        final JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader(BundledContexts.INSTANCE);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        final RdfCanon canon = RdfCanon.create("SHA-256", new StepLimit(Limits.MAX_CANONICALIZATION_STEPS));
        try {
            JsonLd.toRdf(JsonDocument.of(document)).options(options).provide(canon);
            final StringWriter nquads = new StringWriter();
            canon.provide(new NQuadsWriter(nquads));
            return nquads.toString();
        } catch (JsonLdError e) {
            throw new CredentialException(ProblemType.PROOF_TRANSFORMATION_ERROR,
                    "JSON-LD processing failed (" + e.getCode() + "): " + innermostMessage(e), e);
        } catch (RdfConsumerException e) {
            throw new CredentialException(ProblemType.PROOF_TRANSFORMATION_ERROR,
                    "RDF canonicalization failed: " + e.getMessage(), e);
        } catch (StepLimit.Exceeded e) {
            throw new CredentialException(ProblemType.PROOF_TRANSFORMATION_ERROR, e.getMessage(), e);
        }
    }

    /** Titanium wraps a loader's error in a generic one; the innermost message says which context failed. */
    private static String innermostMessage(final JsonLdError error) {
        Throwable innermost = error;
        while (innermost.getCause() instanceof JsonLdError) {
            innermost = innermost.getCause();
        }
        return innermost.getMessage();
    }

    /** Counts canonicalization steps and stops the run past the cap; counting, not timing, keeps it deterministic. */
    static final class StepLimit implements RdfCanonTicker {

        private final int maxSteps;
        private int steps;

        StepLimit(final int maxSteps) {
            this.maxSteps = maxSteps;
        }

        @Override
        public void tick() {
            steps++;
            if (steps > maxSteps) {
                throw new Exceeded(maxSteps);
            }
        }

        /** Thrown from inside the canonicalizer, which declares only {@link IllegalStateException}. */
        static final class Exceeded extends IllegalStateException {

            private static final long serialVersionUID = 1L;

            Exceeded(final int maxSteps) {
                super("RDF canonicalization needs more than " + maxSteps + " steps; the document's blank nodes"
                        + " are too many or too alike");
            }
        }
    }
}
