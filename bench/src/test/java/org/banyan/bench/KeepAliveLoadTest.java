package org.banyan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load client against a real HTTP server on loopback: a pass sends each path once, a run counts statuses. */
class KeepAliveLoadTest {

    private final ConcurrentHashMap<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private HttpServer server;
    private URI uri;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            hits.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicInteger()).incrementAndGet();
            final byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aPassSendsEveryPathExactlyOnce() throws Exception {
        final List<String> paths = List.of("/a", "/b", "/c", "/d", "/e", "/f", "/g");
        final KeepAliveLoad.Result result = KeepAliveLoad.pass(uri, paths, "application/json", 200, 3);
        assertThat(result.requests()).isEqualTo(paths.size());
        assertThat(result.failures()).isZero();
        assertThat(hits.keySet()).containsExactlyInAnyOrderElementsOf(paths);
        assertThat(hits.values()).allMatch(count -> count.get() == 1);
    }

    @Test
    void aRunCountsExpectedAndOtherStatuses() throws Exception {
        final KeepAliveLoad.Result result = KeepAliveLoad.run(uri, List.of("/a", "/missing"), "*/*", 200, 2,
            Duration.ofMillis(500));
        assertThat(result.requests()).isPositive();
        assertThat(result.failures()).as("the 404s").isPositive();
        assertThat(result.seconds()).isBetween(0.4, 5.0);
        assertThat(result.perSecond()).isEqualTo(result.requests() / result.seconds());
    }
}
