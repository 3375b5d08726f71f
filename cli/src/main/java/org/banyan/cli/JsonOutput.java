package org.banyan.cli;

import org.banyan.protocol.json.BifJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.banyan.sdk.AccountInfo;
import org.banyan.sdk.LedgerInfo;
import org.banyan.sdk.SubmitResult;
import org.banyan.sdk.TransactionRecord;

/** Renders SDK results as the BIF JSON shapes operators already script against (snake_case, hex, enums as numbers). */
final class JsonOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonOutput() {
    }

    static void print(final PrintWriter out, final JsonNode node) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON tree built in memory", e);
        }
    }

    static ObjectNode submitted(final SubmitResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("hash", result.hash());
        node.put("error_code", result.errorCode());
        node.put("error_desc", result.errorDesc());
        return node;
    }

    /** The {@code getTransactionHistory} item shape. */
    static ObjectNode transaction(final TransactionRecord record) {
        ObjectNode node = JSON.createObjectNode();
        node.put("hash", record.hash());
        node.put("ledger_seq", record.ledgerSeq());
        node.put("close_time", record.closeTimeMicros());
        node.put("error_code", record.errorCode());
        node.put("error_desc", record.errorDesc());
        node.put("actual_fee", record.actualFee());
        node.put("tx_size", record.txSizeBytes());
        ArrayNode signatures = node.putArray("signatures");
        record.signatures().forEach(signature -> signatures.add(BifJson.render(signature)));
        node.set("transaction", BifJson.render(record.transaction()));
        return node;
    }

    /** The {@code getAccount} result shape; balance and nonce are always shown, even when zero. */
    static ObjectNode account(final AccountInfo info) {
        ObjectNode node = BifJson.render(info.account());
        node.put("balance", info.account().getBalance());
        node.put("nonce", info.account().getNonce());
        ArrayNode metadatas = node.putArray("metadatas");
        info.metadatas().forEach(entry -> metadatas.add(BifJson.render(entry)));
        return node;
    }

    /** The {@code getLedger} result shape. */
    static ObjectNode ledger(final LedgerInfo info) {
        ObjectNode node = JSON.createObjectNode();
        node.set("header", BifJson.render(info.header()));
        node.put("ledger_length", info.ledgerLength());
        ArrayNode validators = node.putArray("validators");
        info.validators().forEach(validators::add);
        info.leader().ifPresent(leader -> node.put("leader", leader));
        return node;
    }
}
