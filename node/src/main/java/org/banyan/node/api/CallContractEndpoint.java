package org.banyan.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Objects;
import org.banyan.crypto.Address;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Limits;
import org.banyan.ledger.Outcome;

/**
 * {@code POST /callContract} in BIF's shape, read-only: {@code {"opt_type":2,"contract_address":…,"input":…}} runs the
 * system contract's query against the last committed ledger ({@link Ledger#query}) and answers
 * {@code {"error_code":0,"result":{"query_rets":[{"result":{"type":"string","value":…}}]}}}, the shape BIF SDKs read
 * (the BID SDK's {@code queryBid} among them). A refusal is the usual envelope {@code {error_code, error_desc}}; for
 * the DDO contract and the trusted registry the description carries {@code {"errorCode":…,"message":…}}. BIF's other
 * members ({@code source_address}, {@code fee_limit}, {@code gas_price}, {@code domain_id}) are accepted and ignored,
 * since a query spends nothing.
 */
final class CallContractEndpoint {

    /**
     * Largest request body: a query input is at most {@link Limits#MAX_QUERY_INPUT_BYTES}, which JSON escaping can
     * grow up to six times, plus the envelope's few members.
     */
    static final int MAX_BODY_BYTES = 6 * Limits.MAX_QUERY_INPUT_BYTES + 4 * 1024;

    /** The only {@code opt_type} served: 2, a query of a deployed contract. */
    private static final int QUERY_OPT_TYPE = 2;

    private final Ledger ledger;
    private final JsonRequests requests;
    private final Responses responses;

    CallContractEndpoint(final Ledger ledger, final JsonRequests requests, final Responses responses) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    void callContract(final Context context) {
        final JsonNode body = requests.readObject(context, MAX_BODY_BYTES);
        final JsonNode optType = body.path("opt_type");
        if (!optType.isMissingNode() && !(optType.canConvertToInt() && optType.asInt() == QUERY_OPT_TYPE)) {
            throw ApiException.invalidParameter("opt_type must be 2 (query a deployed contract); this node runs no"
                + " contract code sent with the request");
        }
        final JsonNode address = body.path("contract_address");
        if (!address.isTextual() || Address.tryParse(address.textValue()).isEmpty()) {
            throw ApiException.invalidParameter("contract_address must be the BID address of a contract");
        }
        final JsonNode input = body.path("input");
        if (!input.isTextual()) {
            throw ApiException.invalidParameter("input must be a string: the contract's JSON query");
        }
        final Outcome<String> answer = ledger.query(address.textValue(), input.textValue());
        if (!answer.isOk()) {
            responses.write(context, responses.failure(answer.error().code(), answer.error().message()));
            return;
        }
        final ObjectNode result = responses.object();
        result.putArray("query_rets").addObject().putObject("result").put("type", "string").put("value", answer.value());
        responses.write(context, responses.success(result));
    }
}
