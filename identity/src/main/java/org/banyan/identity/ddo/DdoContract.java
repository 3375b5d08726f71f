package org.banyan.identity.ddo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.banyan.crypto.BidSyntax;
import org.banyan.identity.BidError;
import org.banyan.identity.BidResult;
import org.banyan.identity.ContractCall;
import org.banyan.identity.ContractFailure;
import org.banyan.identity.ResultCode;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.DocumentProofs;
import org.banyan.identity.document.ParsedDocument;
import org.banyan.ledger.CallContext;
import org.banyan.ledger.CallResult;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.QueryContext;
import org.banyan.ledger.SystemContract;

/**
 * The DDO system contract of the main chain (RFC-004 §6.1; BID SDK {@code BIDConstant.DDO_CONTRACT}): it keeps every
 * BID document in its account's metadata, one {@link BidRecord} per BID, so each document has a state proof.
 *
 * <p>Calls ({@code {"method":…,"params":…}}, see {@link DdoCalls}): {@code creation}, {@code update} and
 * {@code recovery} take {@code params.document}, or {@code params.documents} with several (all or none are written);
 * {@code delete} takes {@code id} and {@code proof}. Queries: {@code queryBid} (the document, as BIF
 * returns it) and {@code resolve} (the whole record). A refused call fails its transaction with the RFC-004 result
 * code in the error ({@link ContractFailure}) and changes nothing.
 *
 * <p><b>Who may write.</b> Two checks, both required, so that nobody can write someone else's document:
 * <ol>
 *   <li>The key check of RFC-004: the document's {@code proof} is a valid signature by one of the keys the trusted
 *       document names: for {@code creation} an {@code authentication} key of the new document; for {@code update}
 *       an {@code authentication} key of the stored one; for {@code recovery} and {@code delete} a
 *       {@code extension.recovery} key of the stored one. Signatures are verified with the stored key material.</li>
 *   <li>The account check: the BID itself or its controller authorizes the write. That holds when the transaction's
 *       source (whose signatures the ledger checked against its thresholds) is the BID's own account; or when the
 *       proof's key is the very key the BID was derived from (it holds the BID's private key, so any account may
 *       relay it, which is how the SDK creates many documents in one transaction); or, for writes to an existing
 *       document, when the source is the {@code controller} that the stored document names for the proof's key.
 *       A new document's own claims prove nothing, so they never authorize its creation.</li>
 * </ol>
 * {@code update} may not change {@code authentication}, {@code extension.recovery} or the keys they name: only a
 * recovery key may, through {@code recovery}, so a stolen authentication key cannot lock out the recovery key.
 * {@code created} never changes. Every write's {@code updated} must be later than the stored one (so a signed
 * document cannot be replayed to roll a BID back) and at most {@link #MAX_CLOCK_SKEW_SECONDS} after the ledger's
 * close time (so nobody can push it out of reach). {@code delete} signs the RFC-004 §6.1.3 body
 * {@code {"id":…,"operation":"delete"}}; deactivation is final, and the record stays, emptied.
 *
 * <p><b>AC codes.</b> On the main chain ({@link #mainChain()}), an AC-code document ({@code did:bid:<ac>}, holding a
 * sub-chain's {@code DIDSubResolver}) may be written only by the chain's governance account, as admitting sub-chains
 * is governance's business; its proof is still checked. A document naming an AC code (in its id or
 * {@code extension.acsns}) that has no live AC-code document is refused with {@link ResultCode#UNKNOWN_AC_CODE};
 * documents of a known sub-chain's BIDs live on that sub-chain, so the main chain refuses them with
 * {@link ResultCode#UNSUPPORTED}. On a sub-chain ({@link #subChain}) the contract keeps the documents of that
 * sub-chain's BIDs ({@code did:bid:<ac>:…}) only, and refuses every other id, AC-code documents included, with
 * {@link ResultCode#UNSUPPORTED}; it cannot see the main chain's AC codes, so it leaves {@code extension.acsns}
 * unchecked beyond their syntax.
 */
public final class DdoContract implements SystemContract {

    /** The DDO contract's address on BIF's main chain, which BID SDKs call. */
    public static final String ADDRESS = "did:bid:efspy6btdcuzP5BH2N899Ycti5Sd7n3z";

    /** Documents one transaction may write, over all its DDO calls: the BID SDK's batch limit. */
    public static final int MAX_DOCUMENTS_PER_TRANSACTION = 100;

    /** How far a document's {@code updated} may run ahead of the ledger's close time: client clocks drift. */
    public static final long MAX_CLOCK_SKEW_SECONDS = 300;

    private static final Set<String> WRITE_METHODS = Set.of(DdoCalls.CREATION, DdoCalls.UPDATE, DdoCalls.RECOVERY);

    /** The chain's AC code: empty on the main chain. */
    private final Optional<String> chainAcCode;

    /** The main chain's contract. */
    public DdoContract() {
        this(Optional.empty());
    }

    private DdoContract(final Optional<String> chainAcCode) {
        this.chainAcCode = chainAcCode;
    }

    /** The main chain's contract, which also keeps the AC-code documents of sub-chains. */
    public static DdoContract mainChain() {
        return new DdoContract();
    }

    /**
     * The contract of the sub-chain with this AC code, which keeps its own BIDs' documents only.
     *
     * @throws IllegalArgumentException if {@code acCode} is not 4 lower-case letters or digits
     */
    public static DdoContract subChain(final String acCode) {
        if (!BidSyntax.isAcCode(acCode)) {
            throw new IllegalArgumentException("an AC code is 4 lower-case letters or digits, got '" + acCode + "'");
        }
        return new DdoContract(Optional.of(acCode));
    }

    /** The AC code of the chain this contract serves; empty on the main chain. */
    public Optional<String> chainAcCode() {
        return chainAcCode;
    }

    /**
     * Does ahead of execution, on any thread, the costly work that depends on a call's input alone: parses the
     * documents of a {@code creation}, {@code update} or {@code recovery} (at most
     * {@link #MAX_DOCUMENTS_PER_TRANSACTION}) and checks each proof against the document's own key, which fills the
     * memos that execution then finds. It changes no state and decides nothing: execution checks everything again.
     * Input that is not such a call is ignored.
     */
    public static void prepare(final String input) {
        final BidResult<ContractCall> call = ContractCall.parse(input, "DDO");
        if (!call.isOk() || !WRITE_METHODS.contains(call.value().method())) {
            return;
        }
        final BidResult<List<JsonNode>> documents = documents(call.value().params());
        if (!documents.isOk()) {
            return;
        }
        for (final JsonNode json : documents.value()) {
            final BidResult<ParsedDocument> parsed = BidDocumentCodec.parse(json);
            if (parsed.isOk()) {
                DocumentProofs.checkOwnProof(parsed.value());
            }
        }
    }

    @Override
    public String address() {
        return ADDRESS;
    }

    @Override
    public CallResult call(final CallContext context) {
        final Optional<BidError> error = dispatch(context);
        return error.isEmpty() ? CallResult.success() : new CallResult.Failure(ContractFailure.toLedgerError(error.get()));
    }

    @Override
    public Outcome<String> query(final QueryContext context) {
        final BidResult<String> result = ContractCall.parse(context.input(), "DDO").then(call -> {
            if (!call.method().equals(DdoCalls.QUERY_BID) && !call.method().equals(DdoCalls.RESOLVE)) {
                return BidResult.failed(ResultCode.UNSUPPORTED, "'" + call.method() + "' is not a DDO query;"
                    + " queries are queryBid and resolve");
            }
            return idParam(call.params()).then(id -> answer(call.method(), id, new DocumentStore(context).find(id)));
        });
        return result.isOk() ? Outcome.ok(result.value()) : Outcome.failed(ContractFailure.toLedgerError(result.error()));
    }

    /** {@code queryBid} gives the live document as BIF does; {@code resolve} gives the record, deactivated or not. */
    private static BidResult<String> answer(final String method, final String id, final Optional<BidRecord> record) {
        if (record.isEmpty()) {
            return BidResult.failed(ResultCode.NOT_FOUND, "no document for " + id);
        }
        if (method.equals(DdoCalls.RESOLVE)) {
            return BidResult.ok(record.get().toJson());
        }
        return record.get().documentJson().<BidResult<String>>map(BidResult::ok)
            .orElse(BidResult.failed(ResultCode.NOT_FOUND, id + " is deactivated"));
    }

    private Optional<BidError> dispatch(final CallContext context) {
        final BidResult<ContractCall> read = ContractCall.parse(context.input(), "DDO");
        if (!read.isOk()) {
            return Optional.of(read.error());
        }
        final ContractCall call = read.value();
        final DocumentWriter writer = new DocumentWriter(context, chainAcCode);
        return switch (call.method()) {
            case DdoCalls.CREATION -> writeEach(context, call.params(), writer::create);
            case DdoCalls.UPDATE -> writeEach(context, call.params(), writer::update);
            case DdoCalls.RECOVERY -> writeEach(context, call.params(), writer::recover);
            case DdoCalls.DELETE -> writer.delete(call.params());
            case DdoCalls.QUERY_BID, DdoCalls.RESOLVE -> Optional.of(new BidError(ResultCode.UNSUPPORTED,
                "'" + call.method() + "' is a query: run it with callContract, not in a transaction"));
            default -> Optional.of(new BidError(ResultCode.UNSUPPORTED, "unknown DDO method '" + call.method()
                + "'; methods are creation, update, recovery, delete, queryBid and resolve"));
        };
    }

    /** Writes each document of the call in order; the first refusal fails the call, and so the whole transaction. */
    private static Optional<BidError> writeEach(final CallContext context, final JsonNode params,
                                                final java.util.function.Function<JsonNode, Optional<BidError>> write) {
        final BidResult<List<JsonNode>> documents = documents(params);
        if (!documents.isOk()) {
            return Optional.of(documents.error());
        }
        final int total = context.countInTransaction(documents.value().size());
        if (total > MAX_DOCUMENTS_PER_TRANSACTION) {
            return Optional.of(new BidError(ResultCode.PROTOCOL_ERROR, "a transaction may write at most "
                + MAX_DOCUMENTS_PER_TRANSACTION + " documents; this call brings it to " + total));
        }
        for (int index = 0; index < documents.value().size(); index++) {
            final JsonNode document = documents.value().get(index);
            final Optional<BidError> error = write.apply(document);
            if (error.isPresent()) {
                return Optional.of(documents.value().size() == 1 ? error.get()
                    : error.get().within("documents[" + index + "] (" + document.path("id").asText("no id") + ")"));
            }
        }
        return Optional.empty();
    }

    static BidResult<String> idParam(final JsonNode params) {
        final JsonNode id = params.path("id");
        if (!id.isTextual()) {
            return BidResult.failed(ResultCode.FIELD_NOT_FOUND, "params.id, the BID, is missing");
        }
        if (!BidSyntax.isValid(id.textValue())) {
            return BidResult.failed(ResultCode.PROTOCOL_ERROR, "params.id '" + id.textValue() + "' is not a BID");
        }
        return BidResult.ok(id.textValue());
    }

    /** {@code params.document}, or the 1 to {@link #MAX_DOCUMENTS_PER_TRANSACTION} of {@code params.documents}. */
    private static BidResult<List<JsonNode>> documents(final JsonNode params) {
        final JsonNode one = params.path("document");
        final JsonNode many = params.path("documents");
        if (one.isMissingNode() == many.isMissingNode()) {
            return BidResult.failed(one.isMissingNode() ? ResultCode.FIELD_NOT_FOUND : ResultCode.PROTOCOL_ERROR,
                "params needs exactly one of \"document\" (an object) and \"documents\" (an array)");
        }
        if (!many.isMissingNode()) {
            if (!many.isArray() || many.isEmpty() || many.size() > MAX_DOCUMENTS_PER_TRANSACTION) {
                return BidResult.failed(ResultCode.PROTOCOL_ERROR, "params.documents must be an array of 1 to "
                    + MAX_DOCUMENTS_PER_TRANSACTION + " documents");
            }
            final List<JsonNode> documents = new ArrayList<>(many.size());
            many.forEach(documents::add);
            return BidResult.ok(documents);
        }
        return BidResult.ok(List.of(one));
    }
}
