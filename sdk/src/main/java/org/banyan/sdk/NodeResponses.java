package org.banyan.sdk;

import org.banyan.protocol.json.BifJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.banyan.crypto.Hex;
import org.banyan.protocol.Account;
import org.banyan.protocol.KeyPair;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;

/** Reads the {@code result} objects of BIF node responses into SDK records. */
final class NodeResponses {

    private NodeResponses() {
    }

    /** Runs a parser, turning a malformed answer into a {@link NodeConnectionException} naming the endpoint. */
    static <T> T parse(final String endpoint, final Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new NodeConnectionException("node sent a malformed " + endpoint + " response: " + e.getMessage(), e);
        }
    }

    static List<SubmitResult> submitResults(final JsonNode response) {
        return parse("submitTransaction", () -> {
            List<SubmitResult> results = new ArrayList<>();
            for (JsonNode item : array(response, "results")) {
                results.add(new SubmitResult(requiredText(item, "hash"), (int) requiredLong(item, "error_code"),
                        optionalText(item, "error_desc")));
            }
            return results;
        });
    }

    /** The value of the first query answer: {@code query_rets[0].result.value}. */
    static String contractAnswer(final JsonNode result) {
        JsonNode answers = result.get("query_rets");
        if (answers == null || !answers.isArray() || answers.isEmpty()) {
            throw new IllegalArgumentException("the result has no query_rets");
        }
        return requiredText(object(answers.get(0), "result"), "value");
    }

    static AccountInfo accountInfo(final JsonNode result) {
        Account account = BifJson.parse(result, Account.getDefaultInstance(), "Account", BifJson.Reading.RESPONSE);
        List<KeyPair> metadatas = new ArrayList<>();
        for (JsonNode entry : optionalArray(result, "metadatas")) {
            metadatas.add(BifJson.parse(entry, KeyPair.getDefaultInstance(), "KeyPair", BifJson.Reading.RESPONSE));
        }
        return new AccountInfo(account, metadatas);
    }

    static LedgerInfo ledgerInfo(final JsonNode result) {
        LedgerHeader header = BifJson.parse(object(result, "header"), LedgerHeader.getDefaultInstance(), "LedgerHeader",
                BifJson.Reading.RESPONSE);
        List<String> validators = new ArrayList<>();
        for (JsonNode validator : optionalArray(result, "validators")) {
            // BIF lists validators as addresses; some versions wrap each in {"address": …}.
            validators.add(validator.isObject() ? requiredText(validator, "address") : validator.asText());
        }
        JsonNode leader = result.get("leader");
        Optional<String> leaderAddress = leader == null || leader.isNull() || leader.asText().isEmpty()
                ? Optional.empty() : Optional.of(leader.asText());
        JsonNode length = result.get("ledger_length");
        return new LedgerInfo(header, length == null ? 0 : length.asLong(), validators, leaderAddress);
    }

    static HistoryPage historyPage(final JsonNode result) {
        List<TransactionRecord> records = new ArrayList<>();
        for (JsonNode item : optionalArray(result, "transactions")) {
            records.add(transactionRecord(item));
        }
        return new HistoryPage(records, optionalLong(result, "total_count"));
    }

    private static TransactionRecord transactionRecord(final JsonNode item) {
        List<Signature> signatures = new ArrayList<>();
        for (JsonNode signature : optionalArray(item, "signatures")) {
            signatures.add(BifJson.parse(signature, Signature.getDefaultInstance(), "Signature", BifJson.Reading.RESPONSE));
        }
        return new TransactionRecord(
                requiredText(item, "hash"),
                requiredLong(item, "ledger_seq"),
                optionalLong(item, "close_time"),
                (int) optionalLong(item, "error_code"),
                optionalText(item, "error_desc"),
                optionalLong(item, "actual_fee"),
                optionalLong(item, "tx_size"),
                signatures,
                BifJson.parse(object(item, "transaction"), Transaction.getDefaultInstance(), "Transaction", BifJson.Reading.RESPONSE));
    }

    static FeeEvaluation feeEvaluation(final JsonNode result) {
        JsonNode transactions = array(result, "txs");
        if (transactions.isEmpty()) {
            throw new IllegalArgumentException("\"txs\" is empty");
        }
        JsonNode first = transactions.get(0);
        JsonNode transaction = object(object(first, "transaction_env"), "transaction");
        return new FeeEvaluation(optionalLong(first, "actual_fee"), optionalLong(transaction, "gas_price"),
                optionalLong(transaction, "fee_limit"));
    }

    static AccountProofResponse accountProof(final JsonNode result) {
        JsonNode blob = result.get("account_blob");
        Optional<ByteString> accountBlob = blob == null || blob.isNull()
                ? Optional.empty() : Optional.of(hex(blob, "account_blob"));
        return new AccountProofResponse(
                requiredText(result, "address"),
                requiredLong(result, "ledger_seq"),
                BifJson.parse(object(result, "header"), LedgerHeader.getDefaultInstance(), "LedgerHeader", BifJson.Reading.RESPONSE),
                accountBlob,
                hex(result.get("proof"), "proof"));
    }

    static long requiredLong(final JsonNode node, final String field) {
        JsonNode value = node.get(field);
        if (value == null || !(value.canConvertToLong() || value.isTextual())) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not an integer");
        }
        try {
            return value.isTextual() ? Long.parseLong(value.textValue()) : value.longValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not an integer: " + value.textValue(), e);
        }
    }

    private static long optionalLong(final JsonNode node, final String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? 0 : requiredLong(node, field);
    }

    private static String requiredText(final JsonNode node, final String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a string");
        }
        return value.textValue();
    }

    private static String optionalText(final JsonNode node, final String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static JsonNode object(final JsonNode node, final String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not an object");
        }
        return value;
    }

    private static JsonNode array(final JsonNode node, final String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not an array");
        }
        return value;
    }

    private static Iterable<JsonNode> optionalArray(final JsonNode node, final String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? List.of() : array(node, field);
    }

    private static ByteString hex(final JsonNode value, final String field) {
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a hex string");
        }
        return ByteString.copyFrom(Hex.decode(value.textValue()));
    }
}
