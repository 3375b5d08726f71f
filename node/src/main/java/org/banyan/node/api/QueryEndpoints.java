package org.banyan.node.api;

import org.banyan.protocol.json.BifJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.ledger.AccountProof;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Validator;
import org.banyan.node.mempool.Mempool;
import org.banyan.node.mempool.PendingTransaction;
import org.banyan.protocol.Account;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.KeyPair;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.TransactionEnvStore;

/** The read-only BIF endpoints over committed state and the mempool, plus Banyan's account proofs. */
final class QueryEndpoints {

    /** BIF's description for a lookup that found nothing. */
    static final String NOT_FOUND = "query result not exist";

    private final Ledger ledger;
    private final Mempool mempool;
    private final Responses responses;

    QueryEndpoints(final Ledger ledger, final Mempool mempool, final Responses responses) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.mempool = Objects.requireNonNull(mempool, "mempool");
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    /** {@code GET /getLedger[?seq=][&with_validator=true][&with_leader=true]}. */
    void getLedger(final Context context) {
        final long seq = QueryParameters.optionalCount(context, "seq").orElse(ledger.lastHeader().getSeq());
        final Optional<LedgerHeader> header = ledger.header(seq);
        if (header.isEmpty()) {
            responses.write(context, responses.failure(ERRORCODE.ERRCODE_NOT_EXIST, "ledger " + seq + " does not exist"));
            return;
        }
        final ObjectNode result = responses.object();
        result.set("header", BifJson.render(header.get()));
        // BIF's size of the ledger record; Banyan stores transactions apart from the header.
        result.put("ledger_length", header.get().getSerializedSize());
        final List<String> validators = ledger.validators(seq).stream().map(Validator::address).toList();
        if (QueryParameters.flag(context, "with_validator")) {
            final ArrayNode list = result.putArray("validators");
            validators.forEach(list::add);
        }
        if (QueryParameters.flag(context, "with_leader")) {
            // The proposer that consensus recorded with the ledger; a dev chain's single validator otherwise.
            result.put("leader", ledger.committedBlock(seq).map(decided -> decided.getBlock().getProposer())
                .filter(proposer -> !proposer.isEmpty()).orElse(validators.get(0)));
        }
        responses.write(context, responses.success(result));
    }

    /** {@code GET /getAccountBase?address=}: the account without its metadata; error 4 when it does not exist. */
    void getAccountBase(final Context context) {
        final String address = QueryParameters.address(context, "address");
        final Optional<Account> account = ledger.account(address);
        if (account.isEmpty()) {
            responses.write(context, accountMissing(address));
            return;
        }
        responses.write(context, responses.success(accountView(account.get())));
    }

    /** {@code GET /getAccount?address=[&key=]}: the account with its metadata, or only the entry under {@code key}. */
    void getAccount(final Context context) {
        final String address = QueryParameters.address(context, "address");
        final Optional<Account> account = ledger.account(address);
        if (account.isEmpty()) {
            responses.write(context, accountMissing(address));
            return;
        }
        final List<KeyPair> entries = QueryParameters.optional(context, "key")
            .map(key -> ledger.metadata(address, key).stream().toList())
            .orElseGet(() -> ledger.metadata(address));
        final ObjectNode result = accountView(account.get());
        final ArrayNode metadatas = result.putArray("metadatas");
        // Every entry shows its version, also version 0, since clients compare it before an update.
        entries.forEach(entry -> metadatas.add(BifJson.render(entry).put("version", entry.getVersion())));
        responses.write(context, responses.success(result));
    }

    /** {@code GET /getTransactionHistory?hash=} or {@code ?ledger_seq=[&start=][&limit=]}. */
    void getTransactionHistory(final Context context) {
        final Optional<String> hash = QueryParameters.optional(context, "hash");
        final List<TransactionEnvStore> records;
        final long totalCount;
        if (hash.isPresent()) {
            records = ledger.transaction(hashBytes(hash.get())).stream().toList();
            totalCount = records.size();
        } else {
            final long seq = QueryParameters.optionalCount(context, "ledger_seq").orElseThrow(
                () -> ApiException.invalidParameter("the query parameter 'hash' or 'ledger_seq' is required"));
            final List<TransactionEnvStore> all = ledger.transactions(seq);
            totalCount = all.size();
            records = page(context, all);
        }
        final ObjectNode result = responses.object();
        result.put("total_count", records.isEmpty() ? 0 : totalCount);
        final ArrayNode transactions = result.putArray("transactions");
        records.forEach(record -> transactions.add(TransactionViews.committed(record)));
        responses.write(context, envelope(result, !records.isEmpty()));
    }

    /** {@code GET /getTransactionCache[?hash=][&limit=]}: pending transactions, highest gas price first. */
    void getTransactionCache(final Context context) {
        final Optional<String> hash = QueryParameters.optional(context, "hash");
        final List<PendingTransaction> pending = hash.isPresent()
            ? mempool.get(Hex.encode(hashBytes(hash.get()))).stream().toList()
            : mempool.pending(limit(context));
        final ObjectNode result = responses.object();
        result.put("total_count", pending.size());
        final ArrayNode transactions = result.putArray("transactions");
        pending.forEach(transaction -> transactions.add(TransactionViews.pending(transaction)));
        responses.write(context, envelope(result, !pending.isEmpty()));
    }

    /** {@code GET /getTxCacheSize}: {@code {"error_code":0,"queue_size":n}}, the shape BIF SDKs read. */
    void getTxCacheSize(final Context context) {
        final ObjectNode body = responses.object();
        body.put("error_code", ERRORCODE.ERRCODE_SUCCESS.getNumber());
        body.put("queue_size", mempool.size());
        responses.write(context, body);
    }

    /**
     * {@code GET /getAccountProof?address=[&seq=]}: the account (or its absence) in ledger {@code seq} (default: the
     * last), the exact account bytes the state tree commits to, and the Merkle proof against the header.
     */
    void getAccountProof(final Context context) {
        final String address = QueryParameters.address(context, "address");
        final long seq = QueryParameters.optionalCount(context, "seq").orElse(ledger.lastHeader().getSeq());
        final Optional<AccountProof> proof = ledger.accountProof(address, seq);
        if (proof.isEmpty()) {
            responses.write(context, responses.failure(ERRORCODE.ERRCODE_NOT_EXIST, "ledger " + seq + " does not exist"));
            return;
        }
        final ObjectNode result = responses.object();
        result.put("address", address);
        result.put("ledger_seq", seq);
        result.set("header", BifJson.render(proof.get().header()));
        result.set("account", proof.get().account().<JsonNode>map(BifJson::render)
            .orElse(result.nullNode()));
        result.put("account_blob", proof.get().accountBlob().map(Hex::encode).orElse(null));
        result.put("proof", Hex.encode(proof.get().proof().encode()));
        responses.write(context, responses.success(result));
    }

    private ObjectNode accountMissing(final String address) {
        return responses.failure(ERRORCODE.ERRCODE_NOT_EXIST, "Account (" + address + ") not exist");
    }

    /** The account as BIF shows it; address, balance and nonce always appear, also when zero. */
    private static ObjectNode accountView(final Account account) {
        final ObjectNode view = BifJson.render(account);
        view.put("address", account.getAddress());
        view.put("balance", account.getBalance());
        view.put("nonce", account.getNonce());
        return view;
    }

    private ObjectNode envelope(final ObjectNode result, final boolean found) {
        final ObjectNode envelope = responses.success(result);
        if (!found) {
            envelope.put("error_code", ERRORCODE.ERRCODE_NOT_EXIST.getNumber());
            envelope.put("error_desc", NOT_FOUND);
        }
        return envelope;
    }

    private static <T> List<T> page(final Context context, final List<T> all) {
        final long start = QueryParameters.optionalCount(context, "start").orElse(0L);
        final int limit = limit(context);
        if (start >= all.size()) {
            return List.of();
        }
        return all.subList((int) start, (int) Math.min(all.size(), start + limit));
    }

    private static int limit(final Context context) {
        final long requested = QueryParameters.optionalCount(context, "limit").orElse((long) HttpApi.MAX_TRANSACTIONS_PER_QUERY);
        // BIF treats limit 0 as "the default".
        return requested == 0 ? HttpApi.MAX_TRANSACTIONS_PER_QUERY : (int) Math.min(requested, HttpApi.MAX_TRANSACTIONS_PER_QUERY);
    }

    private static byte[] hashBytes(final String hex) {
        final byte[] hash;
        try {
            hash = Hex.decode(hex);
        } catch (final IllegalArgumentException e) {
            throw ApiException.invalidParameter("the query parameter 'hash' is not hex: " + e.getMessage());
        }
        if (hash.length != Hashes.DIGEST_LENGTH_BYTES) {
            throw ApiException.invalidParameter("the query parameter 'hash' must be " + 2 * Hashes.DIGEST_LENGTH_BYTES
                + " hex characters but has " + hex.length());
        }
        return hash;
    }
}
