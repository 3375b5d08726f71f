package org.banyan.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.banyan.credentials.CredentialsApi;
import org.banyan.ledger.Ledger;
import org.banyan.node.NodeMetrics;
import org.banyan.node.SubmissionPipeline;
import org.banyan.node.identity.RecursiveDirectory;
import org.banyan.node.identity.RenderedAnswers;
import org.banyan.node.mempool.Mempool;
import org.banyan.protocol.ERRORCODE;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP server: the BIF 1.x node API (same paths, parameters, JSON shapes and error envelope, so that BIF
 * SDKs work unchanged) with its read-only {@code /callContract}, Banyan's {@code /getAccountProof}, Prometheus
 * {@code /metrics}, the BID resolver in its BIF and W3C views ({@link ResolverEndpoints}), and the VC-API
 * ({@link CredentialEndpoints}). The same server, with the resolver views only, is the standalone resolver.
 *
 * <p>Errors follow BIF: an application error is HTTP 200 with {@code error_code} and {@code error_desc}, because BIF
 * SDKs report any other status as a network failure. A bug is logged with its stack trace and answered with
 * {@code error_code} 1 "internal error", never with the trace. An unknown path is HTTP 404 with a JSON body.
 */
public final class HttpApi implements AutoCloseable {

    /**
     * Largest request body. A submit request of {@code MAX_ITEMS_PER_REQUEST} payments is about 7 MB of hex JSON and
     * one maximum-size (1 MB) transaction about 2 MB, so 32 MB fits either with room to spare while bounding what one
     * request can make the node buffer.
     */
    public static final int MAX_REQUEST_BODY_BYTES = 32 * 1024 * 1024;

    /** Transactions one history or cache query returns (BIF's default page); {@code start} pages through the rest. */
    public static final int MAX_TRANSACTIONS_PER_QUERY = 1_000;

    /**
     * Request threads. Each may buffer one request body (at most {@link #MAX_REQUEST_BODY_BYTES}), so the count
     * bounds the memory requests can hold; signature checks run on their own pool.
     */
    public static final int MAX_REQUEST_THREADS = 32;

    /** Threads kept while idle, so that a burst does not start with thread creation. */
    private static final int MIN_REQUEST_THREADS = 4;

    /** Idle request threads above the minimum stop after this long. */
    private static final int THREAD_IDLE_TIMEOUT_MILLIS = 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final Javalin server;

    private HttpApi(final Javalin server) {
        this.server = server;
    }

    /**
     * Starts serving on {@code host}:{@code port}; port 0 picks a free port (see {@link #port()}).
     *
     * @param directory where the resolver views find BID records, this chain's and its sub-chains'
     * @param credentials the VC-API, answered at {@code clock}'s time
     */
    public static HttpApi start(final String host, final int port, final Ledger ledger, final Mempool mempool,
                                final SubmissionPipeline pipeline, final NodeMetrics metrics,
                                final RecursiveDirectory directory, final CredentialsApi credentials, final Clock clock) {
        Objects.requireNonNull(host, "host");
        final ObjectMapper mapper = new ObjectMapper();
        final Responses responses = new Responses(mapper);
        final JsonRequests requests = new JsonRequests(mapper);
        final QueryEndpoints queries = new QueryEndpoints(ledger, mempool, responses);
        final TransactionEndpoints transactions = new TransactionEndpoints(pipeline, ledger, requests, responses);
        final CallContractEndpoint contracts = new CallContractEndpoint(ledger, requests, responses);
        final ChainGroupEndpoints chainGroup = new ChainGroupEndpoints(ledger, requests, responses);
        final CredentialEndpoints credentialEndpoints = new CredentialEndpoints(credentials, clock);
        final AnswerCache answers = new AnswerCache(new RenderedAnswers(), () -> ledger.lastHeader().getSeq());
        final ResolverEndpoints resolver = new ResolverEndpoints(directory, Optional.of(answers), responses);
        return new HttpApi(serve(host, port, responses, Optional.of(new RenderedAnswersHandler(answers)), routes -> {
            routes.get("/getLedger", queries::getLedger);
            routes.get("/getAccountBase", queries::getAccountBase);
            routes.get("/getAccount", queries::getAccount);
            routes.get("/getTransactionHistory", queries::getTransactionHistory);
            routes.get("/getTransactionCache", queries::getTransactionCache);
            routes.get("/getTxCacheSize", queries::getTxCacheSize);
            routes.get("/getAccountProof", queries::getAccountProof);
            routes.post("/submitTransaction", transactions::submitTransaction);
            routes.post("/testTransaction", transactions::testTransaction);
            routes.post("/callContract", contracts::callContract);
            routes.get("/metrics", context -> context.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
            credentialEndpoints.addTo(routes);
            chainGroup.addTo(routes);
            // Last: the BIF resolver paths take any one-segment path that no endpoint above has.
            resolver.addTo(routes);
        }));
    }

    /**
     * Starts the standalone resolver on {@code host}:{@code port}: the BIF and W3C resolver views only, over
     * {@code directory} (which reads another node), so that it can front any node as a Universal Resolver driver.
     */
    public static HttpApi startResolver(final String host, final int port, final RecursiveDirectory directory) {
        Objects.requireNonNull(host, "host");
        final Responses responses = new Responses(new ObjectMapper());
        final ResolverEndpoints resolver = new ResolverEndpoints(directory, Optional.empty(), responses);
        return new HttpApi(serve(host, port, responses, Optional.empty(), resolver::addTo));
    }

    /**
     * A started server with the node's limits, threads and error handling, the routes {@code routes} adds, and
     * {@code inFront} (if any) handling requests before the router does.
     */
    private static Javalin serve(final String host, final int port, final Responses responses,
                                 final Optional<Handler.Wrapper> inFront, final Consumer<RoutesConfig> routes) {
        final Javalin server = Javalin.create(config -> {
            configure(config, responses);
            // Javalin attaches its servlet inside a wrapper found on the server.
            inFront.ifPresent(wrapper -> config.jetty.modifyServer(jetty -> jetty.setHandler(wrapper)));
            routes.accept(config.routes);
        });
        server.start(host, port);
        LOG.info("HTTP API listening on {}:{}", host, server.port());
        return server;
    }

    private static void configure(final JavalinConfig config, final Responses responses) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = MAX_REQUEST_BODY_BYTES;
        final QueuedThreadPool threads =
            new QueuedThreadPool(MAX_REQUEST_THREADS, MIN_REQUEST_THREADS, THREAD_IDLE_TIMEOUT_MILLIS);
        threads.setName("http");
        config.jetty.threadPool = threads;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.routes.exception(ApiException.class, (failure, context) ->
            responses.write(context, responses.failure(failure.code(), failure.getMessage())));
        config.routes.exception(Exception.class, (failure, context) -> {
            LOG.error("Request {} {} failed", context.method(), context.path(), failure);
            responses.write(context, responses.failure(ERRORCODE.ERRCODE_INTERNAL_ERROR, "internal error"));
        });
        // Only for paths no endpoint took: a resolver's own 404 (an unknown DID) keeps its body.
        config.routes.error(404, context -> {
            if (context.resultInputStream() == null) {
                responses.write(context, 404, responses.failure(ERRORCODE.ERRCODE_NOT_EXIST,
                    "no endpoint " + context.method() + " " + context.path()));
            }
        });
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** Stops accepting connections and stops the server. */
    @Override
    public void close() {
        server.stop();
    }
}
