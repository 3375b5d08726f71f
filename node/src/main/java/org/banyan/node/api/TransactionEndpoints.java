package org.banyan.node.api;

import org.banyan.protocol.json.BifJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.ledger.FeeEstimate;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.LedgerError;
import org.banyan.ledger.Limits;
import org.banyan.ledger.Outcome;
import org.banyan.node.SubmissionItem;
import org.banyan.node.SubmissionPipeline;
import org.banyan.node.SubmissionResult;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;

/**
 * {@code POST /submitTransaction} and {@code POST /testTransaction}. A request that cannot be read at all is
 * answered in the shape the BIF SDKs read for these endpoints: {@code success_count} 0 and one result carrying the
 * error, next to the usual {@code error_code} and {@code error_desc}.
 */
final class TransactionEndpoints {

    private final SubmissionPipeline pipeline;
    private final Ledger ledger;
    private final JsonRequests requests;
    private final Responses responses;

    TransactionEndpoints(final SubmissionPipeline pipeline, final Ledger ledger,
                         final JsonRequests requests, final Responses responses) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    /**
     * {@code {"items":[{"transaction_blob":HEX,"signatures":[{"sign_data":HEX,"public_key":HEX}]}]}} →
     * {@code {"success_count":n,"results":[{"hash","error_code","error_desc"}]}}, one result per item, in order.
     */
    void submitTransaction(final Context context) {
        final List<SubmissionItem> items;
        try {
            items = submissionItems(items(requests.readObject(context)));
        } catch (final ApiException e) {
            responses.write(context, requestFailure(e));
            return;
        }
        final List<SubmissionResult> results = pipeline.submit(items);
        final ObjectNode body = responses.object();
        final ArrayNode array = body.putArray("results");
        int successCount = 0;
        for (final SubmissionResult result : results) {
            final ObjectNode item = array.addObject();
            item.put("hash", result.hashHex());
            // Like BIF, a transaction that is already pending counts as submitted: resubmitting is idempotent.
            final boolean submitted = result.error().isEmpty()
                || result.error().get().code() == ERRORCODE.ERRCODE_ALREADY_EXIST;
            item.put("error_code", submitted ? 0 : result.error().get().number());
            item.put("error_desc", submitted ? "" : result.error().get().message());
            successCount += submitted ? 1 : 0;
        }
        body.put("success_count", successCount);
        responses.write(context, body);
    }

    /**
     * {@code {"items":[{"transaction_json":{…},"signature_number":n}]}} → the fee the transaction would pay, as
     * {@code {"error_code":0,"result":{"hash","txs":[{"actual_fee","gas","transaction_env":{"transaction":{…}}}]}}},
     * the transaction carrying the gas price and fee limit to use. BIF tests one transaction per request.
     */
    void testTransaction(final Context context) {
        final TestItem item;
        try {
            item = testItem(items(requests.readObject(context)));
        } catch (final ApiException e) {
            responses.write(context, requestFailure(e));
            return;
        }
        final Outcome<FeeEstimate> outcome = ledger.evaluateFee(item.transaction(), item.signatureCount());
        if (!outcome.isOk()) {
            responses.write(context, responses.failure(outcome.error().number(), outcome.error().message()));
            return;
        }
        final FeeEstimate estimate = outcome.value();
        final Transaction priced = item.transaction().toBuilder()
            .setGasPrice(estimate.gasPrice()).setFeeLimit(estimate.feeLimit()).build();
        final ObjectNode result = responses.object();
        result.put("hash", Hex.encode(Hashes.sha256(priced.toByteArray())));
        final ObjectNode test = result.putArray("txs").addObject();
        test.put("actual_fee", estimate.actualFee());
        test.put("gas", estimate.gasPrice() > 0 ? estimate.actualFee() / estimate.gasPrice() : estimate.sizeBytes());
        test.putObject("transaction_env").set("transaction", BifJson.render(priced));
        final ObjectNode body = responses.success(result);
        body.put("error_desc", "");
        responses.write(context, body);
    }

    private ObjectNode requestFailure(final ApiException e) {
        final ObjectNode body = responses.failure(e.code(), e.getMessage());
        body.put("success_count", 0);
        final ObjectNode result = body.putArray("results").addObject();
        result.put("hash", "");
        result.put("error_code", e.code().getNumber());
        result.put("error_desc", e.getMessage());
        return body;
    }

    private static JsonNode items(final JsonNode body) {
        final JsonNode items = body.get("items");
        if (items == null || !items.isArray()) {
            throw ApiException.invalidParameter("'items' must be a JSON array");
        }
        return items;
    }

    private static List<SubmissionItem> submissionItems(final JsonNode items) {
        if (items.size() > SubmissionPipeline.MAX_ITEMS_PER_REQUEST) {
            throw ApiException.invalidParameter("the request has " + items.size() + " items; at most "
                + SubmissionPipeline.MAX_ITEMS_PER_REQUEST + " are accepted per request");
        }
        final List<SubmissionItem> parsed = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            parsed.add(submissionItem(items.get(index), "items[" + index + "]"));
        }
        return parsed;
    }

    /** Reads one item, turning every malformation into a per-item error so that the other items still go through. */
    private static SubmissionItem submissionItem(final JsonNode item, final String path) {
        final JsonNode blobText = item.get("transaction_blob");
        if (blobText == null || !blobText.isTextual()) {
            return malformed("", path + ".transaction_blob must be a hex string");
        }
        final byte[] blob;
        try {
            blob = Hex.decode(blobText.textValue());
        } catch (final IllegalArgumentException e) {
            return malformed("", "'transaction_blob' value must be Hex: " + e.getMessage());
        }
        final String hashHex = Hex.encode(Hashes.sha256(blob));
        final JsonNode signatures = item.get("signatures");
        if (signatures == null || !signatures.isArray()) {
            return malformed(hashHex, "'signatures' value is not existed: " + path + ".signatures must be a JSON array");
        }
        if (signatures.size() > Limits.MAX_SIGNATURES) {
            return malformed(hashHex, "the transaction has " + signatures.size() + " signatures; at most "
                + Limits.MAX_SIGNATURES + " are allowed");
        }
        final List<Signature> parsed = new ArrayList<>(signatures.size());
        for (int index = 0; index < signatures.size(); index++) {
            final JsonNode signature = signatures.get(index);
            final String signaturePath = path + ".signatures[" + index + "]";
            final JsonNode signData = signature.get("sign_data");
            final JsonNode publicKey = signature.get("public_key");
            if (signData == null || !signData.isTextual() || publicKey == null || !publicKey.isTextual()) {
                return malformed(hashHex, signaturePath + " needs 'sign_data' and 'public_key' hex strings");
            }
            try {
                parsed.add(Signature.newBuilder()
                    .setSignData(ByteString.copyFrom(Hex.decode(signData.textValue())))
                    // Stored lower-case, as BIF re-encodes the key; the key text is not covered by the hash.
                    .setPublicKey(publicKey.textValue().toLowerCase(Locale.ROOT))
                    .build());
            } catch (final IllegalArgumentException e) {
                return malformed(hashHex, "'sign_data' value must be Hex: " + e.getMessage());
            }
        }
        return new SubmissionItem.Envelope(blob, parsed);
    }

    private static SubmissionItem malformed(final String hashHex, final String message) {
        return new SubmissionItem.Malformed(hashHex, new LedgerError(ERRORCODE.ERRCODE_INVALID_PARAMETER, message));
    }

    /** A transaction to price and the number of signatures to price it with. */
    private record TestItem(Transaction transaction, int signatureCount) {
    }

    private static TestItem testItem(final JsonNode items) {
        if (items.size() != 1) {
            throw ApiException.invalidParameter(items.isEmpty() ? "'items' must hold the transaction to test"
                : "Too many test transactions; you can test only one transaction");
        }
        final JsonNode item = items.get(0);
        return new TestItem(testTransaction(item), signatureCount(item.get("signature_number")));
    }

    private static Transaction testTransaction(final JsonNode item) {
        final JsonNode json = item.get("transaction_json");
        final JsonNode blob = item.get("transaction_blob");
        try {
            if (json != null && !json.isNull()) {
                return BifJson.parse(json, Transaction.getDefaultInstance(), "items[0].transaction_json", BifJson.Reading.REQUEST);
            }
            if (blob != null && blob.isTextual()) {
                return Transaction.parseFrom(Hex.decode(blob.textValue()));
            }
        } catch (final IllegalArgumentException e) {
            throw ApiException.invalidParameter(e.getMessage());
        } catch (final InvalidProtocolBufferException e) {
            throw ApiException.invalidParameter("items[0].transaction_blob is not a valid protobuf Transaction: "
                + e.getMessage());
        }
        throw ApiException.invalidParameter("items[0] needs a 'transaction_json' object (or a 'transaction_blob')");
    }

    private static int signatureCount(final JsonNode value) {
        if (value == null || value.isNull()) {
            return 1;
        }
        if (!value.canConvertToInt() || value.intValue() < 1 || value.intValue() > Limits.MAX_SIGNATURES) {
            throw ApiException.invalidParameter("items[0].signature_number must be an integer from 1 to "
                + Limits.MAX_SIGNATURES + " but is " + value);
        }
        return value.intValue();
    }
}
