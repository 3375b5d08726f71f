package org.banyan.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.banyan.crypto.Hex;
import org.banyan.protocol.chaingroup.CertifiedHeader;

/**
 * A client of a node's chain-group API: the certified headers it serves about its own chain, and, on a main-chain
 * node, the chain-group contract's governance writes in the BIF super-node style (the node builds the unsigned
 * transaction blob, the caller signs it, the node takes it back through {@code submitTransaction}) and its queries.
 */
public final class ChainGroupClient {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final BanyanClient client;

    private ChainGroupClient(final BanyanClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The chain-group API of the node {@code client} talks to. */
    public static ChainGroupClient of(final BanyanClient client) {
        return new ChainGroupClient(client);
    }

    /** The BIF API client underneath, for submitting and waiting. */
    public BanyanClient client() {
        return client;
    }

    /** The node's chain at {@code seq}: the block header, its commit certificate and the ledger it names. */
    public CertifiedHeader certifiedHeader(final long seq) {
        return header(client.http().get("chaingroup/header", Map.of("seq", Long.toString(seq))));
    }

    /** The node's latest certified height. */
    public CertifiedHeader latestCertifiedHeader() {
        return header(client.http().get("chaingroup/header", Map.of()));
    }

    /**
     * Asks the node to build a call of chain-group method {@code method} from {@code source}: returns the unsigned
     * blob to sign. {@code nonce} is the transaction's nonce; empty asks for the account's committed nonce plus one,
     * which is right only when the account has nothing pending.
     */
    public UnsignedTransaction prepare(final String method, final String source, final JsonNode params,
                                       final OptionalLong nonce) {
        ObjectNode body = NODES.objectNode().put("source_address", source);
        body.set("params", params);
        nonce.ifPresent(value -> body.put("nonce", value));
        JsonNode result = BanyanClient.result(client.http().post("chaingroup/" + method + "/blob", body));
        return NodeResponses.parse("chaingroup/" + method + "/blob",
            () -> UnsignedTransaction.fromBlob(Hex.decode(result.path("transaction_blob").asText())));
    }

    /** Builds, signs with {@code signer} and submits one call; returns the node's answer for it. */
    public SubmitResult call(final String method, final KeyFile signer, final JsonNode params, final OptionalLong nonce) {
        return client.submit(prepare(method, signer.address(), params, nonce).sign(signer.signingKey())).get(0);
    }

    /** Answers a chain-group query on the node's last committed ledger. */
    public JsonNode query(final String method, final JsonNode params) {
        ObjectNode body = NODES.objectNode().put("method", method);
        body.set("params", params);
        return BanyanClient.result(client.http().post("chaingroup/query", body)).path("answer");
    }

    /** The sub-chains registered on this main chain, as {@code GET /chaingroup/subchains} lists them. */
    public JsonNode subChains() {
        return BanyanClient.result(client.http().get("chaingroup/subchains", Map.of())).path("subchains");
    }

    /**
     * On a main-chain node: supervision order {@code n} of sub-chain {@code ac} with what proves it, as
     * {@code {"certified_header": base64, "proof": base64}}: a certified main-chain header and the proof of the
     * order's entry in the state that header commits to.
     */
    public JsonNode orderProof(final String ac, final long n) {
        return BanyanClient.result(client.http().get("chaingroup/orderproof", Map.of("ac", ac, "n", Long.toString(n))));
    }

    /**
     * On a main-chain node: transaction {@code hashHex} of sub-chain {@code ac} proven against the main chain; check it
     * with {@link ChainGroupProofVerifier#verifyTransaction}.
     */
    public JsonNode transactionProof(final String ac, final String hashHex) {
        return BanyanClient.result(client.http().get("chaingroup/proof", Map.of("ac", ac, "tx", hashHex)));
    }

    /**
     * On a main-chain node: account {@code address} of sub-chain {@code ac} proven against the main chain; check it
     * with {@link ChainGroupProofVerifier#verifyAccount}.
     */
    public JsonNode accountProof(final String ac, final String address) {
        return BanyanClient.result(client.http().get("chaingroup/proof", Map.of("ac", ac, "address", address)));
    }

    private static CertifiedHeader header(final JsonNode response) {
        JsonNode result = BanyanClient.result(response);
        return NodeResponses.parse("chaingroup/header", () -> {
            try {
                return CertifiedHeader.parseFrom(Base64.getDecoder().decode(result.path("certified_header").asText()));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalArgumentException("certified_header is not a CertifiedHeader: " + e.getMessage(), e);
            }
        });
    }
}
