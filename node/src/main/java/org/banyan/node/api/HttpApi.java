package org.banyan.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.Objects;
import org.banyan.ledger.Ledger;
import org.banyan.node.NodeMetrics;
import org.banyan.node.SubmissionPipeline;
import org.banyan.node.mempool.Mempool;
import org.banyan.protocol.ERRORCODE;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP server: the BIF 1.x node API (same paths, parameters, JSON shapes and error envelope, so that BIF
 * SDKs work unchanged), Banyan's {@code /getAccountProof}, and Prometheus {@code /metrics}.
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
     */
    public static HttpApi start(final String host, final int port, final Ledger ledger, final Mempool mempool,
                                final SubmissionPipeline pipeline, final NodeMetrics metrics) {
        Objects.requireNonNull(host, "host");
        final ObjectMapper mapper = new ObjectMapper();
        final Responses responses = new Responses(mapper);
        final QueryEndpoints queries = new QueryEndpoints(ledger, mempool, responses);
        final TransactionEndpoints transactions =
            new TransactionEndpoints(pipeline, ledger, new JsonRequests(mapper), responses);
        final Javalin server = Javalin.create(config -> configure(config, queries, transactions, metrics, responses));
        server.start(host, port);
        LOG.info("HTTP API listening on {}:{}", host, server.port());
        return new HttpApi(server);
    }

    private static void configure(final JavalinConfig config, final QueryEndpoints queries,
                                  final TransactionEndpoints transactions, final NodeMetrics metrics,
                                  final Responses responses) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = MAX_REQUEST_BODY_BYTES;
        final QueuedThreadPool threads =
            new QueuedThreadPool(MAX_REQUEST_THREADS, MIN_REQUEST_THREADS, THREAD_IDLE_TIMEOUT_MILLIS);
        threads.setName("http");
        config.jetty.threadPool = threads;

        config.routes.get("/getLedger", queries::getLedger);
        config.routes.get("/getAccountBase", queries::getAccountBase);
        config.routes.get("/getAccount", queries::getAccount);
        config.routes.get("/getTransactionHistory", queries::getTransactionHistory);
        config.routes.get("/getTransactionCache", queries::getTransactionCache);
        config.routes.get("/getTxCacheSize", queries::getTxCacheSize);
        config.routes.get("/getAccountProof", queries::getAccountProof);
        config.routes.post("/submitTransaction", transactions::submitTransaction);
        config.routes.post("/testTransaction", transactions::testTransaction);
        config.routes.get("/metrics", context -> context.contentType("text/plain; version=0.0.4; charset=utf-8")
            .result(metrics.scrape()));

        config.routes.exception(ApiException.class, (failure, context) ->
            responses.write(context, responses.failure(failure.code(), failure.getMessage())));
        config.routes.exception(Exception.class, (failure, context) -> {
            LOG.error("Request {} {} failed", context.method(), context.path(), failure);
            responses.write(context, responses.failure(ERRORCODE.ERRCODE_INTERNAL_ERROR, "internal error"));
        });
        config.routes.error(404, context -> responses.write(context, 404, responses.failure(
            ERRORCODE.ERRCODE_NOT_EXIST, "no endpoint " + context.method() + " " + context.path())));
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
