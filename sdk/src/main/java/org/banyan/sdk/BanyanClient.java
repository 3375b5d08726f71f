package org.banyan.sdk;

import org.banyan.protocol.json.BifJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.crypto.Hex;
import org.banyan.protocol.Account;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.KeyPair;
import org.banyan.protocol.Transaction;

/**
 * A client of one node's BIF 1.x HTTP API. Thread-safe; reuse one instance, it keeps connections alive.
 *
 * <p>Errors: an error the node reports ({@code error_code} ≠ 0) throws {@link BanyanException} with the BIF code
 * (e.g. 4 when an account, ledger or transaction does not exist); an unreachable node, a timeout, an HTTP error or a
 * response that is not BIF JSON throws {@link NodeConnectionException}.
 */
public final class BanyanClient {

    /** How long to wait for a TCP connection to the node. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** How long to wait for one answer; a full ledger's history is the slowest legitimate one. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Most transactions in one submit request: the node's per-request cap, checked here for a clear early error. */
    public static final int MAX_SUBMIT_ITEMS = 10_000;

    /** Longest {@link #waitForCommit} wait: a transaction not committed within the pool's 10-minute expiry never will be. */
    public static final Duration MAX_COMMIT_WAIT = Duration.ofMinutes(10);

    /** First pause between two polls of {@link #waitForCommit}; ledgers close about every second. */
    static final Duration FIRST_POLL_INTERVAL = Duration.ofMillis(50);

    /** Longest pause between two polls of {@link #waitForCommit}, so a commit is seen within a second of happening. */
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(1);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final NodeHttp http;

    private BanyanClient(final NodeHttp http) {
        this.http = http;
    }

    /** A client of the node at {@code nodeUrl} (e.g. {@code http://127.0.0.1:19333}) with default timeouts. */
    public static BanyanClient connect(final String nodeUrl) {
        return connect(nodeUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * A client of the node at {@code nodeUrl} with explicit timeouts.
     *
     * @throws IllegalArgumentException when the URL is not an http(s) URL with a host
     */
    public static BanyanClient connect(final String nodeUrl, final Duration connectTimeout, final Duration requestTimeout) {
        return new BanyanClient(new NodeHttp(nodeUri(nodeUrl), positive(connectTimeout, "connect timeout"),
                positive(requestTimeout, "request timeout")));
    }

    /** The node's base URI. */
    public URI nodeUri() {
        return http.nodeUri();
    }

    /** Submits transactions in one request; the node answers for each, in order. */
    public List<SubmitResult> submit(final SignedTransaction... transactions) {
        return submit(Arrays.asList(transactions));
    }

    /**
     * Submits transactions in one request; the node answers for each, in order. An accepted transaction is only
     * queued: use {@link #waitForCommit} to see it committed.
     *
     * @throws IllegalArgumentException when there are no transactions or more than {@link #MAX_SUBMIT_ITEMS}
     */
    public List<SubmitResult> submit(final List<SignedTransaction> transactions) {
        if (transactions.isEmpty() || transactions.size() > MAX_SUBMIT_ITEMS) {
            throw new IllegalArgumentException("submit takes 1 to " + MAX_SUBMIT_ITEMS + " transactions, got "
                    + transactions.size());
        }
        ObjectNode body = NODES.objectNode();
        ArrayNode items = body.putArray("items");
        for (SignedTransaction transaction : transactions) {
            ObjectNode item = items.addObject();
            item.put("transaction_blob", Hex.encode(transaction.blob().toByteArray()));
            ArrayNode signatures = item.putArray("signatures");
            transaction.signatures().forEach(signature -> signatures.add(BifJson.render(signature)));
        }
        JsonNode response = http.post("submitTransaction", body);
        List<SubmitResult> results = NodeResponses.submitResults(response);
        if (results.size() != transactions.size()) {
            throw new NodeConnectionException("node answered " + results.size() + " results for "
                    + transactions.size() + " submitted transactions");
        }
        return results;
    }

    /**
     * Polls the node until the transaction is committed, with backoff from {@link #FIRST_POLL_INTERVAL} to
     * {@link #MAX_POLL_INTERVAL}. Returns the committed record (check {@link TransactionRecord#isSuccess()}), or
     * empty when the timeout passes (or the thread is interrupted) first.
     *
     * @throws IllegalArgumentException when the timeout is negative or longer than {@link #MAX_COMMIT_WAIT}
     */
    public Optional<TransactionRecord> waitForCommit(final String hash, final Duration timeout) {
        if (timeout.isNegative() || timeout.compareTo(MAX_COMMIT_WAIT) > 0) {
            throw new IllegalArgumentException("commit wait must be between 0 and " + MAX_COMMIT_WAIT + ", got " + timeout);
        }
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_POLL_INTERVAL;
        while (true) {
            try {
                return Optional.of(getTransaction(hash));
            } catch (BanyanException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
            long remainingNanos = deadlineNanos - System.nanoTime();
            if (remainingNanos <= 0) {
                return Optional.empty();
            }
            try {
                Thread.sleep(Math.min(pause.toMillis(), Math.max(1, remainingNanos / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = pause.multipliedBy(2).compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL : pause.multipliedBy(2);
        }
    }

    /** The account's state without metadata ({@code getAccountBase}); error 4 when it does not exist. */
    public Account getAccountBase(final String address) {
        JsonNode response = http.get("getAccountBase", Map.of("address", address));
        return NodeResponses.parse("getAccountBase",
                () -> BifJson.parse(result(response), Account.getDefaultInstance(), "Account", BifJson.Reading.RESPONSE));
    }

    /** The account with all its metadata ({@code getAccount}); error 4 when it does not exist. */
    public AccountInfo getAccount(final String address) {
        JsonNode response = http.get("getAccount", Map.of("address", address));
        return NodeResponses.parse("getAccount", () -> NodeResponses.accountInfo(result(response)));
    }

    /** One metadata entry of the account, or empty when the account has no such key. */
    public Optional<KeyPair> getMetadata(final String address, final String key) {
        JsonNode response = http.get("getAccount", Map.of("address", address, "key", key));
        AccountInfo info = NodeResponses.parse("getAccount", () -> NodeResponses.accountInfo(result(response)));
        return info.metadatas().stream().filter(entry -> entry.getKey().equals(key)).findFirst();
    }

    /** The account's committed nonce; the next transaction uses this plus one. */
    public long getNonce(final String address) {
        return getAccountBase(address).getNonce();
    }

    /** The account's balance in glowstone. */
    public long getBalance(final String address) {
        return getAccountBase(address).getBalance();
    }

    /** The ledger with this sequence number, with its validators and leader; error 4 when it does not exist. */
    public LedgerInfo getLedger(final long seq) {
        return ledger(Map.of("seq", Long.toString(seq), "with_validator", "true", "with_leader", "true"));
    }

    /** The last closed ledger, with its validators and leader. */
    public LedgerInfo getLatestLedger() {
        return ledger(Map.of("with_validator", "true", "with_leader", "true"));
    }

    /** A committed transaction by hash (hex); error 4 when the node has not committed it. */
    public TransactionRecord getTransaction(final String hash) {
        List<TransactionRecord> records = historyPage(Map.of("hash", hash)).records();
        if (records.isEmpty()) {
            throw new BanyanException(ERRORCODE.ERRCODE_NOT_EXIST_VALUE, "transaction " + hash + " does not exist");
        }
        return records.get(0);
    }

    /**
     * Every transaction committed in the ledger, in ledger order; empty for an empty or unknown ledger. Nodes answer
     * in pages (BIF's default is 1,000 transactions), so a full ledger takes several requests.
     */
    public List<TransactionRecord> getTransactions(final long ledgerSeq) {
        List<TransactionRecord> all = new ArrayList<>();
        while (true) {
            HistoryPage page;
            try {
                page = historyPage(Map.of("ledger_seq", Long.toString(ledgerSeq), "start", Integer.toString(all.size())));
            } catch (BanyanException e) {
                if (e.isNotFound()) {
                    return all;
                }
                throw e;
            }
            all.addAll(page.records());
            if (page.records().isEmpty() || all.size() >= page.totalCount()) {
                return all;
            }
        }
    }

    /**
     * Asks the node what the transaction would cost ({@code testTransaction}): it is executed on a scratch copy of
     * the state, not submitted, and needs no signatures.
     */
    public FeeEvaluation evaluateFee(final Transaction transaction, final int signatureCount) {
        if (signatureCount < 1 || signatureCount > SignedTransaction.MAX_SIGNATURES) {
            throw new IllegalArgumentException("signature count must be 1 to " + SignedTransaction.MAX_SIGNATURES
                    + ", got " + signatureCount);
        }
        ObjectNode body = NODES.objectNode();
        ObjectNode item = body.putArray("items").addObject();
        item.set("transaction_json", BifJson.render(transaction));
        item.put("signature_number", signatureCount);
        JsonNode response = http.post("testTransaction", body);
        return NodeResponses.parse("testTransaction", () -> NodeResponses.feeEvaluation(result(response)));
    }

    /**
     * Runs a read-only query of the contract at {@code contractAddress} ({@code POST /callContract} with opt_type 2)
     * against the last committed ledger and returns its answer, {@code result.query_rets[0].result.value}. For the
     * DDO contract, {@code {"method":"queryBid","params":{"id":BID}}} answers the BID's document. A refusal throws
     * {@link BanyanException} with the node's code: 151 when the contract refused, with its own result as
     * {@code {"errorCode":…,"message":…}} in the description.
     */
    public String callContract(final String contractAddress, final String input) {
        ObjectNode body = NODES.objectNode();
        body.put("opt_type", 2);
        body.put("contract_address", contractAddress);
        body.put("input", input);
        JsonNode response = http.post("callContract", body);
        return NodeResponses.parse("callContract", () -> NodeResponses.contractAnswer(result(response)));
    }

    /** How many transactions wait in the node's pool. */
    public long getTxCacheSize() {
        JsonNode response = http.get("getTxCacheSize", Map.of());
        return NodeResponses.parse("getTxCacheSize", () -> NodeResponses.requiredLong(response, "queue_size"));
    }

    /** Proof of the account's presence or absence in the latest ledger; check it with {@link AccountProofVerifier}. */
    public AccountProofResponse getAccountProof(final String address) {
        return accountProof(Map.of("address", address));
    }

    /** Proof of the account's presence or absence in ledger {@code seq}; check it with {@link AccountProofVerifier}. */
    public AccountProofResponse getAccountProof(final String address, final long seq) {
        return accountProof(Map.of("address", address, "seq", Long.toString(seq)));
    }

    private AccountProofResponse accountProof(final Map<String, String> params) {
        JsonNode response = http.get("getAccountProof", params);
        return NodeResponses.parse("getAccountProof", () -> NodeResponses.accountProof(result(response)));
    }

    private LedgerInfo ledger(final Map<String, String> params) {
        JsonNode response = http.get("getLedger", params);
        return NodeResponses.parse("getLedger", () -> NodeResponses.ledgerInfo(result(response)));
    }

    private HistoryPage historyPage(final Map<String, String> params) {
        JsonNode response = http.get("getTransactionHistory", params);
        return NodeResponses.parse("getTransactionHistory", () -> NodeResponses.historyPage(result(response)));
    }

    /** The node's HTTP transport, shared with {@link ChainGroupClient}. */
    NodeHttp http() {
        return http;
    }

    static JsonNode result(final JsonNode response) {
        JsonNode result = response.get("result");
        if (result == null || !result.isObject()) {
            throw new IllegalArgumentException("the response has no \"result\" object");
        }
        return result;
    }

    private static URI nodeUri(final String nodeUrl) {
        URI uri;
        try {
            uri = new URI(nodeUrl.endsWith("/") ? nodeUrl : nodeUrl + "/");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("node URL is not a valid URL: " + nodeUrl, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("node URL must look like http://host:port, got " + nodeUrl);
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("node URL must not have a query or fragment, got " + nodeUrl);
        }
        return uri;
    }

    private static Duration positive(final Duration duration, final String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
        return duration;
    }
}
