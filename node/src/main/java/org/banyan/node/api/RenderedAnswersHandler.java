package org.banyan.node.api;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import org.banyan.node.identity.RenderedAnswers;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves a resolver request whose answer is already rendered for the current ledger straight from Jetty, before the
 * request reaches the servlet and the router: a warm resolver then costs a map lookup and a write. Every other request,
 * a miss included, goes on to the endpoints, which render the answer and keep it ({@link ResolverEndpoints}).
 */
final class RenderedAnswersHandler extends Handler.Wrapper {

    private final AnswerCache cache;

    RenderedAnswersHandler(final AnswerCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public boolean handle(final Request request, final Response response, final Callback callback) throws Exception {
        if (HttpMethod.GET.is(request.getMethod())) {
            final Optional<String> key = AnswerCache.key(request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                Optional.ofNullable(request.getHeaders().get(HttpHeader.ACCEPT)));
            final Optional<RenderedAnswers.Answer> answer = key.flatMap(found ->
                cache.answers().get(found, cache.ledgerSeq().getAsLong()));
            if (answer.isPresent()) {
                response.setStatus(answer.get().status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.get().contentType());
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.get().body().length);
                response.write(true, ByteBuffer.wrap(answer.get().body()), callback);
                return true;
            }
        }
        return super.handle(request, response, callback);
    }
}
