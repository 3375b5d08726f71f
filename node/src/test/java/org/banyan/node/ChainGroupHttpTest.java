package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.banyan.chaingroup.ChainGroupContract;
import org.banyan.consensus.BlockId;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.LedgerHashes;
import org.banyan.lightclient.Checked;
import org.banyan.lightclient.Limits;
import org.banyan.lightclient.ProvenTransaction;
import org.banyan.lightclient.TransactionProof;
import org.banyan.node.api.ChainGroupEndpoints;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.Operation;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.chaingroup.CertifiedHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits and bad input of the chain-group HTTP API, against in-JVM nodes: a solo main-chain node (open, no
 * certificates), a one-validator consensus main chain (certified headers and transaction proofs), and a dev sub-chain
 * node (no registry). Every refusal must carry a BIF error code and a message saying why, and change nothing.
 */
class ChainGroupHttpTest {

    private static final Duration COMMIT_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENTS_HASH = Hex.encode(Hashes.sha256(new byte[] {4}));
    private static final PrivateKey CALLER = TestTransactions.key(1);

    @TempDir
    static Path directory;

    private static TestNode solo;
    private static TestNetwork network;
    private static TestNode consensus;
    private static DevNode subChain;
    private static String paymentHash;
    private static long paymentHeight;

    @BeforeAll
    static void startNodes() {
        solo = TestNode.start();
        network = new TestNetwork(directory.resolve("network"), 1, 1);
        consensus = network.start(0);
        // The payment goes after height 2, so that a certified height below it exists.
        await().atMost(COMMIT_WAIT).until(() -> consensus.height() >= 2);
        subChain = DevNode.start(directory.resolve("sub"), 0, Clock.systemUTC(), TestNode.FAST, Optional.of("abcd"));
        final JsonNode result = consensus.submitOne(TestTransactions.payment(CALLER, consensus.account(CALLER).getNonce() + 1,
            TestNode.GENESIS_ADDRESS, 1).build(), CALLER);
        assertThat(result.get("error_code").asInt()).as(result.toString()).isZero();
        paymentHash = result.get("hash").asText();
        paymentHeight = consensus.awaitCommitted(paymentHash).get("ledger_seq").asLong();
        // A ledger is certified by the next block's certificate, so wait for a few blocks after the payment.
        await().atMost(COMMIT_WAIT).until(() -> consensus.height() >= paymentHeight + 2);
    }

    @AfterAll
    static void stopNodes() {
        solo.close();
        network.close();
        subChain.close();
    }

    // GET /chaingroup/header

    @Test
    void aSoloNodeHasNoCertifiedHeaderAndSaysWhy() {
        solo.awaitCommitted(solo.submitOne(TestTransactions.payment(TestTransactions.key(2),
            solo.account(TestTransactions.key(2)).getNonce() + 1, TestNode.GENESIS_ADDRESS, 1).build(),
            TestTransactions.key(2)).get("hash").asText());

        final JsonNode latest = solo.get("/chaingroup/header");
        assertRefused(latest, ERRORCODE.ERRCODE_NOT_EXIST, "a solo node runs no consensus and keeps no certificates");
        assertThat(latest.get("error_desc").asText()).contains("latest", "the last ledger is " + solo.height());
        assertRefused(solo.get("/chaingroup/header?seq=" + solo.height()), ERRORCODE.ERRCODE_NOT_EXIST,
            "no certified block at height " + solo.height(), "a solo node");
    }

    @Test
    void aNodeWithOnlyItsGenesisLedgerSaysNoBlockCertifiesItRatherThanBlamingSoloMode() {
        try (TestNode fresh = TestNode.start()) {
            final JsonNode latest = fresh.get("/chaingroup/header");
            assertRefused(latest, ERRORCODE.ERRCODE_NOT_EXIST, "the last ledger is 1",
                "only the genesis ledger exists, and no block certifies it");
            assertThat(latest.get("error_desc").asText()).doesNotContain("solo");
        }
    }

    @Test
    void theLatestCertifiedHeaderIsACheckableCertifiedBlock() throws Exception {
        final JsonNode result = success(consensus.get("/chaingroup/header"));
        final long seq = result.get("seq").asLong();
        assertThat(seq).isGreaterThanOrEqualTo(paymentHeight + 1).isLessThanOrEqualTo(consensus.height());
        assertCertifiedHeaderOf(seq, CertifiedHeader.parseFrom(Base64.getDecoder().decode(
            result.get("certified_header").asText())));
    }

    @Test
    void aCertifiedHeaderAtAGivenSeqCertifiesTheLedgerBeforeIt() throws Exception {
        final JsonNode result = success(consensus.get("/chaingroup/header?seq=" + paymentHeight));
        assertThat(result.get("seq").asLong()).isEqualTo(paymentHeight);
        assertCertifiedHeaderOf(paymentHeight, CertifiedHeader.parseFrom(Base64.getDecoder().decode(
            result.get("certified_header").asText())));
    }

    @Test
    void aHeaderBeyondTheLastLedgerOrAtGenesisIsRefusedWithoutBlamingSoloMode() {
        final long beyond = consensus.height() + 1_000;
        final JsonNode future = consensus.get("/chaingroup/header?seq=" + beyond);
        assertRefused(future, ERRORCODE.ERRCODE_NOT_EXIST, "no certified block at height " + beyond,
            "the last ledger is ");
        assertThat(future.get("error_desc").asText()).doesNotContain("solo");
        assertRefused(consensus.get("/chaingroup/header?seq=1"), ERRORCODE.ERRCODE_NOT_EXIST,
            "no certified block at height 1");
        assertRefused(consensus.get("/chaingroup/header?seq=-3"), ERRORCODE.ERRCODE_INVALID_PARAMETER,
            "'seq' must not be negative");
        assertRefused(consensus.get("/chaingroup/header?seq=tip"), ERRORCODE.ERRCODE_INVALID_PARAMETER,
            "'seq' must be an integer");
    }

    // POST /chaingroup/{method}/blob

    @Test
    void aBlobForAMalformedMethodNameIsRefused() {
        assertRefused(solo.post("/chaingroup/request2Certification/blob", callBody(certificationParams("person"))),
            ERRORCODE.ERRCODE_INVALID_PARAMETER, "method must be a chain-group method name");
        assertRefused(solo.post("/chaingroup/" + "a".repeat(41) + "/blob", callBody(certificationParams("person"))),
            ERRORCODE.ERRCODE_INVALID_PARAMETER, "method must be a chain-group method name");
    }

    @Test
    void aBlobForAMethodTheContractDoesNotHaveIsRefusedWithTheContractsError() {
        assertRefused(solo.post("/chaingroup/becomeRich/blob", callBody(JSON.createObjectNode())),
            ERRORCODE.ERRCODE_INVALID_PARAMETER, "the chain-group contract has no method 'becomeRich'");
    }

    @Test
    void aBlobWithoutASourceAddressIsRefused() {
        final ObjectNode body = JSON.createObjectNode();
        body.set("params", certificationParams("person"));
        assertRefused(solo.post("/chaingroup/requestCertification/blob", body.toString()),
            ERRORCODE.ERRCODE_INVALID_PARAMETER, "source_address must be the BID address");
        body.put("source_address", 17);
        assertRefused(solo.post("/chaingroup/requestCertification/blob", body.toString()),
            ERRORCODE.ERRCODE_INVALID_PARAMETER, "source_address must be the BID address");
    }

    @Test
    void aBlobFromAnUnknownAccountIsRefused() {
        final String stranger = TestTransactions.address(TestTransactions.key(77));
        final ObjectNode body = JSON.createObjectNode().put("source_address", stranger);
        body.set("params", certificationParams("person"));
        assertRefused(solo.post("/chaingroup/requestCertification/blob", body.toString()),
            ERRORCODE.ERRCODE_ACCOUNT_NOT_EXIST, "account " + stranger + " does not exist");
    }

    @Test
    void aBlobWithParamsTheContractRefusesReturnsTheContractsErrorAndWritesNothing() {
        final long height = solo.height();
        final long nonce = solo.account(CALLER).getNonce();
        final int pending = solo.node.mempool().size();

        assertRefused(solo.post("/chaingroup/requestCertification/blob", callBody(certificationParams("robot"))),
            ERRORCODE.ERRCODE_INVALID_PARAMETER, "requestCertification needs 'kind' to be one of person, company",
            "'robot'");
        final ObjectNode extra = certificationParams("person").put("favourite_colour", "green");
        final JsonNode refused = solo.post("/chaingroup/requestCertification/blob", callBody(extra));
        assertThat(refused.get("error_code").asInt()).as(refused.toString()).isNotZero();
        assertThat(refused.get("error_desc").asText()).contains("favourite_colour");

        assertThat(solo.height()).isEqualTo(height);
        assertThat(solo.account(CALLER).getNonce()).isEqualTo(nonce);
        assertThat(solo.node.mempool().size()).isEqualTo(pending);
        assertRefused(solo.post("/chaingroup/query", query("certification",
            JSON.createObjectNode().put("account", TestTransactions.address(CALLER)))), ERRORCODE.ERRCODE_NOT_EXIST,
            "has never been certified");
    }

    @Test
    void aGoodBlobIsAnUnsignedZeroPaymentToTheContractWithTheCallAsInput() throws Exception {
        final PrivateKey caller = TestTransactions.key(3);
        final long nonce = solo.account(caller).getNonce() + 1;
        final ObjectNode params = certificationParams("company");
        final ObjectNode body = JSON.createObjectNode().put("source_address", TestTransactions.address(caller));
        body.set("params", params);
        final JsonNode result = success(solo.post("/chaingroup/requestCertification/blob", body.toString()));

        final byte[] blob = Hex.decode(result.get("transaction_blob").asText());
        assertThat(result.get("hash").asText()).isEqualTo(Hex.encode(Hashes.sha256(blob)));
        final Transaction transaction = Transaction.parseFrom(blob);
        assertThat(transaction.getSourceAddress()).isEqualTo(TestTransactions.address(caller));
        assertThat(transaction.getNonce()).isEqualTo(nonce).isEqualTo(result.get("nonce").asLong());
        assertThat(transaction.getChainId()).isEqualTo(TestNode.CHAIN_ID);
        assertThat(transaction.getFeeLimit()).isPositive().isEqualTo(result.get("fee_limit").asLong());
        assertThat(transaction.getGasPrice()).isPositive().isEqualTo(result.get("gas_price").asLong());
        assertThat(transaction.getOperationsList()).hasSize(1);
        final Operation operation = transaction.getOperations(0);
        assertThat(operation.getType()).isEqualTo(Operation.Type.PAY_COIN);
        assertThat(operation.getPayCoin().getDestAddress()).isEqualTo(ChainGroupContract.ADDRESS);
        assertThat(operation.getPayCoin().getAmount()).isZero();
        final JsonNode input = JSON.readTree(operation.getPayCoin().getInput());
        assertThat(input.get("method").asText()).isEqualTo("requestCertification");
        assertThat(input.get("params")).isEqualTo(params);
        assertThat(solo.account(caller).getNonce()).as("building a blob writes nothing").isEqualTo(nonce - 1);

        // Signed and submitted as BIF's super-node style prescribes, the blob does what it says.
        assertThat(solo.commit(transaction, caller).get("error_code").asInt()).isZero();
        final JsonNode certification = success(solo.post("/chaingroup/query", query("certification",
            JSON.createObjectNode().put("account", TestTransactions.address(caller))))).get("answer");
        assertThat(certification.toString()).contains("UNCERT", "company");
    }

    // POST /chaingroup/query

    @Test
    void aQueryBodyAtTheCapIsReadAndOneByteMoreIsRefused() {
        final String call = query("subChains", JSON.createObjectNode());
        final String atCap = call + " ".repeat(ChainGroupEndpoints.MAX_BODY_BYTES - call.length());
        assertThat(atCap).hasSize(ChainGroupEndpoints.MAX_BODY_BYTES);
        assertThat(success(solo.post("/chaingroup/query", atCap)).get("answer").toString()).contains("[]");

        assertRefused(solo.post("/chaingroup/query", atCap + " "), ERRORCODE.ERRCODE_INVALID_PARAMETER,
            "at most " + ChainGroupEndpoints.MAX_BODY_BYTES + " bytes are accepted");
        assertRefused(solo.post("/chaingroup/requestCertification/blob", atCap + " "),
            ERRORCODE.ERRCODE_INVALID_PARAMETER, "at most " + ChainGroupEndpoints.MAX_BODY_BYTES + " bytes");
    }

    @Test
    void aMalformedQueryIsRefused() {
        assertRefused(solo.post("/chaingroup/query", "[1, 2]"), ERRORCODE.ERRCODE_INVALID_PARAMETER,
            "must be a JSON object");
        assertRefused(solo.post("/chaingroup/query", "{\"method\": "), ERRORCODE.ERRCODE_INVALID_PARAMETER,
            "json format");
        assertRefused(solo.post("/chaingroup/query", "{}"), ERRORCODE.ERRCODE_INVALID_PARAMETER, "method must be");
        assertRefused(solo.post("/chaingroup/query", query("everything", JSON.createObjectNode())),
            ERRORCODE.ERRCODE_INVALID_PARAMETER, "answers no query 'everything'");
    }

    // Main-chain-only routes and /chaingroup/proof

    @Test
    void aSubChainNodeKeepsNoRegistry() throws Exception {
        for (final String path : new String[] {"/chaingroup/subchains", "/chaingroup/subchains/abcd",
            "/chaingroup/proof?ac=abcd&tx=" + paymentHash, "/chaingroup/orderproof?ac=abcd&n=1"}) {
            assertRefused(get(subChain.info().httpUrl() + path), ERRORCODE.ERRCODE_NOT_EXIST,
                "only a main-chain node keeps the sub-chain registry");
        }
    }

    @Test
    void aProofNeedsExactlyOneOfTxAndAddress() {
        final String address = TestTransactions.address(CALLER);
        assertRefused(solo.get("/chaingroup/proof?ac=abcd&tx=" + paymentHash + "&address=" + address),
            ERRORCODE.ERRCODE_INVALID_PARAMETER, "give exactly one of 'tx'");
        assertRefused(solo.get("/chaingroup/proof?ac=abcd"), ERRORCODE.ERRCODE_INVALID_PARAMETER,
            "give exactly one of 'tx'");
        assertRefused(solo.get("/chaingroup/proof?tx=" + paymentHash), ERRORCODE.ERRCODE_INVALID_PARAMETER,
            "'ac' is required");
    }

    @Test
    void aProofOfAnUnregisteredSubChainIsRefused() {
        final JsonNode refused = solo.get("/chaingroup/proof?ac=zzzz&tx=" + paymentHash);
        assertThat(refused.get("error_code").asInt()).as(refused.toString()).isNotZero();
        assertThat(refused.get("error_desc").asText()).contains("zzzz");
    }

    // GET /chaingroup/txproof

    @Test
    void aTransactionProofUpToAnAnchoredHeightVerifiesAgainstThatBlock() {
        final long anchored = paymentHeight + 1;
        final JsonNode result = success(consensus.get("/chaingroup/txproof?hash=" + paymentHash + "&anchored="
            + anchored));
        final TransactionProof proof = ok(TransactionProof.fromBase64(result.get("proof").asText()));
        assertThat(proof.headers()).hasSize(2);
        final BlockId anchoredId = BlockId.of(consensus.node.ledger().committedBlock(anchored).orElseThrow().getBlock());
        final ProvenTransaction proven = ok(proof.verify(anchoredId));
        assertThat(Hex.encode(proven.transactionHash().toByteArray())).isEqualTo(paymentHash);
        assertThat(proven.height()).isEqualTo(paymentHeight);
        assertThat(proven.anchoredHeight()).isEqualTo(anchored);
    }

    @Test
    void aTransactionProofWithAMalformedOrUnknownHashIsRefused() {
        final long anchored = paymentHeight + 1;
        assertRefused(consensus.get("/chaingroup/txproof?hash=not-hex&anchored=" + anchored),
            ERRORCODE.ERRCODE_INVALID_PARAMETER, "hash must be a transaction hash in hex");
        final String unknown = Hex.encode(Hashes.sha256(new byte[] {9}));
        assertRefused(consensus.get("/chaingroup/txproof?hash=" + unknown + "&anchored=" + anchored),
            ERRORCODE.ERRCODE_NOT_EXIST, "transaction " + unknown + " is not committed here");
        assertRefused(consensus.get("/chaingroup/txproof?anchored=" + anchored), ERRORCODE.ERRCODE_INVALID_PARAMETER,
            "'hash' is required");
    }

    @Test
    void aTransactionProofNeedsACertifiedAnchoredHeightAtOrAfterTheTransaction() {
        assertRefused(consensus.get("/chaingroup/txproof?hash=" + paymentHash), ERRORCODE.ERRCODE_INVALID_PARAMETER,
            "'anchored' is required");
        assertRefused(consensus.get("/chaingroup/txproof?hash=" + paymentHash + "&anchored=1"),
            ERRORCODE.ERRCODE_INVALID_PARAMETER, "'anchored' must be a certified height, 2 or more");
        assertRefused(consensus.get("/chaingroup/txproof?hash=" + paymentHash + "&anchored=" + (paymentHeight - 1)),
            ERRORCODE.ERRCODE_NOT_EXIST, "is in height " + paymentHeight, "after the anchored height "
                + (paymentHeight - 1));
    }

    @Test
    void aTransactionProofOfAtMostMaxHeaderChainHeadersIsBuiltAndOneMoreIsRefused() {
        // At the cap the proof is not refused for its length: it fails only because the chain is not that long yet.
        final long atCap = paymentHeight + Limits.MAX_HEADER_CHAIN - 1;
        assertRefused(consensus.get("/chaingroup/txproof?hash=" + paymentHash + "&anchored=" + atCap),
            ERRORCODE.ERRCODE_NOT_EXIST, "has no certified block here");
        final long overCap = atCap + 1;
        assertRefused(consensus.get("/chaingroup/txproof?hash=" + paymentHash + "&anchored=" + overCap),
            ERRORCODE.ERRCODE_INVALID_PARAMETER, "more than " + Limits.MAX_HEADER_CHAIN + " blocks after",
            "height " + paymentHeight);
    }

    // Helpers

    private static void assertCertifiedHeaderOf(final long seq, final CertifiedHeader certified) {
        assertThat(certified.getHeader().getHeight()).isEqualTo(seq);
        assertThat(BlockId.of(certified.getHeader()))
            .isEqualTo(BlockId.of(consensus.node.ledger().committedBlock(seq).orElseThrow().getBlock()));
        assertThat(certified.getCertificate().getHeight()).isEqualTo(seq);
        assertThat(certified.getCertificate().getBlockId()).isEqualTo(BlockId.of(certified.getHeader()).bytes());
        assertThat(certified.getCertificate().getPrecommitsCount()).isEqualTo(1);
        assertThat(certified.getPreviousLedger()).isEqualTo(consensus.node.ledger().header(seq - 1).orElseThrow());
        assertThat(certified.getHeader().getPreviousLedgerHash().toByteArray())
            .isEqualTo(LedgerHashes.headerHash(certified.getPreviousLedger()));
        assertThat(certified.getNextValidatorsList()).as("the set does not change").isEmpty();
    }

    private static ObjectNode certificationParams(final String kind) {
        return JSON.createObjectNode().put("kind", kind).put("name", "Banyan Test Ltd")
            .put("documents_hash", DOCUMENTS_HASH);
    }

    private static String callBody(final JsonNode params) {
        final ObjectNode body = JSON.createObjectNode().put("source_address", TestTransactions.address(CALLER));
        body.set("params", params);
        return body.toString();
    }

    private static String query(final String method, final JsonNode params) {
        final ObjectNode body = JSON.createObjectNode().put("method", method);
        body.set("params", params);
        return body.toString();
    }

    private static JsonNode success(final JsonNode response) {
        assertThat(response.get("error_code").asInt()).as(response.toString()).isZero();
        return response.get("result");
    }

    private static void assertRefused(final JsonNode response, final ERRORCODE code, final String... phrases) {
        assertThat(response.get("error_code").asInt()).as(response.toString()).isEqualTo(code.getNumber());
        assertThat(response.get("error_desc").asText()).contains(phrases);
    }

    private static <T> T ok(final Checked<T> checked) {
        assertThat(checked).as(checked.toString()).isInstanceOf(Checked.Ok.class);
        return ((Checked.Ok<T>) checked).value();
    }

    private static JsonNode get(final String url) throws IOException, InterruptedException {
        final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
