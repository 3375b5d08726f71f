package org.banyan.node.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.banyan.crypto.BidSyntax;
import org.banyan.identity.BidResult;
import org.banyan.identity.ddo.BidRecord;
import org.banyan.identity.resolution.BifResponse;
import org.banyan.identity.resolution.BifView;
import org.banyan.identity.resolution.HttpResponse;
import org.banyan.identity.resolution.W3cView;
import org.banyan.node.identity.RecursiveDirectory;
import org.banyan.node.identity.RenderedAnswers;
import org.banyan.protocol.ERRORCODE;

/**
 * The BID resolver over HTTP, served by every node and by the standalone resolver:
 * <ul>
 *   <li>the BIF view (RFC-005 §5): {@code GET /{bid}} ({@code ?verify=true} for trusted resolution) and its field
 *       sub-paths, always HTTP 200 with {@code {errorCode, message, data}};</li>
 *   <li>the W3C view (DID Resolution §12.1): {@code GET /1.0/identifiers/{did}}, with the status codes, content types
 *       and RFC 9457 errors of {@link W3cView}.</li>
 * </ul>
 * The BIF paths take any one-segment path, so they are registered after the BIF node API's own paths; a segment
 * that is not a {@code did:bid:} BID is answered like any unknown path (HTTP 404). Answers from this chain's own
 * state are kept rendered per ledger ({@link AnswerCache}) when a ledger is at hand.
 */
final class ResolverEndpoints {

    /** The W3C resolution path prefix; the DID follows, raw, as the client encoded it. */
    static final String W3C_PREFIX = "/1.0/identifiers/";

    /** The prefix of every BIF resolution path: a BID. */
    static final String BIF_PREFIX = "/" + BidSyntax.METHOD_PREFIX;

    /** As Jetty writes {@link Responses#JSON_CONTENT_TYPE}, so a rendered answer is sent exactly like a fresh one. */
    private static final String BIF_CONTENT_TYPE = "application/json;charset=utf-8";

    private final RecursiveDirectory directory;
    private final Optional<AnswerCache> cache;
    private final Responses responses;

    /**
     * @param cache the rendered answers of this node's own state and the ledger they are valid for; empty for the
     *     standalone resolver, which has no ledger of its own
     */
    ResolverEndpoints(final RecursiveDirectory directory, final Optional<AnswerCache> cache,
                      final Responses responses) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    /** Registers the routes; call after every fixed one-segment path. */
    void addTo(final RoutesConfig routes) {
        routes.get(W3C_PREFIX + "{did}", this::w3c);
        routes.get("/{bid}", context -> bif(context, (bid, find) -> QueryParameters.flag(context, "verify")
            ? BifView.verifiedDocument(bid, find) : BifView.document(bid, find)));
        routes.get("/{bid}/public-keys", context -> bif(context, BifView::publicKeys));
        routes.get("/{bid}/public-keys/{keyId}", context -> bif(context,
            (bid, find) -> BifView.publicKey(bid, context.pathParam("keyId"), find)));
        routes.get("/{bid}/attributes", context -> bif(context, BifView::attributes));
        routes.get("/{bid}/acsns", context -> bif(context, BifView::acsns));
        routes.get("/{bid}/verifiableCredentials", context -> bif(context, BifView::verifiableCredentials));
        routes.get("/{bid}/services", context -> bif(context,
            (bid, find) -> BifView.services(bid, QueryParameters.optional(context, "id"), find)));
    }

    /** One BIF view of a BID. */
    @FunctionalInterface
    private interface BifAnswer {
        BifResponse render(String bid, Function<String, BidResult<BidRecord>> directory);
    }

    private void bif(final Context context, final BifAnswer view) {
        final String bid = context.pathParam("bid");
        if (!bid.startsWith(BidSyntax.METHOD_PREFIX)) {
            responses.write(context, 404, responses.failure(ERRORCODE.ERRCODE_NOT_EXIST,
                "no endpoint " + context.method() + " " + context.path()));
            return;
        }
        serve(context, bid, () -> {
            final BifResponse response = view.render(bid, directory::find);
            return new Rendered(200, BIF_CONTENT_TYPE, response.json());
        });
    }

    private void w3c(final Context context) {
        // The DID as sent: W3cView decodes it, so a percent-encoded DID is decoded exactly once.
        final String rawPath = context.req().getRequestURI();
        final String pathSegment = rawPath.substring(rawPath.indexOf(W3C_PREFIX) + W3C_PREFIX.length());
        final Optional<String> accept = Optional.ofNullable(context.header("Accept"));
        final String did = W3cView.percentDecode(pathSegment).orElse(pathSegment);
        serve(context, did, () -> {
            final HttpResponse response = W3cView.resolve(pathSegment, accept, context.queryParamMap().keySet(),
                directory::find);
            return new Rendered(response.status(), response.contentType(), response.body());
        });
    }

    /** An answer before it is written. */
    private record Rendered(int status, String contentType, String body) {
    }

    /**
     * Writes the answer for {@code bid}, from the rendered answers when it comes from this chain's current state (the
     * requests that reach here are mostly the misses of {@link RenderedAnswersHandler}).
     */
    private void serve(final Context context, final String bid, final Supplier<Rendered> render) {
        final Optional<String> key = AnswerCache.key(context.req().getRequestURI(), context.queryString(),
            Optional.ofNullable(context.header("Accept")));
        final RenderedAnswers.Answer answer;
        if (cache.isPresent() && key.isPresent() && directory.isLocal(bid)) {
            // Read the ledger before rendering: a ledger closing meanwhile leaves the answer stale, never wrong.
            final long seq = cache.get().ledgerSeq().getAsLong();
            answer = cache.get().answers().get(key.get(), seq).orElseGet(() -> {
                final RenderedAnswers.Answer fresh = toAnswer(seq, render.get());
                cache.get().answers().put(key.get(), fresh);
                return fresh;
            });
        } else {
            answer = toAnswer(-1, render.get());
        }
        context.status(answer.status()).contentType(answer.contentType()).result(answer.body());
    }

    private static RenderedAnswers.Answer toAnswer(final long seq, final Rendered rendered) {
        return new RenderedAnswers.Answer(seq, rendered.status(), rendered.contentType(),
            rendered.body().getBytes(StandardCharsets.UTF_8));
    }
}
