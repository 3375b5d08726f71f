package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banyan.node.TestTransactions.address;
import static org.banyan.node.TestTransactions.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.banyan.crypto.Hex;
import org.banyan.crypto.PrivateKey;
import org.banyan.node.api.HttpApi;
import org.banyan.protocol.Signature;
import org.junit.jupiter.api.Test;

/** History and cache queries return at most one page; {@code start} and {@code limit} move through the rest. */
class QueryLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void queriesReturnAtMostOnePageOfTransactions() {
        final int page = HttpApi.MAX_TRANSACTIONS_PER_QUERY;
        final PrivateKey from = key(1);
        final String to = address(key(2));
        try (TestNode node = TestNode.start()) {
            // Nonces 2..page+2 wait behind the missing nonce 1, so they are all pending at once.
            final ObjectNode body = JSON.createObjectNode();
            final ArrayNode items = body.putArray("items");
            for (long nonce = 2; nonce <= page + 2; nonce++) {
                final byte[] blob = TestTransactions.payment(from, nonce, to, 1).build().toByteArray();
                final Signature signature = TestTransactions.sign(from, blob);
                items.addObject().put("transaction_blob", Hex.encode(blob).toUpperCase(Locale.ROOT))
                    .putArray("signatures").addObject()
                    .put("sign_data", Hex.encode(signature.getSignData().toByteArray()))
                    .put("public_key", signature.getPublicKey());
            }
            assertThat(node.post("/submitTransaction", body.toString()).get("success_count").asInt()).isEqualTo(page + 1);

            final JsonNode cache = node.get("/getTransactionCache").get("result");
            assertThat(cache.get("total_count").asInt()).isEqualTo(page);
            assertThat(cache.get("transactions")).hasSize(page);
            assertThat(node.get("/getTransactionCache?limit=5").get("result").get("transactions")).hasSize(5);
            assertThat(node.get("/getTxCacheSize").get("queue_size").asInt()).isEqualTo(page + 1);

            final JsonNode filler = node.commit(TestTransactions.payment(from, 1, to, 1).build(), from);
            final long seq = filler.get("ledger_seq").asLong();
            final JsonNode last = node.awaitCommitted(cache.get("transactions").get(page - 1).get("hash").asText());
            assertThat(last.get("ledger_seq").asLong()).as("one ledger holds the whole run").isEqualTo(seq);

            final JsonNode first = node.get("/getTransactionHistory?ledger_seq=" + seq).get("result");
            assertThat(first.get("total_count").asInt()).isEqualTo(page + 2);
            assertThat(first.get("transactions")).hasSize(page);
            final JsonNode rest = node.get("/getTransactionHistory?ledger_seq=" + seq + "&start=" + page).get("result");
            assertThat(rest.get("transactions")).hasSize(2);
            assertThat(rest.get("transactions").get(1).get("transaction").get("nonce").asLong()).isEqualTo(page + 2);
        }
    }
}
