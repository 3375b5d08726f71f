package org.banyan.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.banyan.chaingroup.ChainGroupContract;
import org.banyan.chaingroup.ChainGroupKeys;
import org.banyan.chaingroup.ChainRole;
import org.banyan.chaingroup.MainChainClientContract;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.ledger.FeeEstimate;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Outcome;
import org.banyan.lightclient.EntryProof;
import org.banyan.node.chaingroup.CertifiedHeaders;
import org.banyan.node.chaingroup.ChainGroupProofs;
import org.banyan.node.chaingroup.NextLedgerWait;
import org.banyan.node.chaingroup.SubChainProofSource;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.chaingroup.CertifiedHeader;

/**
 * The chain-group API. Every node serves its chain's certified headers and proofs of its own transactions and accounts
 * up to an anchored height (what a light client of this chain needs). A main-chain node also serves the sub-chain
 * registry, proofs of sub-chain facts against its anchors, and proofs of supervision orders; a sub-chain node answers
 * for its main-chain client contract. Governance writes follow BIF's super-node style: {@code POST
 * /chaingroup/{method}/blob} builds the unsigned call, the caller signs it and submits it with {@code
 * /submitTransaction}.
 */
public final class ChainGroupEndpoints {

    /** Largest request body: a call's parameters are at most a contract input (64 KiB) plus the envelope. */
    public static final int MAX_BODY_BYTES = 128 * 1024;

    /**
     * How long a proof request waits for the next certified ledger: an anchor or order read from the last ledger is
     * provable only once the following block has certified that ledger.
     */
    static final long CERTIFICATION_WAIT_MILLIS = 10_000;

    private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,40}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ledger ledger;
    private final ChainRole role;
    private final CertifiedHeaders headers;
    private final ChainGroupProofs proofs;
    private final SubChainProofSource subChains = new SubChainProofSource();
    private final NextLedgerWait nextLedger;
    private final JsonRequests requests;
    private final Responses responses;

    ChainGroupEndpoints(final Ledger ledger, final JsonRequests requests, final Responses responses) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.role = ChainRole.of(ledger.genesis());
        this.headers = new CertifiedHeaders(ledger);
        this.proofs = new ChainGroupProofs(ledger);
        this.nextLedger = new NextLedgerWait(() -> ledger.lastHeader().getSeq(), CERTIFICATION_WAIT_MILLIS);
        this.requests = Objects.requireNonNull(requests, "requests");
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    void addTo(final RoutesConfig routes) {
        routes.get("/chaingroup/header", this::header);
        routes.get("/chaingroup/txproof", this::transactionProof);
        routes.get("/chaingroup/accountproof", this::accountProof);
        routes.get("/chaingroup/subchains", this::subChains);
        routes.get("/chaingroup/subchains/{ac}", this::subChain);
        routes.get("/chaingroup/orderproof", this::orderProof);
        routes.get("/chaingroup/proof", this::proof);
        routes.post("/chaingroup/query", this::query);
        routes.post("/chaingroup/{method}/blob", this::blob);
    }

    /** {@code ?seq=H} (default: the latest): {@code {"seq", "certified_header": base64}}. */
    private void header(final Context context) {
        final Optional<Long> seq = QueryParameters.optionalCount(context, "seq");
        final CertifiedHeader certified = (seq.isPresent() ? headers.at(seq.get()) : headers.latest())
            .orElseThrow(() -> new ApiException(ERRORCODE.ERRCODE_NOT_EXIST, "no certified block at height "
                + seq.map(String::valueOf).orElse("latest") + "; the last ledger is " + ledger.lastHeader().getSeq()
                + whyUncertified(ledger.lastHeader().getSeq())));
        final ObjectNode result = responses.object().put("seq", certified.getHeader().getHeight())
            .put("certified_header", Base64.getEncoder().encodeToString(certified.toByteArray()));
        responses.write(context, responses.success(result));
    }

    /**
     * Why the last ledger has no certificate, if it has none: the genesis ledger never has one, on any node, so only
     * a later ledger without a block shows that this node runs no consensus.
     */
    private String whyUncertified(final long lastSeq) {
        if (lastSeq < 2) {
            return " (only the genesis ledger exists, and no block certifies it)";
        }
        return ledger.committedBlock(lastSeq).isEmpty() ? " (a solo node runs no consensus and keeps no certificates)"
            : "";
    }

    /** {@code ?hash=…&anchored=H}: a proof of one of this chain's transactions up to height H. */
    private void transactionProof(final Context context) {
        final Outcome<org.banyan.lightclient.TransactionProof> proof = proofs.transaction(
            QueryParameters.required(context, "hash"), anchored(context));
        writeProof(context, proof.isOk() ? Outcome.ok(proof.value().toBase64()) : Outcome.failed(proof.error()));
    }

    /** {@code ?address=…&anchored=H}: a proof of one of this chain's accounts in the state height H names. */
    private void accountProof(final Context context) {
        final var proof = proofs.account(QueryParameters.address(context, "address"), anchored(context));
        writeProof(context, proof.isOk() ? Outcome.ok(proof.value().toBase64()) : Outcome.failed(proof.error()));
    }

    private long anchored(final Context context) {
        final long anchored = QueryParameters.optionalCount(context, "anchored")
            .orElseThrow(() -> ApiException.invalidParameter("the query parameter 'anchored' is required"));
        if (anchored < 2) {
            throw ApiException.invalidParameter("'anchored' must be a certified height, 2 or more");
        }
        return anchored;
    }

    private void writeProof(final Context context, final Outcome<String> proof) {
        if (!proof.isOk()) {
            responses.write(context, responses.failure(proof.error().code(), proof.error().message()));
            return;
        }
        responses.write(context, responses.success(responses.object().put("proof", proof.value())));
    }

    /** The sub-chain registry with each sub-chain's latest anchor. */
    private void subChains(final Context context) {
        final JsonNode list = contractQuery(mainChainOnly(), "subChains", JSON.createObjectNode());
        final ObjectNode result = responses.object();
        result.set("subchains", list.isArray() ? list : list.path("subchains"));
        responses.write(context, responses.success(result));
    }

    private void subChain(final Context context) {
        responses.write(context, responses.success(contractQuery(mainChainOnly(), "subChain",
            JSON.createObjectNode().put("ac", context.pathParam("ac")))));
    }

    /**
     * {@code ?ac=…&n=…}: supervision order n of a sub-chain, with a certified main-chain header and the proof of the
     * order's entry in the state that header names, which the sub-chain's main-chain client checks.
     */
    private void orderProof(final Context context) {
        final String address = mainChainOnly();
        final String ac = QueryParameters.required(context, "ac");
        final long n = QueryParameters.optionalCount(context, "n")
            .orElseThrow(() -> ApiException.invalidParameter("the query parameter 'n' is required"));
        contractQuery(address, "order", JSON.createObjectNode().put("ac", ac).put("n", n));
        final Certified certified = certifiedAfter(ledger.lastHeader().getSeq());
        final EntryProof proof = orThrow(proofs.entry(address, ChainGroupKeys.order(ac, n), certified.ledgerSeq()));
        responses.write(context, responses.success(responses.object()
            .put("certified_header", certified.base64()).put("proof", proof.toBase64())));
    }

    /**
     * {@code ?ac=…&tx=…} or {@code ?ac=…&address=…}: a sub-chain fact proven against the main chain. The answer holds
     * the sub-chain's proof up to its latest anchor, that anchor, the proof of the anchor's entry in the main chain's
     * state, and the certified main-chain header of that state: everything the SDK needs to check it from the main
     * chain's validator set alone.
     */
    private void proof(final Context context) {
        final String address = mainChainOnly();
        final String ac = QueryParameters.required(context, "ac");
        final Optional<String> transaction = QueryParameters.optional(context, "tx");
        final Optional<String> account = QueryParameters.optional(context, "address");
        if (transaction.isPresent() == account.isPresent()) {
            throw ApiException.invalidParameter("give exactly one of 'tx' (a transaction hash) and 'address'");
        }
        final JsonNode subChain = contractQuery(address, "subChain", JSON.createObjectNode().put("ac", ac));
        final JsonNode anchor = contractQuery(address, "anchor", JSON.createObjectNode().put("ac", ac));
        final long anchoredHeight = anchor.path("height").asLong();
        final Certified certified = certifiedAfter(ledger.lastHeader().getSeq());
        final EntryProof anchorProof = orThrow(proofs.entry(address, ChainGroupKeys.anchor(ac, anchoredHeight),
            certified.ledgerSeq()));
        final String endpoint = subChain.path("endpoint").asText();
        final Outcome<String> subChainProof = transaction.isPresent()
            ? subChains.proof(endpoint, "txproof", Map.of("hash", transaction.get(), "anchored", Long.toString(anchoredHeight)))
            : subChains.proof(endpoint, "accountproof", Map.of("address", account.get(),
                "anchored", Long.toString(anchoredHeight)));
        final ObjectNode result = responses.object().put("ac", ac).put("anchored_height", anchoredHeight)
            .put("main_chain_height", certified.height()).put("chain_group_contract", address);
        result.set("anchor", anchor);
        result.put("anchor_proof", anchorProof.toBase64()).put("certified_header", certified.base64())
            .put(transaction.isPresent() ? "transaction_proof" : "account_proof", orThrow(subChainProof));
        responses.write(context, responses.success(result));
    }

    /** {@code {"method", "params"}}: a query of this chain's chain-group contract, answered as JSON. */
    private void query(final Context context) {
        final JsonNode body = requests.readObject(context, MAX_BODY_BYTES);
        final String method = method(body.path("method").asText(""));
        final JsonNode params = body.path("params").isObject() ? body.path("params") : JSON.createObjectNode();
        responses.write(context, responses.success(responses.object().set("answer",
            contractQuery(contractAddress(), method, params))));
    }

    /**
     * {@code {"source_address", "params", "nonce"?}}: the unsigned call of {@code method}, priced on the committed
     * state; a call the contract would refuse now is refused here with the contract's error.
     */
    private void blob(final Context context) {
        final String method = method(context.pathParam("method"));
        final JsonNode body = requests.readObject(context, MAX_BODY_BYTES);
        final JsonNode source = body.path("source_address");
        if (!source.isTextual()) {
            throw ApiException.invalidParameter("source_address must be the BID address of the calling account");
        }
        final ObjectNode call = JSON.createObjectNode().put("method", method);
        call.set("params", body.path("params").isObject() ? body.path("params") : JSON.createObjectNode());
        final long nonce = body.path("nonce").canConvertToLong() ? body.path("nonce").asLong()
            : ledger.account(source.textValue()).map(account -> account.getNonce() + 1)
                .orElseThrow(() -> new ApiException(ERRORCODE.ERRCODE_ACCOUNT_NOT_EXIST, "account "
                    + source.textValue() + " does not exist"));
        final Transaction unpriced = Transaction.newBuilder().setSourceAddress(source.textValue()).setNonce(nonce)
            .setChainId(ledger.chainId())
            .addOperations(Operation.newBuilder().setType(Operation.Type.PAY_COIN).setPayCoin(
                OperationPayCoin.newBuilder().setDestAddress(contractAddress()).setAmount(0).setInput(call.toString())))
            .build();
        final Outcome<FeeEstimate> fee = ledger.evaluateFee(unpriced, 1);
        if (!fee.isOk()) {
            responses.write(context, responses.failure(fee.error().code(), fee.error().message()));
            return;
        }
        final Transaction priced = unpriced.toBuilder().setGasPrice(fee.value().gasPrice())
            .setFeeLimit(fee.value().feeLimit()).build();
        final byte[] blob = priced.toByteArray();
        responses.write(context, responses.success(responses.object()
            .put("transaction_blob", Hex.encode(blob)).put("hash", Hex.encode(Hashes.sha256(blob)))
            .put("nonce", nonce).put("fee_limit", priced.getFeeLimit()).put("gas_price", priced.getGasPrice())));
    }

    private static String method(final String method) {
        if (!METHOD.matcher(method).matches()) {
            throw ApiException.invalidParameter("method must be a chain-group method name such as applySubChain");
        }
        return method;
    }

    private String contractAddress() {
        if (role instanceof ChainRole.Main) {
            return ChainGroupContract.ADDRESS;
        }
        if (role instanceof ChainRole.Sub) {
            return MainChainClientContract.ADDRESS;
        }
        throw new ApiException(ERRORCODE.ERRCODE_NOT_EXIST, "this chain is a sub-chain not registered in a chain group");
    }

    private String mainChainOnly() {
        if (!(role instanceof ChainRole.Main)) {
            throw new ApiException(ERRORCODE.ERRCODE_NOT_EXIST, "only a main-chain node keeps the sub-chain registry");
        }
        return ChainGroupContract.ADDRESS;
    }

    private JsonNode contractQuery(final String address, final String method, final JsonNode params) {
        final ObjectNode input = JSON.createObjectNode().put("method", method);
        input.set("params", params);
        final String answer = orThrow(ledger.query(address, input.toString()));
        try {
            return JSON.readTree(answer);
        } catch (final IOException e) {
            throw new IllegalStateException("the chain-group contract answered something that is not JSON", e);
        }
    }

    /** A certified header and the ledger it certifies. */
    private record Certified(long height, long ledgerSeq, String base64) {
    }

    /**
     * The first certified header whose previous ledger is at or after {@code seq}, waiting for the next block when
     * {@code seq} is the last ledger: a ledger's state is certified by the block after it.
     */
    private Certified certifiedAfter(final long seq) {
        switch (nextLedger.awaitAfter(seq)) {
            case TIMED_OUT -> throw new ApiException(ERRORCODE.ERRCODE_TX_TIMEOUT, "no block has certified ledger "
                + seq + " within " + CERTIFICATION_WAIT_MILLIS + " ms; ask again in a moment");
            case BUSY -> throw new ApiException(ERRORCODE.ERRCODE_TX_TIMEOUT, NextLedgerWait.MAX_WAITERS
                + " proof requests are already waiting for the next block; ask again in a second");
            case COMMITTED -> { }
            default -> throw new IllegalStateException("unknown wait result");
        }
        final CertifiedHeader certified = headers.at(seq + 1).orElseThrow(() -> new ApiException(
            ERRORCODE.ERRCODE_NOT_EXIST, "height " + (seq + 1) + " has no certificate on this node"));
        return new Certified(seq + 1, seq, Base64.getEncoder().encodeToString(certified.toByteArray()));
    }

    private static <T> T orThrow(final Outcome<T> outcome) {
        if (!outcome.isOk()) {
            throw new ApiException(outcome.error().code(), outcome.error().message());
        }
        return outcome.value();
    }
}
