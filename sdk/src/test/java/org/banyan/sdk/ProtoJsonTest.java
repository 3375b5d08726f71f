package org.banyan.sdk;

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
import java.util.List;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationTypeThreshold;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.junit.jupiter.api.Test;

class ProtoJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEST = TestKeys.ed25519(2).publicKey().address().toString();
    private static final String SOURCE = TestKeys.ed25519(1).publicKey().address().toString();

    @Test
    void transactionsRoundTrip() {
        qt().forAll(longs().between(1, Long.MAX_VALUE), longs().all(), strings().basicLatinAlphabet().ofLengthBetween(0, 20),
                        integers().between(0, 255))
                .checkAssert((nonce, amount, text, fill) -> {
                    Transaction transaction = new TransactionBuilder().source(SOURCE).nonce(nonce)
                            .metadata(new byte[] {fill.byteValue(), 0, (byte) 0xFF})
                            .payCoin(DEST, Math.abs(amount == Long.MIN_VALUE ? 0 : amount), text)
                            .setThreshold(1, java.util.Map.of(Operation.Type.LOG, 2L))
                            .setMetadata("k" + text, text).operationSource(DEST)
                            .build().transaction();

                    assertThat(ProtoJson.fromJson(ProtoJson.toJson(transaction), Transaction.getDefaultInstance()))
                            .isEqualTo(transaction);
                });
    }

    @Test
    void rendersBifConventions() {
        Transaction transaction = new TransactionBuilder().source(SOURCE).nonce(3).metadata(new byte[] {(byte) 0xAB})
                .payCoin(DEST, 10).build().transaction();

        ObjectNode json = ProtoJson.toJson(transaction);

        assertThat(json.get("source_address").textValue()).isEqualTo(SOURCE);
        assertThat(json.get("nonce").isIntegralNumber()).isTrue();
        assertThat(json.get("metadata").textValue()).as("bytes as lower-case hex").isEqualTo("ab");
        assertThat(json.get("operations").get(0).get("type").textValue()).isEqualTo("PAY_COIN");
        assertThat(json.get("operations").get(0).get("pay_coin").get("amount").longValue()).isEqualTo(10);
        assertThat(json.has("chain_id")).as("default values are omitted, as BIF nodes do").isFalse();
    }

    @Test
    void acceptsNumbersAsStringsEnumsAsNumbersUpperCaseHexAndUnknownFields() throws Exception {
        JsonNode json = JSON.readTree("""
                {"seq": "12", "hash": "ABCDEF", "close_time": 5, "chain_id": null, "tx_count": 2,
                 "domain_account_hashs": [{"domain_id": 0}], "future_field": {"x": 1}}""");

        LedgerHeader header = ProtoJson.fromJson(json, LedgerHeader.getDefaultInstance());

        assertThat(header.getSeq()).isEqualTo(12);
        assertThat(header.getHash()).isEqualTo(ByteString.copyFrom(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF}));
        assertThat(header.getCloseTime()).isEqualTo(5);
        assertThat(header.getTxCount()).isEqualTo(2);
        OperationTypeThreshold threshold = ProtoJson.fromJson(JSON.readTree("{\"type\": 7, \"threshold\": 1}"),
                OperationTypeThreshold.getDefaultInstance());
        assertThat(threshold.getType()).isEqualTo(Operation.Type.PAY_COIN);
    }

    @Test
    void malformedValuesNameTheField() throws Exception {
        List<String> cases = List.of(
                "{\"nonce\": \"seven\"}",
                "{\"nonce\": 1.5}",
                "{\"nonce\": true}",
                "{\"metadata\": \"xyz\"}",
                "{\"metadata\": 12}",
                "{\"operations\": {}}",
                "{\"operations\": [{\"type\": \"FLY\"}]}",
                "{\"operations\": [{\"type\": 999}]}",
                "{\"operations\": [{\"pay_coin\": []}]}",
                "{\"source_address\": {}}");
        for (String text : cases) {
            assertThatThrownBy(() -> ProtoJson.fromJson(JSON.readTree(text), Transaction.getDefaultInstance()))
                    .as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Transaction.");
        }
        assertThatThrownBy(() -> ProtoJson.fromJson(JSON.readTree("[1]"), Transaction.getDefaultInstance()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a JSON object");
    }

    @Test
    void int32OutOfRangeIsRejected() throws Exception {
        JsonNode json = JSON.readTree("{\"error_code\": 4294967296}");

        assertThatThrownBy(() -> ProtoJson.fromJson(json, org.banyan.protocol.TransactionEnvStore.getDefaultInstance()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32-bit");
    }

    @Test
    void signaturesUseHexForSignData() {
        Signature signature = Signature.newBuilder().setPublicKey("b06566aa")
                .setSignData(ByteString.copyFrom(new byte[] {1, 2})).build();

        ObjectNode json = ProtoJson.toJson(signature);

        assertThat(json.toString()).isEqualTo("{\"public_key\":\"b06566aa\",\"sign_data\":\"0102\"}");
        assertThat(ProtoJson.fromJson(json, Signature.getDefaultInstance())).isEqualTo(signature);
    }
}
