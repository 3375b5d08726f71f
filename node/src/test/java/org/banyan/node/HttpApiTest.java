package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banyan.node.TestTransactions.address;
import static org.banyan.node.TestTransactions.key;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.LedgerHashes;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationSetMetadata;
import org.banyan.protocol.Transaction;
import org.banyan.trie.StateProof;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape of every endpoint's answer, as BIF SDKs read it, against an in-process node. */
class HttpApiTest {

    private static final String HEX_HASH = "[0-9a-f]{64}";
    private static TestNode node;

    @BeforeAll
    static void startNode() {
        node = TestNode.start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    /** Pays one glowstone from the key's account and waits for the commit; returns the history record. */
    private static JsonNode commitPayment(final PrivateKey from, final String to) {
        final long nonce = node.account(from).getNonce() + 1;
        final JsonNode result = node.submitOne(TestTransactions.payment(from, nonce, to, 1).build(), from);
        assertThat(result.get("error_code").asInt()).as(result.toString()).isZero();
        return node.awaitCommitted(result.get("hash").asText());
    }

    @Test
    void getLedgerShowsTheHeaderValidatorsAndLeader() {
        final JsonNode response = node.get("/getLedger?domainid=0");
        assertThat(response.get("error_code").asInt()).isZero();
        final JsonNode header = response.get("result").get("header");
        assertThat(header.get("seq").asLong()).isEqualTo(node.height());
        assertThat(header.get("hash").asText()).matches(HEX_HASH);
        assertThat(header.get("account_tree_hash").asText()).matches(HEX_HASH);
        assertThat(header.get("chain_id").asLong()).isEqualTo(TestNode.CHAIN_ID);
        assertThat(response.get("result").get("ledger_length").asLong()).isPositive();
        assertThat(response.get("result").has("validators")).isFalse();

        final JsonNode genesis = node.get("/getLedger?seq=1&with_validator=true&with_leader=true&domainid=0").get("result");
        assertThat(genesis.get("header").get("seq").asLong()).isEqualTo(1);
        assertThat(genesis.get("header").has("previous_hash")).isFalse();
        assertThat(genesis.get("validators")).hasSize(1);
        assertThat(genesis.get("validators").get(0).asText()).isEqualTo(TestNode.GENESIS_ADDRESS);
        assertThat(genesis.get("leader").asText()).isEqualTo(TestNode.GENESIS_ADDRESS);
    }

    @Test
    void getLedgerReportsMissingAndMalformedSequences() {
        final JsonNode missing = node.get("/getLedger?seq=999999");
        assertThat(missing.get("error_code").asInt()).isEqualTo(4);
        assertThat(missing.get("error_desc").asText()).contains("999999");

        final JsonNode malformed = node.get("/getLedger?seq=abc");
        assertThat(malformed.get("error_code").asInt()).isEqualTo(2);
        assertThat(malformed.get("error_desc").asText()).contains("'seq'");
    }

    @Test
    void getAccountBaseShowsBalanceAndNonceOrNotExist() {
        final String address = address(key(1));
        final JsonNode result = node.get("/getAccountBase?address=" + address + "&domainid=0").get("result");
        assertThat(result.get("address").asText()).isEqualTo(address);
        assertThat(result.get("balance").asLong()).isEqualTo(node.account(key(1)).getBalance());
        assertThat(result.get("nonce").asLong()).isEqualTo(node.account(key(1)).getNonce());
        assertThat(result.has("metadatas")).isFalse();

        final JsonNode missing = node.get("/getAccountBase?address=" + address(key(77)));
        assertThat(missing.get("error_code").asInt()).isEqualTo(4);
        assertThat(missing.has("result")).isFalse();

        assertThat(node.get("/getAccountBase").get("error_code").asInt()).isEqualTo(2);
        assertThat(node.get("/getAccountBase?address=did:bid:nonsense").get("error_code").asInt()).isEqualTo(2);
    }

    @Test
    void getAccountListsMetadataWithVersions() {
        final PrivateKey owner = key(2);
        final Transaction setMetadata = Transaction.newBuilder()
            .setSourceAddress(address(owner))
            .setNonce(node.account(owner).getNonce() + 1)
            .setFeeLimit(TestTransactions.FEE_LIMIT)
            .setGasPrice(TestTransactions.GAS_PRICE)
            .addOperations(Operation.newBuilder().setType(Operation.Type.SET_METADATA)
                .setSetMetadata(OperationSetMetadata.newBuilder().setKey("colour").setValue("green")))
            .build();
        final JsonNode submitted = node.submitOne(setMetadata, owner);
        node.awaitCommitted(submitted.get("hash").asText());

        final JsonNode all = node.get("/getAccount?address=" + address(owner) + "&domainid=0").get("result");
        assertThat(all.get("address").asText()).isEqualTo(address(owner));
        assertThat(all.get("priv").get("master_weight").asLong()).isEqualTo(1);
        assertThat(all.get("metadatas")).hasSize(1);
        final JsonNode entry = all.get("metadatas").get(0);
        assertThat(entry.get("key").asText()).isEqualTo("colour");
        assertThat(entry.get("value").asText()).isEqualTo("green");
        assertThat(entry.has("version")).isTrue();

        final JsonNode one = node.get("/getAccount?address=" + address(owner) + "&key=colour").get("result");
        assertThat(one.get("metadatas")).hasSize(1);
        final JsonNode none = node.get("/getAccount?address=" + address(owner) + "&key=size").get("result");
        assertThat(none.get("metadatas")).isEmpty();
        assertThat(node.get("/getAccount?address=" + address(key(77))).get("error_code").asInt()).isEqualTo(4);
    }

    @Test
    void submittedPaymentsShowUpInTheHistoryInBifShape() {
        final String destination = address(key(3));
        final long destinationBefore = node.account(key(3)).getBalance();
        final JsonNode record = commitPayment(key(1), destination);

        assertThat(record.get("hash").asText()).matches(HEX_HASH);
        assertThat(record.get("ledger_seq").asLong()).isGreaterThan(1);
        assertThat(record.get("close_time").asLong()).isPositive();
        assertThat(record.get("error_code").asInt()).isZero();
        assertThat(record.get("error_desc").asText()).isEmpty();
        assertThat(record.get("tx_size").asLong()).isPositive();
        assertThat(record.get("actual_fee").asLong()).isEqualTo(record.get("tx_size").asLong() * TestTransactions.GAS_PRICE);
        final JsonNode signature = record.get("signatures").get(0);
        assertThat(signature.get("public_key").asText()).isEqualTo(key(1).publicKey().encoded());
        assertThat(signature.get("sign_data").asText()).matches("[0-9a-f]{128}");
        final JsonNode transaction = record.get("transaction");
        assertThat(transaction.get("source_address").asText()).isEqualTo(address(key(1)));
        assertThat(transaction.get("nonce").isIntegralNumber()).isTrue();
        assertThat(transaction.get("fee_limit").asLong()).isEqualTo(TestTransactions.FEE_LIMIT);
        assertThat(transaction.get("gas_price").asLong()).isEqualTo(TestTransactions.GAS_PRICE);
        final JsonNode operation = transaction.get("operations").get(0);
        assertThat(operation.get("type").asInt()).isEqualTo(7);
        assertThat(operation.get("pay_coin").get("dest_address").asText()).isEqualTo(destination);
        assertThat(operation.get("pay_coin").get("amount").asLong()).isEqualTo(1);
        assertThat(node.account(key(3)).getBalance()).isEqualTo(destinationBefore + 1);

        final JsonNode byLedger = node.get("/getTransactionHistory?ledger_seq=" + record.get("ledger_seq").asLong()
            + "&domainid=0").get("result");
        assertThat(byLedger.get("total_count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(byLedger.get("transactions").findValuesAsText("hash")).contains(record.get("hash").asText());
    }

    @Test
    void historyLookupsThatFindNothingAnswerNotExist() {
        final JsonNode missing = node.get("/getTransactionHistory?hash=" + "ab".repeat(32));
        assertThat(missing.get("error_code").asInt()).isEqualTo(4);
        assertThat(missing.get("error_desc").asText()).isEqualTo("query result not exist");
        assertThat(missing.get("result").get("total_count").asInt()).isZero();
        assertThat(node.get("/getTransactionHistory?ledger_seq=1").get("error_code").asInt()).isEqualTo(4);
        assertThat(node.get("/getTransactionHistory?hash=xyz").get("error_code").asInt()).isEqualTo(2);
        assertThat(node.get("/getTransactionHistory").get("error_code").asInt()).isEqualTo(2);
    }

    @Test
    void upperCaseHashesAreAccepted() {
        final JsonNode record = commitPayment(key(4), address(key(3)));
        final String upper = record.get("hash").asText().toUpperCase(Locale.ROOT);
        final JsonNode found = node.get("/getTransactionHistory?hash=" + upper);
        assertThat(found.get("error_code").asInt()).isZero();
        assertThat(found.get("result").get("transactions").get(0).get("hash").asText()).isEqualTo(record.get("hash").asText());
    }

    @Test
    void submissionsAcceptJsonWhateverTheContentType() {
        final PrivateKey from = key(4);
        for (final String contentType : new String[] {"application/json", TestNode.FORM_CONTENT_TYPE, "text/plain"}) {
            final long nonce = node.account(from).getNonce() + 1;
            final Transaction payment = TestTransactions.payment(from, nonce, address(key(3)), 2).build();
            final byte[] blob = payment.toByteArray();
            final TestNode.Reply reply = node.post("/submitTransaction",
                TestNode.submitBody(blob, TestTransactions.sign(from, blob)), contentType);
            assertThat(reply.status()).isEqualTo(200);
            final JsonNode response = reply.json();
            assertThat(response.get("success_count").asInt()).as(contentType).isEqualTo(1);
            assertThat(response.get("results").get(0).get("hash").asText()).isEqualTo(Hex.encode(Hashes.sha256(blob)));
            assertThat(response.get("results").get(0).get("error_code").asInt()).isZero();
            assertThat(response.get("results").get(0).get("error_desc").asText()).isEmpty();
            node.awaitCommitted(response.get("results").get(0).get("hash").asText());
        }
    }

    @Test
    void resubmittingAPendingTransactionCountsAsSuccessAsInBif() {
        final PrivateKey from = key(2);
        // Nonce + 2 waits on a gap, so the transaction is certainly still pending when it is sent again.
        final Transaction gapped = TestTransactions.payment(from, node.account(from).getNonce() + 2, address(key(3)), 1).build();
        final JsonNode first = node.submitOne(gapped, from);
        final JsonNode second = node.submitOne(gapped, from);
        assertThat(first.get("error_code").asInt()).isZero();
        assertThat(second.get("error_code").asInt()).isZero();
        assertThat(second.get("hash").asText()).isEqualTo(first.get("hash").asText());
        assertThat(node.node.mempool().size(address(from))).isEqualTo(1);

        final JsonNode cached = node.get("/getTransactionCache?hash=" + first.get("hash").asText() + "&domainid=0");
        assertThat(cached.get("error_code").asInt()).isZero();
        assertThat(cached.get("result").get("total_count").asInt()).isEqualTo(1);
        final JsonNode entry = cached.get("result").get("transactions").get(0);
        assertThat(entry.get("hash").asText()).isEqualTo(first.get("hash").asText());
        assertThat(entry.get("status").asText()).isEqualTo("processing");
        assertThat(entry.get("incoming_time").asLong()).isPositive();
        assertThat(entry.get("transaction").get("nonce").asLong()).isEqualTo(gapped.getNonce());
        assertThat(entry.get("signatures")).hasSize(1);
        assertThat(node.get("/getTxCacheSize?domainid=0").get("queue_size").asInt()).isGreaterThanOrEqualTo(1);

        // Filling the gap commits both.
        final JsonNode filler = node.submitOne(
            TestTransactions.payment(from, gapped.getNonce() - 1, address(key(3)), 1).build(), from);
        node.awaitCommitted(filler.get("hash").asText());
        node.awaitCommitted(first.get("hash").asText());
        assertThat(node.get("/getTransactionCache?hash=" + first.get("hash").asText()).get("error_code").asInt())
            .isEqualTo(4);
    }

    @Test
    void getTxCacheSizeHasTheShapeTheSdkReads() {
        final JsonNode response = node.get("/getTxCacheSize");
        assertThat(response.get("error_code").asInt()).isZero();
        assertThat(response.get("queue_size").asInt()).isEqualTo(node.node.mempool().size());
    }

    @Test
    void testTransactionPricesAJsonTransactionWithNamesOrNumbers() {
        final PrivateKey from = key(1);
        for (final String type : new String[] {"\"PAY_COIN\"", "7"}) {
            final String body = "{\"items\":[{\"transaction_json\":{\"source_address\":\"" + address(from)
                + "\",\"nonce\":\"" + (node.account(from).getNonce() + 1) + "\",\"gas_price\":100,\"operations\":[{\"type\":"
                + type + ",\"pay_coin\":{\"dest_address\":\"" + address(key(3)) + "\",\"amount\":5}}]},"
                + "\"signature_number\":1}]}";
            final JsonNode response = node.post("/testTransaction", body);
            assertThat(response.get("error_code").asInt()).as(response.toString()).isZero();
            final JsonNode result = response.get("result");
            assertThat(result.get("hash").asText()).matches(HEX_HASH);
            final JsonNode test = result.get("txs").get(0);
            final JsonNode priced = test.get("transaction_env").get("transaction");
            assertThat(test.get("actual_fee").asLong()).isPositive();
            assertThat(priced.get("gas_price").asLong()).isEqualTo(100);
            assertThat(priced.get("fee_limit").asLong()).isGreaterThanOrEqualTo(test.get("actual_fee").asLong());
            assertThat(test.get("gas").asLong() * 100).isEqualTo(test.get("actual_fee").asLong());
        }
    }

    @Test
    void testTransactionRefusesMalformedRequests() {
        final JsonNode twoItems = node.post("/testTransaction",
            "{\"items\":[{\"transaction_json\":{}},{\"transaction_json\":{}}]}");
        assertThat(twoItems.get("error_code").asInt()).isEqualTo(2);
        assertThat(twoItems.get("results").get(0).get("error_code").asInt()).isEqualTo(2);

        final JsonNode unknownField = node.post("/testTransaction",
            "{\"items\":[{\"transaction_json\":{\"source_address\":\"" + address(key(1)) + "\",\"colour\":1}}]}");
        assertThat(unknownField.get("error_code").asInt()).isEqualTo(2);
        assertThat(unknownField.get("error_desc").asText()).contains("transaction_json.colour");

        final JsonNode badType = node.post("/testTransaction",
            "{\"items\":[{\"transaction_json\":{\"nonce\":\"seven\"}}]}");
        assertThat(badType.get("error_desc").asText()).contains("nonce").contains("integer");
    }

    @Test
    void getAccountProofProvesPresenceAndAbsence() {
        final String present = address(key(1));
        final JsonNode result = node.get("/getAccountProof?address=" + present).get("result");
        assertThat(result.get("address").asText()).isEqualTo(present);
        final long seq = result.get("ledger_seq").asLong();
        assertThat(result.get("header").get("seq").asLong()).isEqualTo(seq);
        assertThat(result.get("account").get("address").asText()).isEqualTo(present);
        final byte[] root = Hex.decode(result.get("header").get("account_tree_hash").asText());
        final byte[] blob = Hex.decode(result.get("account_blob").asText());
        final StateProof proof = StateProof.decode(Hex.decode(result.get("proof").asText()));
        assertThat(proof.verifiesInclusion(root, LedgerHashes.accountKey(present), Hashes.sha256(blob))).isTrue();

        final String absent = address(key(77));
        final JsonNode missing = node.get("/getAccountProof?address=" + absent + "&seq=1").get("result");
        assertThat(missing.get("account").isNull()).isTrue();
        assertThat(missing.get("account_blob").isNull()).isTrue();
        final StateProof exclusion = StateProof.decode(Hex.decode(missing.get("proof").asText()));
        assertThat(exclusion.verifiesExclusion(Hex.decode(missing.get("header").get("account_tree_hash").asText()),
            LedgerHashes.accountKey(absent))).isTrue();

        assertThat(node.get("/getAccountProof?address=" + present + "&seq=999999").get("error_code").asInt()).isEqualTo(4);
    }

    @Test
    void metricsExposeHeightThroughputAndOutcomes() {
        commitPayment(key(3), address(key(1)));
        // Signed by someone else's key: refused with 93 at admission.
        final long nonce = node.account(key(3)).getNonce() + 1;
        node.submitOne(TestTransactions.payment(key(3), nonce, address(key(1)), 1).build(), key(4));
        final TestNode.Reply reply = node.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + node.node.httpPort() + "/metrics")).GET());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body())
            .contains("banyan_ledger_height " + node.height() + ".0")
            .contains("banyan_mempool_size")
            .contains("banyan_transactions_committed_total")
            .contains("banyan_transactions_submitted_total")
            .contains("banyan_ledger_close_seconds_count")
            .contains("banyan_transactions_rejected_total{error_code=\"93\"}");
    }

    @Test
    void unknownPathsAnswer404WithJson() {
        final TestNode.Reply reply = node.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + node.node.httpPort() + "/getNothing")).GET());
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error_desc").asText()).contains("/getNothing");
        final TestNode.Reply wrongMethod = node.post("/getLedger", "{}", "application/json");
        assertThat(wrongMethod.status()).isEqualTo(404);
    }
}
