package org.banyan.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.TransactionEnvStore;
import org.junit.jupiter.api.Test;

class BifJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(final String text) throws Exception {
        return JSON.readTree(text);
    }

    private static Transaction payment(final long nonce, final long amount, final String input, final byte[] remarks) {
        return Transaction.newBuilder()
            .setSourceAddress("did:bid:efSource")
            .setNonce(nonce)
            .setFeeLimit(1_000_000)
            .setGasPrice(100)
            .setMetadata(ByteString.copyFrom(remarks))
            .addOperations(Operation.newBuilder().setType(Operation.Type.PAY_COIN)
                .setPayCoin(OperationPayCoin.newBuilder().setDestAddress("did:bid:efDest").setAmount(amount).setInput(input)))
            .build();
    }

    @Test
    void rendersInBifConventions() {
        final ObjectNode rendered = BifJson.render(payment(3, Long.MAX_VALUE, "", new byte[] {(byte) 0xAB, 0x01}));
        assertThat(rendered.get("nonce").isIntegralNumber()).isTrue();
        assertThat(rendered.get("metadata").asText()).isEqualTo("ab01");
        final JsonNode operation = rendered.get("operations").get(0);
        assertThat(operation.get("type").intValue()).isEqualTo(7);
        assertThat(operation.get("pay_coin").get("amount").longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(operation.get("pay_coin").has("input")).as("defaults are left out").isFalse();
        assertThat(rendered.has("chain_id")).isFalse();
    }

    @Test
    void renderedTransactionsParseBackUnchanged() {
        qt().forAll(longs().between(1, Long.MAX_VALUE), longs().all(), strings().basicLatinAlphabet().ofLengthBetween(0, 20),
                integers().between(0, 40))
            .checkAssert((nonce, amount, input, remarksLength) -> {
                final byte[] remarks = input.repeat(remarksLength).getBytes(StandardCharsets.UTF_8);
                final Transaction transaction = payment(nonce, amount, input, remarks);
                assertThat(BifJson.parse(BifJson.render(transaction), Transaction.getDefaultInstance(), "t"))
                    .isEqualTo(transaction);
            });
    }

    @Test
    void acceptsWhatBifSdksSend() throws Exception {
        final Transaction parsed = BifJson.parse(json("""
            {"source_address": "did:bid:efSource", "nonce": "12", "fee_limit": 5, "gas_price": "100",
             "metadata": "AB01", "operations": [{"type": "PAY_COIN", "pay_coin": {"dest_address": "did:bid:efDest",
             "amount": 1}}, {"type": 7}], "chain_id": null}
            """), Transaction.getDefaultInstance(), "t");
        assertThat(parsed.getNonce()).isEqualTo(12);
        assertThat(parsed.getGasPrice()).isEqualTo(100);
        assertThat(parsed.getMetadata().toByteArray()).containsExactly(0xAB, 0x01);
        assertThat(parsed.getOperationsList()).extracting(Operation::getType)
            .containsExactly(Operation.Type.PAY_COIN, Operation.Type.PAY_COIN);
    }

    @Test
    void takesNonHexBytesAsTextLikeTheOfficialSdkSendsRemarks() throws Exception {
        final Transaction parsed = BifJson.parse(json("{\"metadata\": \"hello world\"}"), Transaction.getDefaultInstance(), "t");
        assertThat(parsed.getMetadata().toStringUtf8()).isEqualTo("hello world");
    }

    @Test
    void refusesMalformedJsonNamingTheField() throws Exception {
        assertThatThrownBy(() -> BifJson.parse(json("{\"nonce\": \"seven\"}"), Transaction.getDefaultInstance(), "tx"))
            .hasMessage("tx.nonce must be an integer but is \"seven\"");
        assertThatThrownBy(() -> BifJson.parse(json("{\"nonce\": 1.5}"), Transaction.getDefaultInstance(), "tx"))
            .hasMessage("tx.nonce must be a 64-bit integer but is number");
        assertThatThrownBy(() -> BifJson.parse(json("{\"operations\": [{\"type\": \"PAY\"}]}"),
                Transaction.getDefaultInstance(), "tx"))
            .hasMessage("tx.operations[0].type is not a valid Type: \"PAY\"");
        assertThatThrownBy(() -> BifJson.parse(json("{\"operations\": {}}"), Transaction.getDefaultInstance(), "tx"))
            .hasMessage("tx.operations must be a JSON array but is object");
        assertThatThrownBy(() -> BifJson.parse(json("{\"operations\": [5]}"), Transaction.getDefaultInstance(), "tx"))
            .hasMessage("tx.operations[0] must be a JSON object but is number");
        assertThatThrownBy(() -> BifJson.parse(json("{\"surprise\": 1}"), Transaction.getDefaultInstance(), "tx"))
            .hasMessage("tx.surprise is not a field of Transaction");
        assertThatThrownBy(() -> BifJson.parse(json("{\"error_code\": 3000000000}"),
                TransactionEnvStore.getDefaultInstance(), "record"))
            .hasMessage("record.error_code must be a 32-bit integer but is 3000000000");
        assertThatThrownBy(() -> BifJson.parse(json("{\"metadata\": 5}"), Transaction.getDefaultInstance(), "tx"))
            .hasMessage("tx.metadata must be a hex string but is number");
        assertThatThrownBy(() -> BifJson.parse(json("[]"), Transaction.getDefaultInstance(), "tx"))
            .hasMessage("tx must be a JSON object but is array");
    }
}
