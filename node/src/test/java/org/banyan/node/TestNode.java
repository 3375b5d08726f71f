package org.banyan.node;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.banyan.crypto.Hex;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.FeeSchedule;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Validator;
import org.banyan.node.mempool.MempoolLimits;
import org.banyan.protocol.Account;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.banyan.store.KeyValueStore;
import org.banyan.store.MemoryStore;

/**
 * An in-process node over a {@link MemoryStore} on a random loopback port, with a few funded test accounts, plus an
 * HTTP client that talks to it the way BIF SDKs do (JSON bodies labelled as form data, upper-case hex).
 */
final class TestNode implements AutoCloseable {

    static final long CHAIN_ID = 7;
    static final PrivateKey GENESIS_KEY = TestTransactions.key(0);
    static final String GENESIS_ADDRESS = TestTransactions.address(GENESIS_KEY);
    static final long GENESIS_BALANCE = 1_000_000_000_000_000L;
    static final long FUNDED_BALANCE = 1_000_000_000_000L;
    /** Keys 1 to 4 own funded accounts. */
    static final int FUNDED_ACCOUNTS = 4;
    /** Close fast when busy, and never close empty ledgers during a test, so that heights only move with transactions. */
    static final LedgerTiming FAST = new LedgerTiming(50, 600_000);

    static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private static final ObjectMapper JSON = new ObjectMapper();

    final Node node;
    final KeyValueStore store;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private TestNode(final Node node, final KeyValueStore store) {
        this.node = node;
        this.store = store;
        this.base = "http://127.0.0.1:" + node.httpPort();
    }

    /** Wraps a node started elsewhere; the node owns and closes the store. */
    static TestNode over(final Node node, final KeyValueStore store) {
        return new TestNode(node, store);
    }

    static TestNode start() {
        return start(FAST, MempoolLimits.DEFAULTS);
    }

    static TestNode start(final LedgerTiming timing, final MempoolLimits limits) {
        return start(config -> config.withTiming(timing).withMempool(limits));
    }

    /** A node with the test defaults changed by {@code configure}. */
    static TestNode start(final UnaryOperator<NodeConfig> configure) {
        final NodeConfig config = configure.apply(NodeConfig.defaults(Path.of("unused"), Path.of("unused.json"))
            .withStorage(StorageKind.MEMORY).withHttpPort(0).withTiming(FAST).withMempool(MempoolLimits.DEFAULTS));
        final MemoryStore store = new MemoryStore();
        return new TestNode(Node.start(config, ChainGenesis.mainChain(genesis()), Clock.systemUTC(), store), store);
    }

    static Genesis genesis() {
        final List<GenesisAccount> accounts = new ArrayList<>();
        accounts.add(new GenesisAccount(GENESIS_ADDRESS, GENESIS_BALANCE));
        for (int index = 1; index <= FUNDED_ACCOUNTS; index++) {
            accounts.add(new GenesisAccount(TestTransactions.address(TestTransactions.key(index)), FUNDED_BALANCE));
        }
        return new Genesis(CHAIN_ID, true, 1_600_000_000_000_000L, GENESIS_ADDRESS, accounts,
            List.of(new Validator(GENESIS_KEY.publicKey().encoded(), 1)),
            new FeeSchedule(TestTransactions.GAS_PRICE, DevNode.BASE_RESERVE))
            .withRules(new org.banyan.chaingroup.ChainRole.Main(true).rules());
    }

    /** A GET whose answer must be HTTP 200 JSON. */
    JsonNode get(final String pathAndQuery) {
        final Reply reply = send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
        if (reply.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered HTTP " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    /** A POST with the SDK's content type whose answer must be HTTP 200 JSON. */
    JsonNode post(final String path, final String body) {
        final Reply reply = post(path, body, FORM_CONTENT_TYPE);
        if (reply.status() != 200) {
            throw new AssertionError("POST " + path + " answered HTTP " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    Reply post(final String path, final String body, final String contentType) {
        return post(path, HttpRequest.BodyPublishers.ofString(body), contentType);
    }

    Reply post(final String path, final HttpRequest.BodyPublisher body, final String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(body));
    }

    Reply send(final HttpRequest.Builder request) {
        try {
            final HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET with these request headers (name, value, name, value…), whatever its status. */
    Reply fetch(final String pathAndQuery, final String... headers) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        for (int index = 0; index < headers.length; index += 2) {
            request.header(headers[index], headers[index + 1]);
        }
        return send(request);
    }

    /** The node's base URL. */
    String url() {
        return base;
    }

    /** An HTTP answer. */
    record Reply(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (final IOException e) {
                throw new AssertionError("the answer is not JSON: " + body, e);
            }
        }
    }

    /** Signs with each key and submits as the official SDK does: upper-case hex, JSON labelled as form data. */
    JsonNode submit(final Transaction transaction, final PrivateKey... signers) {
        final byte[] blob = transaction.toByteArray();
        final Signature[] signatures = new Signature[signers.length];
        for (int index = 0; index < signers.length; index++) {
            signatures[index] = TestTransactions.sign(signers[index], blob);
        }
        return post("/submitTransaction", submitBody(blob, signatures));
    }

    /** The first result of a submission of {@code transaction} signed by its source key. */
    JsonNode submitOne(final Transaction transaction, final PrivateKey signer) {
        return submit(transaction, signer).get("results").get(0);
    }

    static String submitBody(final byte[] blob, final Signature... signatures) {
        final ObjectNode body = JSON.createObjectNode();
        final ObjectNode item = body.putArray("items").addObject();
        item.put("transaction_blob", Hex.encode(blob).toUpperCase(Locale.ROOT));
        for (final Signature signature : signatures) {
            item.withArray("signatures").addObject()
                .put("sign_data", Hex.encode(signature.getSignData().toByteArray()).toUpperCase(Locale.ROOT))
                .put("public_key", signature.getPublicKey());
        }
        return body.toString();
    }

    /** Submits a transaction that must be admitted, waits for its ledger and returns its history record. */
    JsonNode commit(final Transaction transaction, final PrivateKey... signers) {
        final JsonNode result = submit(transaction, signers).get("results").get(0);
        if (result.get("error_code").asInt() != 0) {
            throw new AssertionError("the transaction was refused: " + result);
        }
        return awaitCommitted(result.get("hash").asText());
    }

    /** Waits until the transaction is committed and out of the mempool; returns its history record. */
    JsonNode awaitCommitted(final String hashHex) {
        await().atMost(Duration.ofSeconds(30))
            .until(() -> get("/getTransactionHistory?hash=" + hashHex + "&domainid=0").get("error_code").asInt() == 0);
        // The mempool is pruned just after the ledger is written; wait for that too, so the node is settled.
        await().atMost(Duration.ofSeconds(30)).until(() -> node.mempool().get(hashHex).isEmpty());
        return get("/getTransactionHistory?hash=" + hashHex).get("result").get("transactions").get(0);
    }

    Account account(final PrivateKey key) {
        return node.ledger().account(TestTransactions.address(key)).orElseThrow();
    }

    long height() {
        return node.ledger().lastHeader().getSeq();
    }

    private URI uri(final String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    @Override
    public void close() {
        node.close();
    }
}
