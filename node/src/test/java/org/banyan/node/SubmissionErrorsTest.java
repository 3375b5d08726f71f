package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.banyan.node.TestTransactions.address;
import static org.banyan.node.TestTransactions.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Limits;
import org.banyan.node.api.HttpApi;
import org.banyan.protocol.Account;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationSetPrivilege;
import org.banyan.protocol.OperationTypeThreshold;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Signer;
import org.banyan.protocol.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way a submission can go wrong gets BIF's error code and leaves the chain as it was: height, mempool, and the
 * balance and nonce of every account involved are compared before and after, and for a while after, so that a
 * refused transaction cannot sneak into a later ledger.
 */
class SubmissionErrorsTest {

    /** How long state must stay unchanged after a refusal: several close intervals of the test node. */
    private static final Duration QUIET_PERIOD = Duration.ofMillis(300);

    private static TestNode node;

    @BeforeAll
    static void startNode() {
        node = TestNode.start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    /** What a refused submission must not change. */
    private record Snapshot(long height, int pending, List<Account> accounts) {
    }

    private static Snapshot snapshot() {
        final List<Account> accounts = new ArrayList<>();
        for (int index = 0; index <= TestNode.FUNDED_ACCOUNTS; index++) {
            accounts.add(node.account(key(index)));
        }
        return new Snapshot(node.height(), node.node.mempool().size(), accounts);
    }

    /** Submits, checks the code of the one result, and checks that nothing changed then or later. */
    private static JsonNode assertRefused(final int expectedCode, final Supplier<JsonNode> submission) {
        final Snapshot before = snapshot();
        final JsonNode response = submission.get();
        final JsonNode result = response.get("results").get(0);
        assertThat(result.get("error_code").asInt()).as(result.toString()).isEqualTo(expectedCode);
        assertThat(result.get("error_desc").asText()).isNotBlank();
        assertThat(response.get("success_count").asInt()).isZero();
        await().during(QUIET_PERIOD).atMost(QUIET_PERIOD.multipliedBy(3)).until(() -> snapshot().equals(before));
        return result;
    }

    private static Transaction.Builder payment(final PrivateKey from) {
        return TestTransactions.payment(from, node.account(from).getNonce() + 1, address(key(4)), 1_000);
    }

    @Test
    void aNonceGapWaitsInTheMempoolWithoutBeingCommitted() {
        final PrivateKey from = key(1);
        final Snapshot before = snapshot();
        final long nonce = node.account(from).getNonce();
        final JsonNode gapped = node.submitOne(TestTransactions.payment(from, nonce + 2, address(key(4)), 5).build(), from);
        assertThat(gapped.get("error_code").asInt()).isZero();

        await().during(QUIET_PERIOD).atMost(QUIET_PERIOD.multipliedBy(3)).until(() ->
            node.height() == before.height() && node.account(from).equals(before.accounts().get(1))
                && node.node.mempool().get(gapped.get("hash").asText()).isPresent());

        final JsonNode filler = node.submitOne(TestTransactions.payment(from, nonce + 1, address(key(4)), 5).build(), from);
        node.awaitCommitted(filler.get("hash").asText());
        node.awaitCommitted(gapped.get("hash").asText());
        assertThat(node.account(from).getNonce()).isEqualTo(nonce + 2);
    }

    @Test
    void aSameNonceReplacementMustPayTenPercentMore() {
        final PrivateKey from = key(2);
        final long nonce = node.account(from).getNonce();
        // Behind a gap, so the first one stays pending while we try to replace it.
        final Transaction original = TestTransactions.payment(from, nonce + 2, address(key(4)), 5).setGasPrice(1_000).build();
        final JsonNode first = node.submitOne(original, from);
        assertThat(first.get("error_code").asInt()).isZero();

        final JsonNode refused = assertRefused(160,
            () -> node.submit(original.toBuilder().setGasPrice(1_099).build(), from));
        assertThat(refused.get("error_desc").asText()).startsWith("Drop the transaction to insert queue because of low fee");
        assertThat(node.node.mempool().get(first.get("hash").asText())).isPresent();

        final JsonNode replacement = node.submitOne(original.toBuilder().setGasPrice(1_100).build(), from);
        assertThat(replacement.get("error_code").asInt()).isZero();
        assertThat(node.node.mempool().get(first.get("hash").asText())).isEmpty();
        assertThat(node.node.mempool().get(replacement.get("hash").asText())).isPresent();

        node.submitOne(TestTransactions.payment(from, nonce + 1, address(key(4)), 5).build(), from);
        node.awaitCommitted(replacement.get("hash").asText());
    }

    @Test
    void aFeeLimitBelowTheFeeIsRefusedWith111() {
        assertRefused(111, () -> node.submit(payment(key(3)).setFeeLimit(10).build(), key(3)));
    }

    @Test
    void aBadSignatureIsRefusedWith93() {
        final Transaction transaction = payment(key(3)).build();
        final byte[] blob = transaction.toByteArray();
        final Signature good = TestTransactions.sign(key(3), blob);
        final byte[] corrupted = good.getSignData().toByteArray();
        corrupted[0] ^= 1;
        final Signature bad = good.toBuilder().setSignData(ByteString.copyFrom(corrupted)).build();
        assertRefused(93, () -> node.post("/submitTransaction", TestNode.submitBody(blob, bad)));
    }

    @Test
    void aSignatureByAnotherKeyIsRefusedWith93() {
        assertRefused(93, () -> node.submit(payment(key(3)).build(), key(2)));
    }

    @Test
    void aWrongChainIdIsRefused() {
        final JsonNode result = assertRefused(2, () -> node.submit(payment(key(3)).setChainId(999).build(), key(3)));
        assertThat(result.get("error_desc").asText()).contains("chain_id 999");
    }

    @Test
    void theRightChainIdIsAccepted() {
        final JsonNode result = node.submitOne(payment(key(3)).setChainId(TestNode.CHAIN_ID).build(), key(3));
        assertThat(result.get("error_code").asInt()).isZero();
        node.awaitCommitted(result.get("hash").asText());
    }

    @Test
    void aTransactionOverOneMegabyteIsRefusedWith146() {
        final byte[] remarks = new byte[Limits.MAX_TRANSACTION_BYTES];
        assertRefused(146, () -> node.submit(payment(key(3)).setMetadata(ByteString.copyFrom(remarks)).build(), key(3)));
    }

    @Test
    void aMalformedBlobIsRefusedWith2() {
        final JsonNode notProtobuf = assertRefused(2, () -> node.post("/submitTransaction",
            "{\"items\":[{\"transaction_blob\":\"FFFFFFFF\",\"signatures\":[{\"sign_data\":\"00\",\"public_key\":\"b065\"}]}]}"));
        assertThat(notProtobuf.get("hash").asText()).matches("[0-9a-f]{64}");
        final JsonNode notHex = assertRefused(2, () -> node.post("/submitTransaction",
            "{\"items\":[{\"transaction_blob\":\"XYZ1\",\"signatures\":[]}]}"));
        assertThat(notHex.get("error_desc").asText()).contains("Hex");
        assertThat(notHex.get("hash").asText()).isEmpty();
        assertRefused(2, () -> node.post("/submitTransaction", "{\"items\":[{\"transaction_blob\":\"0A00\"}]}"));
    }

    @Test
    void malformedJsonIsRefusedWith2() {
        final JsonNode response = node.post("/submitTransaction", "{\"items\": [");
        assertThat(response.get("error_code").asInt()).isEqualTo(2);
        assertThat(response.get("error_desc").asText()).startsWith("request must be in json format");
        assertRefused(2, () -> node.post("/submitTransaction", "{\"items\": ["));
        assertRefused(2, () -> node.post("/submitTransaction", "[1, 2]"));
        assertRefused(2, () -> node.post("/submitTransaction", "{\"items\": 5}"));
        assertRefused(2, () -> node.post("/submitTransaction", ""));
    }

    @Test
    void eachItemIsSettledIndependently() {
        final Transaction good = payment(key(1)).build();
        final byte[] blob = good.toByteArray();
        final String body = "{\"items\":[{\"transaction_blob\":\"XYZ1\"},"
            + TestNode.submitBody(blob, TestTransactions.sign(key(1), blob)).replace("{\"items\":[", "");
        final JsonNode response = node.post("/submitTransaction", body);
        assertThat(response.get("success_count").asInt()).isEqualTo(1);
        assertThat(response.get("results").get(0).get("error_code").asInt()).isEqualTo(2);
        assertThat(response.get("results").get(1).get("error_code").asInt()).isZero();
        node.awaitCommitted(response.get("results").get(1).get("hash").asText());
    }

    @Test
    void aRequestMayCarryUpToTheItemCap() {
        final int cap = SubmissionPipeline.MAX_ITEMS_PER_REQUEST;
        final JsonNode atCap = node.post("/submitTransaction", itemsBody(cap));
        assertThat(atCap.get("results")).hasSize(cap);
        assertThat(atCap.get("results").get(cap - 1).get("error_code").asInt()).isEqualTo(2);

        final JsonNode overCap = assertRefused(2, () -> node.post("/submitTransaction", itemsBody(cap + 1)));
        assertThat(overCap.get("error_desc").asText()).contains(Integer.toString(cap + 1)).contains("at most " + cap);
    }

    private static String itemsBody(final int count) {
        return "{\"items\":[" + String.join(",", Collections.nCopies(count, "{}")) + "]}";
    }

    @Test
    void aRequestBodyMayBeUpToTheSizeCap() {
        final int cap = HttpApi.MAX_REQUEST_BODY_BYTES;
        final JsonNode atCap = node.post("/submitTransaction", paddedBody(cap));
        assertThat(atCap.get("success_count").asInt()).isZero();
        assertThat(atCap.get("results")).isEmpty();

        final JsonNode overCap = assertRefused(2, () -> node.post("/submitTransaction", paddedBody(cap + 1)));
        assertThat(overCap.get("error_desc").asText()).contains("at most " + cap + " bytes");
    }

    /** A valid submit body with no items, padded with whitespace to exactly {@code size} bytes. */
    private static String paddedBody(final int size) {
        final String body = "{\"items\":[]}";
        return body + " ".repeat(size - body.length());
    }

    @Test
    void insufficientOperationWeightFailsAtExecutionAndChargesOnlyTheFee() {
        final PrivateKey multiSig = key(10);
        final long initialBalance = 50_000_000;
        final Transaction create = TestTransactions.createAccount(TestNode.GENESIS_KEY,
            node.account(TestNode.GENESIS_KEY).getNonce() + 1, address(multiSig), initialBalance).build();
        node.commit(create, TestNode.GENESIS_KEY);
        // Payments now need a co-signer: the master key alone carries weight 1 of the 2 required.
        final Transaction shareControl = Transaction.newBuilder()
            .setSourceAddress(address(multiSig))
            .setNonce(1)
            .setFeeLimit(TestTransactions.FEE_LIMIT)
            .setGasPrice(TestTransactions.GAS_PRICE)
            .addOperations(Operation.newBuilder().setType(Operation.Type.SET_PRIVILEGE)
                .setSetPrivilege(OperationSetPrivilege.newBuilder()
                    .addSigners(Signer.newBuilder().setAddress(address(key(11))).setWeight(1))
                    .addTypeThresholds(OperationTypeThreshold.newBuilder()
                        .setType(Operation.Type.PAY_COIN).setThreshold(2))))
            .build();
        assertThat(node.commit(shareControl, multiSig).get("error_code").asInt()).isZero();
        final long balanceBefore = node.account(multiSig).getBalance();

        final long destinationBefore = node.account(key(4)).getBalance();
        final Transaction underSigned = TestTransactions.payment(multiSig, 2, address(key(4)), 1_000).build();
        final JsonNode submitted = node.submitOne(underSigned, multiSig);
        assertThat(submitted.get("error_code").asInt()).as("admitted: the tx threshold is met").isZero();

        final JsonNode record = node.awaitCommitted(submitted.get("hash").asText());
        assertThat(record.get("error_code").asInt()).isEqualTo(93);
        assertThat(record.get("error_desc").asText()).contains("PAY_COIN");
        final Account after = node.account(multiSig);
        assertThat(after.getNonce()).isEqualTo(2);
        assertThat(after.getBalance()).isEqualTo(balanceBefore - record.get("actual_fee").asLong());
        assertThat(node.account(key(4)).getBalance()).isEqualTo(destinationBefore);
    }
}
