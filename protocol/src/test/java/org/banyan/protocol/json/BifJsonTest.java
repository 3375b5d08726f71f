package org.banyan.protocol.json;

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
import java.util.List;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.OperationSetThreshold;
import org.banyan.protocol.OperationTypeThreshold;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.TransactionEnvStore;
import org.banyan.protocol.json.BifJson.Reading;
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
            .addOperations(Operation.newBuilder().setType(Operation.Type.SET_THRESHOLD).setSourceAddress("did:bid:efOther")
                .setSetThreshold(OperationSetThreshold.newBuilder().setTxThreshold(1)
                    .addTypeThresholds(OperationTypeThreshold.newBuilder().setType(Operation.Type.LOG).setThreshold(2))))
            .build();
    }

    @Test
    void rendersInBifConventions() {
        final ObjectNode rendered = BifJson.render(payment(3, Long.MAX_VALUE, "", new byte[] {(byte) 0xAB, 0x01}));
        assertThat(rendered.get("nonce").isIntegralNumber()).isTrue();
        assertThat(rendered.get("metadata").asText()).as("bytes as lower-case hex").isEqualTo("ab01");
        final JsonNode operation = rendered.get("operations").get(0);
        assertThat(operation.get("type").intValue()).as("enums as numbers").isEqualTo(7);
        assertThat(operation.get("pay_coin").get("amount").longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(operation.get("pay_coin").has("input")).as("defaults are left out").isFalse();
        assertThat(rendered.has("chain_id")).isFalse();
    }

    @Test
    void signaturesRenderExactly() {
        final Signature signature = Signature.newBuilder().setPublicKey("b06566aa")
            .setSignData(ByteString.copyFrom(new byte[] {1, 2})).build();
        assertThat(BifJson.render(signature).toString()).isEqualTo("{\"public_key\":\"b06566aa\",\"sign_data\":\"0102\"}");
    }

    @Test
    void renderedTransactionsParseBackUnchangedEitherWay() {
        qt().forAll(longs().between(1, Long.MAX_VALUE), longs().all(), strings().basicLatinAlphabet().ofLengthBetween(0, 20),
                integers().between(0, 40))
            .checkAssert((nonce, amount, input, remarksLength) -> {
                final byte[] remarks = input.repeat(remarksLength).getBytes(StandardCharsets.UTF_8);
                final Transaction transaction = payment(nonce, amount, input, remarks);
                for (final Reading reading : Reading.values()) {
                    assertThat(BifJson.parse(BifJson.render(transaction), Transaction.getDefaultInstance(), "t", reading))
                        .isEqualTo(transaction);
                }
            });
    }

    @Test
    void acceptsWhatBifSdksSend() throws Exception {
        final Transaction parsed = BifJson.parse(json("""
            {"source_address": "did:bid:efSource", "nonce": "12", "fee_limit": 5, "gas_price": "100",
             "metadata": "AB01", "operations": [{"type": "PAY_COIN", "pay_coin": {"dest_address": "did:bid:efDest",
             "amount": 1}}, {"type": 7}], "chain_id": null}
            """), Transaction.getDefaultInstance(), "t", Reading.REQUEST);
        assertThat(parsed.getNonce()).isEqualTo(12);
        assertThat(parsed.getGasPrice()).isEqualTo(100);
        assertThat(parsed.getMetadata().toByteArray()).containsExactly(0xAB, 0x01);
        assertThat(parsed.getOperationsList()).extracting(Operation::getType)
            .containsExactly(Operation.Type.PAY_COIN, Operation.Type.PAY_COIN);
    }

    @Test
    void requestsTakeNonHexBytesAsTextLikeTheOfficialSdkSendsRemarks() throws Exception {
        final Transaction parsed = BifJson.parse(json("{\"metadata\": \"hello world\"}"), Transaction.getDefaultInstance(),
            "t", Reading.REQUEST);
        assertThat(parsed.getMetadata().toStringUtf8()).isEqualTo("hello world");
        assertThatThrownBy(() -> BifJson.parse(json("{\"metadata\": \"hello world\"}"), Transaction.getDefaultInstance(),
            "t", Reading.RESPONSE)).hasMessageStartingWith("t.metadata is not valid hex");
    }

    @Test
    void responsesIgnoreFieldsTheyDoNotKnowButRequestsRefuseThem() throws Exception {
        final JsonNode newer = json("""
            {"seq": "12", "hash": "ABCDEF", "close_time": 5, "tx_count": 2,
             "domain_account_hashs": [{"domain_id": 0}], "future_field": {"x": 1}}""");
        final LedgerHeader header = BifJson.parse(newer, LedgerHeader.getDefaultInstance(), "header", Reading.RESPONSE);
        assertThat(header.getSeq()).isEqualTo(12);
        assertThat(header.getHash()).isEqualTo(ByteString.copyFrom(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF}));
        assertThatThrownBy(() -> BifJson.parse(newer, LedgerHeader.getDefaultInstance(), "header", Reading.REQUEST))
            .hasMessage("header.domain_account_hashs is not a field of LedgerHeader");
    }

    @Test
    void refusesMalformedJsonNamingTheField() throws Exception {
        final List<String[]> cases = List.of(
            new String[] {"{\"nonce\": \"seven\"}", "tx.nonce must be an integer but is \"seven\""},
            new String[] {"{\"nonce\": 1.5}", "tx.nonce must be a 64-bit integer but is number"},
            new String[] {"{\"nonce\": true}", "tx.nonce must be a 64-bit integer but is boolean"},
            new String[] {"{\"operations\": [{\"type\": \"PAY\"}]}", "tx.operations[0].type is not a valid Type: \"PAY\""},
            new String[] {"{\"operations\": [{\"type\": 999}]}", "tx.operations[0].type is not a valid Type: 999"},
            new String[] {"{\"operations\": {}}", "tx.operations must be a JSON array but is object"},
            new String[] {"{\"operations\": [5]}", "tx.operations[0] must be a JSON object but is number"},
            new String[] {"{\"operations\": [{\"pay_coin\": []}]}", "tx.operations[0].pay_coin must be a JSON object but is array"},
            new String[] {"{\"source_address\": {}}", "tx.source_address must be a string but is object"},
            new String[] {"{\"metadata\": 5}", "tx.metadata must be a hex string but is number"},
            new String[] {"[]", "tx must be a JSON object but is array"});
        for (final String[] malformed : cases) {
            for (final Reading reading : Reading.values()) {
                assertThatThrownBy(() -> BifJson.parse(json(malformed[0]), Transaction.getDefaultInstance(), "tx", reading))
                    .as(malformed[0]).isInstanceOf(IllegalArgumentException.class).hasMessage(malformed[1]);
            }
        }
        assertThatThrownBy(() -> BifJson.parse(json("{\"error_code\": 3000000000}"),
                TransactionEnvStore.getDefaultInstance(), "record", Reading.RESPONSE))
            .hasMessage("record.error_code must be a 32-bit integer but is 3000000000");
    }
}
