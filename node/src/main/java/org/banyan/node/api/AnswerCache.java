package org.banyan.node.api;

import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.banyan.identity.resolution.Representation;
import org.banyan.node.identity.RenderedAnswers;

/**
 * The rendered resolver answers of a node's own state and the ledger they are valid for, shared by the resolver
 * endpoints (which render and keep them) and {@link RenderedAnswersHandler} (which serves them before routing). Both
 * find an answer by the same key, made here from the raw request target and, for the W3C view, the negotiated
 * representation.
 */
record AnswerCache(RenderedAnswers answers, LongSupplier ledgerSeq) {

    AnswerCache {
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(ledgerSeq, "ledgerSeq");
    }

    /**
     * The key of a resolver request: its view, for the W3C view the representation its {@code Accept} header
     * negotiates, and the raw path and query; empty for any other path.
     */
    static Optional<String> key(final String rawPath, final String rawQuery, final Optional<String> accept) {
        final String target = rawQuery == null || rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
        if (rawPath.startsWith(ResolverEndpoints.W3C_PREFIX)) {
            return Optional.of("w3c " + Representation.negotiate(accept).map(Enum::name).orElse("none") + " " + target);
        }
        if (rawPath.startsWith(ResolverEndpoints.BIF_PREFIX)) {
            return Optional.of("bif " + target);
        }
        return Optional.empty();
    }
}
