package org.banyan.node.api;

import org.banyan.protocol.json.BifJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.util.List;
import org.banyan.crypto.Hex;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.node.mempool.PendingTransaction;
import org.banyan.protocol.Signature;
import org.banyan.protocol.TransactionEnvStore;

/** The JSON views of transactions that BIF's history and cache queries return. */
final class TransactionViews {

    /** BIF reports cached transactions with this status; they have not been executed yet. */
    static final String PENDING_STATUS = "processing";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TransactionViews() {
    }

    /**
     * A committed transaction as {@code getTransactionHistory} shows it. Result fields are always present (BIF's
     * transaction pages show {@code "error_desc": ""} for a success); the transaction itself omits defaults.
     */
    static ObjectNode committed(final TransactionEnvStore record) {
        final ObjectNode view = NODES.objectNode();
        view.put("hash", Hex.encode(record.getHash().toByteArray()));
        view.put("ledger_seq", record.getLedgerSeq());
        view.put("close_time", record.getCloseTime());
        view.put("error_code", record.getErrorCode());
        view.put("error_desc", record.getErrorDesc());
        view.put("actual_fee", record.getActualFee());
        view.put("tx_size", record.getTransactionEnv().getSerializedSize());
        view.set("signatures", signatures(record.getTransactionEnv().getSignaturesList()));
        view.set("transaction", BifJson.render(record.getTransactionEnv().getTransaction()));
        if (record.getContractTxHashesCount() > 0) {
            final ArrayNode hashes = view.putArray("contract_tx_hashes");
            for (final ByteString hash : record.getContractTxHashesList()) {
                hashes.add(Hex.encode(hash.toByteArray()));
            }
        }
        return view;
    }

    /** A pending transaction as {@code getTransactionCache} shows it; {@code incoming_time} is in microseconds. */
    static ObjectNode pending(final PendingTransaction pending) {
        final VerifiedTransaction transaction = pending.transaction();
        final ObjectNode view = NODES.objectNode();
        view.put("hash", transaction.hashHex());
        view.put("incoming_time", pending.arrivalMillis() * 1_000);
        view.put("status", PENDING_STATUS);
        view.set("signatures", signatures(transaction.signatures()));
        view.set("transaction", BifJson.render(transaction.transaction()));
        return view;
    }

    private static ArrayNode signatures(final List<Signature> signatures) {
        final ArrayNode array = NODES.arrayNode();
        signatures.forEach(signature -> array.add(BifJson.render(signature)));
        return array;
    }
}
